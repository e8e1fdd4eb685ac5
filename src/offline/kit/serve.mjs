#!/usr/bin/env node
// Serves this offline copy of the runbooks on http://127.0.0.1:8000/ (or the port given), so full
// search (Pagefind) works. Needs only Node.js (16 or newer). Stop with Ctrl-C.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 8000);
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

function fileFor(urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath.split('?')[0])));
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep) && path !== root) return undefined;
  for (const candidate of [path, join(path, 'index.html'), `${path}.html`]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return undefined;
}

createServer((request, response) => {
  const file = fileFor(request.url ?? '/');
  const status = file ? 200 : 404;
  const served = file ?? join(root, '404.html');
  response.writeHead(status, { 'Content-Type': types[extname(served)] ?? 'application/octet-stream' });
  createReadStream(served).pipe(response);
}).listen(port, '127.0.0.1', () => {
  console.log(`Runbooks (offline copy) at http://127.0.0.1:${port}/  (Ctrl-C to stop)`);
});
