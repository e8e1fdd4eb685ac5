/**
 * A static host on 127.0.0.1 for benchmarks and browser tests: serves a built site as Netlify or nginx
 * would (folders by their index.html, the site's 404.html with status 404) and, when the site has a
 * `_headers` file, the headers it gives for every path. Node only.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

/** Content types of the files a built site holds, by extension (the companion serves with the same). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

/** The headers a `_headers` file gives for every path (its "/*" block). */
export function headersFor(headersFile: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inBlock = false;
  for (const line of headersFile.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) inBlock = line.trim().endsWith('/*');
    else if (inBlock) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return headers;
}

/** The files a URL path may name, as static hosts look them up: itself, or a folder's index.html. */
export const sitePathCandidates = (urlPath: string): string[] => [
  urlPath,
  `${urlPath}/index.html`,
  `${urlPath}index.html`,
];

export interface StaticHost {
  url: string;
  close(): void;
}

export async function serveStatic(dir: string): Promise<StaticHost> {
  const root = await realpath(dir);
  const headers = headersFor(await readFile(path.join(root, '_headers'), 'utf8').catch(() => ''));
  const fileFor = async (urlPath: string) => {
    for (const candidate of sitePathCandidates(urlPath)) {
      const file = path.join(root, candidate);
      if (!file.startsWith(root)) return undefined;
      if ((await stat(file).catch(() => undefined))?.isFile()) return file;
    }
    return undefined;
  };
  const server = createServer(async (request, response) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400, headers).end();
      return;
    }
    const file = await fileFor(urlPath);
    const served = file ?? (await fileFor('/404.html'));
    if (!served) {
      response.writeHead(404, headers).end();
      return;
    }
    response.writeHead(file ? 200 : 404, {
      ...headers,
      'Content-Type': CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream',
    });
    response.end(await readFile(served));
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
