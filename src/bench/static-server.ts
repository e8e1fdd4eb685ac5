/**
 * A built site served on 127.0.0.1 as a static host would (a folder's index.html for its path), for
 * the benchmarks that load pages in Chromium. Node only.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

export function serveSite(dir: string): Promise<{ url: string; close: () => void }> {
  const server = createServer(async (request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    for (const candidate of [urlPath, `${urlPath}/index.html`, `${urlPath}index.html`]) {
      const file = path.join(dir, candidate);
      if (!file.startsWith(dir)) break;
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) {
        response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        response.end(await readFile(file));
        return;
      }
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
        close: () => server.close(),
      });
    }),
  );
}
