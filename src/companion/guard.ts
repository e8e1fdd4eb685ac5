/**
 * Who may talk to the companion, decided before anything else looks at a request. A local server that
 * runs commands is a remote-code-execution service for any web page the person opens, unless it is
 * built the way Jupyter's is:
 *   - Host must be the companion's own address (127.0.0.1:<port> or localhost:<port>): a page of
 *     evil.example whose DNS name is re-pointed at 127.0.0.1 (DNS rebinding) sends its own name;
 *   - a random token of this start, in the URL the companion prints, checked on every request: the
 *     first request brings it in the query and is redirected to the same URL without it, with the
 *     token in an HttpOnly, SameSite=Strict cookie (no script reads it, no other site's page sends it);
 *   - every POST comes from the companion's own origin (Origin header, which browsers always send on
 *     POST): a page elsewhere can't make the browser run a step (CSRF), and only POST changes anything;
 *   - no CORS headers, ever: nothing here is readable from another origin.
 * Pure but for the constant-time comparison (node:crypto).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes (256 bits), URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Browsers send every cookie of a host to all its ports: the name keeps two companions apart. */
export const cookieName = (port: number): string => `runbook-companion-${port}`;

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export interface GuardRequest {
  method: string;
  /** As in the request line: /runbooks/pod001/?token=… */
  url: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export type Admission =
  | { kind: 'pass' }
  /** The token came in the URL: set the cookie and go to the same URL without it. */
  | { kind: 'redirect'; location: string; cookie: string }
  | { kind: 'refuse'; status: number; message: string };

const header = (request: GuardRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export const ownHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
export const ownOrigins = (port: number): string[] => ownHosts(port).map((host) => `http://${host}`);

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: GuardRequest, port: number): string | undefined {
  const name = cookieName(port);
  for (const part of (header(request, 'cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

const refuse = (status: number, message: string): Admission => ({ kind: 'refuse', status, message });

export function admit(request: GuardRequest, { port, token }: { port: number; token: string }): Admission {
  const host = (header(request, 'host') ?? '').toLowerCase();
  if (!ownHosts(port).includes(host))
    return refuse(
      403,
      `Host ${JSON.stringify(host)} is not this companion's address: open http://127.0.0.1:${port}/ (a foreign name pointing here is how DNS rebinding attacks work)`,
    );
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST')
    return refuse(405, `${method} is not served here: GET reads, POST changes`);
  if (method === 'POST') {
    const origin = header(request, 'origin');
    if (!origin || !ownOrigins(port).includes(origin))
      return refuse(
        403,
        `a request that changes something must come from a page of this companion (Origin ${origin ? JSON.stringify(origin) : 'missing'})`,
      );
  }
  const url = new URL(request.url, `http://${host}`);
  const inUrl = url.searchParams.get('token');
  if (inUrl !== null) {
    if (!sameToken(inUrl, token)) return refuse(403, 'wrong token: open the URL runbook serve printed at its start');
    if (method !== 'GET' && method !== 'HEAD') return refuse(403, 'the token goes in the URL of a page only');
    url.searchParams.delete('token');
    return {
      kind: 'redirect',
      // One leading slash: "//evil.example/" would send the browser to another host.
      location: `/${url.pathname.replace(/^\/+/, '')}${url.search}${url.hash}`,
      cookie: sessionCookie(port, token),
    };
  }
  const inCookie = cookieToken(request, port);
  if (inCookie === undefined || !sameToken(inCookie, token))
    return refuse(
      403,
      'no valid token: open the URL runbook serve printed at its start (it holds a new token each time it starts)',
    );
  return { kind: 'pass' };
}
