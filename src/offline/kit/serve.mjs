#!/usr/bin/env node
// Serves this offline copy of the runbooks on http://127.0.0.1:8000/ (or the port given), so full
// search (Pagefind) works. Needs only Node.js (16 or newer). Stop with Ctrl-C.
// It serves the files of this folder and nothing else: not through a symbolic link that leads out of
// it, not on any address but 127.0.0.1. A malformed request gets 400 and the server goes on.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = realpathSync(fileURLToPath(new URL('.', import.meta.url)));
const requested = Number(process.argv[2] ?? process.env.PORT ?? 8000);
const TRIES = 20;
const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};
const headers = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

const inRoot = (path) => path === root || path.startsWith(root + sep);

/** The file a URL path names inside this folder, following links only where they stay inside. */
function fileFor(urlPath) {
  const path = normalize(join(root, urlPath));
  if (!inRoot(path)) return undefined;
  for (const candidate of [path, join(path, 'index.html'), `${path}.html`]) {
    try {
      const real = realpathSync(candidate);
      if (inRoot(real) && statSync(real).isFile()) return real;
    } catch {}
  }
  return undefined;
}

function send(response, status, file, method) {
  response.writeHead(status, { ...headers, 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  if (method === 'HEAD') return response.end();
  const stream = createReadStream(file);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

const server = createServer((request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    response
      .writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
      .end('Bad request: the address is not valid.\n');
    return;
  }
  if (urlPath.includes('\0')) {
    response.writeHead(400, headers).end();
    return;
  }
  const file = fileFor(urlPath);
  if (file) send(response, 200, file, request.method);
  else {
    const notFound = fileFor('/404.html');
    if (notFound) send(response, 404, notFound, request.method);
    else response.writeHead(404, headers).end();
  }
});
server.on('clientError', (_error, socket) => socket.destroy());

// A port in use: say so and take the next free one.
let port = requested;
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && port < requested + TRIES) {
    console.log(`Port ${port} is in use; trying ${port + 1}.`);
    port += 1;
    server.listen(port, '127.0.0.1');
    return;
  }
  console.error(
    error.code === 'EADDRINUSE'
      ? `Ports ${requested} to ${port} are all in use. Give a free one: node serve.mjs 8080`
      : `Cannot serve on 127.0.0.1:${port}: ${error.message}`,
  );
  process.exit(1);
});
server.on('listening', () => {
  const note = port === requested ? '' : ` (port ${requested} was in use)`;
  console.log(`Runbooks (offline copy) at http://127.0.0.1:${port}/${note}  (Ctrl-C to stop)`);
});
server.listen(port, '127.0.0.1', 511);
