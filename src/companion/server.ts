/**
 * The companion's HTTP server (`runbook serve`): on 127.0.0.1 only, every request through the guard
 * (src/companion/guard.ts) first, then either the site's files (HTML pages with the companion's script
 * added) or its API under /__runbook/:
 *   GET  state?runbook=ID       the context, whether it is confirmed, the runbook's steps that ran or run
 *   POST context                {context}: confirms the context (once per start, before any run)
 *   POST prepare                {runbook, step, values}: the step as it would run, and what it takes
 *   POST run                    … and the confirmations: starts it, answers {run}
 *   GET  runs/<id>/events       the run's output as server-sent events, from its start, then its exit
 *   POST runs/<id>/stop         stops it (SIGINT to its process group, then SIGKILL)
 * Every response carries the site's security headers (the CSP as a header too) and no CORS header.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZodType } from 'zod';
import type { CommandReader } from '../commands/reader.ts';
import type { CommandCatalogue } from '../schemas/command-catalogue.ts';
import type { KubeContext } from '../runner/context.ts';
import { SECURITY_HEADERS } from '../security/csp.ts';
import { admit, newToken } from './guard.ts';
import { withCompanion, type PageAdditions } from './page-additions.ts';
import {
  API,
  contextRequestSchema,
  runRequestSchema,
  SCRIPT_PATH,
  stepRequestSchema,
  STYLE_PATH,
  type CompanionState,
  type RunEvent,
} from './protocol.ts';
import type { RunRegistry } from './runs.ts';
import type { Site } from './site-files.ts';
import { checkConfirmations, findRunbook, pageStep, Refusal, viewOf } from './steps.ts';

export interface CompanionOptions {
  catalogue: CommandCatalogue;
  site: Site;
  context: KubeContext;
  reader: CommandReader;
  runs: RunRegistry;
  additions: PageAdditions;
  logDir: string;
  /** 0: any free port. */
  port?: number;
  token?: string;
}

export interface Companion {
  /** The URL to open, with the token: http://127.0.0.1:<port>/?token=… */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
/** Larger than any request the page sends. */
const MAX_BODY = 64 * 1024;

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, extra = {}): void {
  response.writeHead(status, { ...HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  response.end(body);
}
const sendJson = (response: ServerResponse, status: number, body: unknown) =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
const sendText = (response: ServerResponse, status: number, text: string, extra = {}) =>
  send(response, status, 'text/plain; charset=utf-8', `${text}\n`, extra);

async function readJson(request: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? ''))
    throw new Refusal(415, 'send JSON (Content-Type: application/json)');
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Refusal(413, `a request body of more than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Refusal(400, 'the body is not JSON');
  }
}

function parse<T>(schema: ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Refusal(400, `${issue.path.map(String).join('.') || 'the request'}: ${issue.message}`);
}

export function startCompanion(options: CompanionOptions): Promise<Companion> {
  const { catalogue, site, context, reader, runs, additions } = options;
  const token = options.token ?? newToken();
  let port = 0;
  let confirmed = false;

  const state = (runbook: string | null): CompanionState => ({
    context,
    confirmed,
    logDir: options.logDir,
    steps: runbook ? runs.stateOf(findRunbook(catalogue, runbook).id) : [],
  });

  function follow(request: IncomingMessage, response: ServerResponse, id: string): void {
    const run = runs.get(id);
    if (!run) throw new Refusal(404, 'no such run (only the last run of each step is kept)');
    response.writeHead(200, { ...HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8' });
    const event = (e: RunEvent) => response.write(`data: ${JSON.stringify(e)}\n\n`);
    const { chunks, dropped } = run.snapshot();
    event({ type: 'start', command: run.command, dropped });
    for (const chunk of chunks) event({ type: 'output', ...chunk });
    if (run.end) {
      event({ type: 'exit', ...run.end });
      response.end();
      return;
    }
    const stop = run.follow((e) => {
      event(e);
      if (e.type === 'exit') response.end();
    });
    request.on('close', stop);
  }

  async function api(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const route = url.pathname.slice(API.length);
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const only = (allowed: 'GET' | 'POST') => {
      if (method !== allowed) throw new Refusal(405, `${route}: ${allowed} only`);
    };
    if (`${API}${route}` === SCRIPT_PATH) {
      only('GET');
      return send(response, 200, 'text/javascript; charset=utf-8', additions.script);
    }
    if (`${API}${route}` === STYLE_PATH) {
      only('GET');
      return send(response, 200, 'text/css; charset=utf-8', additions.style);
    }
    if (route === 'state') {
      only('GET');
      return sendJson(response, 200, state(url.searchParams.get('runbook')));
    }
    if (route === 'context') {
      only('POST');
      const { context: name } = parse(contextRequestSchema, await readJson(request));
      if (name !== context.context)
        throw new Refusal(
          409,
          `this companion works on ${context.context}, not ${name}: restart it with --context ${name}`,
        );
      confirmed = true;
      return sendJson(response, 200, state(null));
    }
    if (route === 'prepare') {
      only('POST');
      const step = pageStep(catalogue, parse(stepRequestSchema, await readJson(request)), { reader, context });
      return sendJson(response, 200, viewOf(step));
    }
    if (route === 'run') {
      only('POST');
      const body = parse(runRequestSchema, await readJson(request));
      const step = pageStep(catalogue, body, { reader, context });
      checkConfirmations(step, body, confirmed);
      const run = runs.start(step);
      return sendJson(response, 202, { run: run.id, command: run.command });
    }
    const runRoute = /^runs\/([0-9a-f-]{36})\/(events|stop)$/.exec(route);
    if (runRoute) {
      const [, id, action] = runRoute as unknown as [string, string, 'events' | 'stop'];
      if (action === 'events') {
        only('GET');
        return follow(request, response, id);
      }
      only('POST');
      runs.stop(id);
      return sendJson(response, 202, { stopping: id });
    }
    throw new Refusal(404, `no ${url.pathname} here`);
  }

  async function page(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      throw new Refusal(405, 'the pages are read with GET; only /__runbook/ takes POST');
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(url.pathname);
    } catch {
      throw new Refusal(400, 'a malformed path');
    }
    const file = (await site.read(urlPath)) ?? (await site.read('/404.html'));
    if (!file) return sendText(response, 404, `no ${urlPath} in this site`);
    const status = file.name === '404.html' && !urlPath.endsWith('404.html') ? 404 : 200;
    const body = file.name.endsWith('.html') ? withCompanion(file.data.toString('utf8')) : file.data;
    response.writeHead(status, { ...HEADERS, 'Content-Type': file.type, 'Content-Length': Buffer.byteLength(body) });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  const server = createServer(async (request, response) => {
    try {
      const admission = admit(
        { method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers },
        { port, token },
      );
      if (admission.kind === 'refuse') return sendText(response, admission.status, admission.message);
      if (admission.kind === 'redirect')
        return sendText(response, 303, 'see the same page without the token', {
          Location: admission.location,
          'Set-Cookie': admission.cookie,
        });
      const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith(API)) await api(request, response, url);
      else await page(request, response, url);
    } catch (error) {
      if (response.headersSent) {
        response.end();
        return;
      }
      if (error instanceof Refusal) {
        if (request.url?.startsWith(API)) sendJson(response, error.status, { error: error.message });
        else sendText(response, error.status, error.message);
        return;
      }
      console.error(`runbook serve: ${request.method} ${request.url}: ${(error as Error).stack ?? error}`);
      sendJson(response, 500, { error: `the companion failed: ${(error as Error).message}` });
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        url: `${origin}/?token=${token}`,
        origin,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
