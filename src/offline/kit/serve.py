#!/usr/bin/env python3
"""Serves this offline copy of the runbooks on http://127.0.0.1:8000/ (or the port given), so full
search (Pagefind) works. Needs only Python 3. Stop with Ctrl-C.

It serves the files of this folder and nothing else: not through a symbolic link that leads out of it,
not on any address but 127.0.0.1. A malformed request gets 400 and the server goes on."""
import errno
import functools
import http.server
import os
import sys
import urllib.parse

ROOT = os.path.realpath(os.path.dirname(os.path.abspath(__file__)))
REQUESTED = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
TRIES = 20


def inside(path):
    return path == ROOT or path.startswith(ROOT + os.sep)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", "frame-ancestors 'none'")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def translate_path(self, path):
        translated = super().translate_path(path)
        # A link that leads out of this folder is not served: name a path that does not exist.
        real = os.path.realpath(translated)
        return translated if inside(real) else os.path.join(ROOT, ".outside-this-folder")

    def parse_request(self):
        if not super().parse_request():
            return False
        try:
            urllib.parse.unquote(self.path, errors="strict")
        except UnicodeDecodeError:
            self.send_error(400, "Bad request: the address is not valid")
            return False
        return True

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(ROOT, "404.html")
        if code == 404 and os.path.exists(page):
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            with open(page, "rb") as f:
                self.wfile.write(f.read())
        else:
            super().send_error(code, message, explain)

    def log_message(self, format, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    # The default backlog of 5 makes a burst of clients wait seconds for a retry; the OS allows more.
    request_queue_size = 128
    daemon_threads = True


def serve():
    port = REQUESTED
    while True:
        try:
            server = Server(("127.0.0.1", port), functools.partial(Handler, directory=ROOT))
            break
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                sys.exit(f"Cannot serve on 127.0.0.1:{port}: {error.strerror}")
            if port >= REQUESTED + TRIES:
                sys.exit(f"Ports {REQUESTED} to {port} are all in use. Give a free one: python3 serve.py 8080")
            print(f"Port {port} is in use; trying {port + 1}.", flush=True)
            port += 1
    note = "" if port == REQUESTED else f" (port {REQUESTED} was in use)"
    print(f"Runbooks (offline copy) at http://127.0.0.1:{port}/{note}  (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


serve()
