#!/usr/bin/env python3
"""Serves this offline copy of the runbooks on http://127.0.0.1:8000/ (or the port given), so full
search (Pagefind) works. Needs only Python 3. Stop with Ctrl-C."""
import functools
import http.server
import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8000


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}

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


server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), functools.partial(Handler, directory=ROOT))
print(f"Runbooks (offline copy) at http://127.0.0.1:{PORT}/  (Ctrl-C to stop)")
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
