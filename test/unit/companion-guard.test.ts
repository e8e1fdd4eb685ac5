/**
 * Who may talk to the companion (src/companion/guard.ts): its own Host only, the token of this start
 * (in the URL once, then in an HttpOnly SameSite=Strict cookie), its own Origin on every POST, and
 * only GET, HEAD and POST.
 */
import { describe, expect, it } from 'vitest';
import { admit, cookieName, newToken, type GuardRequest } from '../../src/companion/guard.ts';

const port = 41234;
const token = newToken();
const guard = { port, token };
const cookie = `${cookieName(port)}=${token}`;

const request = (overrides: Partial<GuardRequest> & { headers?: GuardRequest['headers'] } = {}): GuardRequest => ({
  method: 'GET',
  url: '/runbooks/pod001/',
  ...overrides,
  headers: { host: `127.0.0.1:${port}`, cookie, ...overrides.headers },
});
const post = (headers: GuardRequest['headers'] = {}) =>
  request({ method: 'POST', url: '/__runbook/run', headers: { origin: `http://127.0.0.1:${port}`, ...headers } });

describe('the token', () => {
  it('is 256 random bits, URL-safe, new at every start', () => {
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
  });

  it('in the URL: redirects to the same URL without it, setting it as an HttpOnly, SameSite=Strict cookie', () => {
    const admission = admit(
      request({ url: `/runbooks/pod001/?pod=api-7c9&token=${token}#diagnosis`, headers: { cookie: undefined } }),
      guard,
    );
    expect(admission).toEqual({
      kind: 'redirect',
      location: '/runbooks/pod001/?pod=api-7c9#diagnosis',
      cookie: `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    });
  });

  it('redirects only to a path of its own, however the URL begins', () => {
    for (const url of [`//evil.example/?token=${token}`, `/\\evil.example/?token=${token}`]) {
      const admission = admit(request({ url, headers: { cookie: undefined } }), guard);
      expect(admission.kind).toBe('redirect');
      expect(admission.kind === 'redirect' && admission.location).toMatch(/^\/(?!\/)/);
    }
  });

  it('a wrong token in the URL is refused, even with a valid cookie', () => {
    expect(admit(request({ url: `/?token=${newToken()}` }), guard)).toMatchObject({ kind: 'refuse', status: 403 });
    expect(admit(request({ url: '/?token=' }), guard)).toMatchObject({ kind: 'refuse', status: 403 });
  });

  it('in a POST URL is refused: it belongs in the URL of a page', () => {
    expect(admit({ ...post(), url: `/__runbook/run?token=${token}` }, guard)).toMatchObject({
      kind: 'refuse',
      status: 403,
      message: expect.stringContaining('URL of a page'),
    });
  });

  it('is required on every request, pages and API alike', () => {
    for (const url of ['/', '/runbooks/pod001/', '/__runbook/state', '/__runbook/companion.js', '/favicon.svg']) {
      const admission = admit(request({ url, headers: { cookie: undefined } }), guard);
      expect(admission, url).toMatchObject({ kind: 'refuse', status: 403, message: expect.stringContaining('token') });
    }
  });

  it('in the cookie: passes; a wrong one, or the cookie of a companion on another port, does not', () => {
    expect(admit(request(), guard)).toEqual({ kind: 'pass' });
    expect(admit(request({ headers: { cookie: `theme=dark; ${cookie}; other=1` } }), guard)).toEqual({
      kind: 'pass',
    });
    expect(admit(request({ headers: { cookie: `${cookieName(port)}=${newToken()}` } }), guard).kind).toBe('refuse');
    expect(admit(request({ headers: { cookie: `${cookieName(port + 1)}=${token}` } }), guard).kind).toBe('refuse');
    expect(admit(request({ headers: { cookie: `${cookieName(port)}=${token}x` } }), guard).kind).toBe('refuse');
  });
});

describe('the Host header (DNS rebinding)', () => {
  it('127.0.0.1:<port> and localhost:<port> pass', () => {
    expect(admit(request({ headers: { host: `127.0.0.1:${port}` } }), guard).kind).toBe('pass');
    expect(admit(request({ headers: { host: `LOCALHOST:${port}` } }), guard).kind).toBe('pass');
  });

  it('any other name or port is refused before the token is looked at', () => {
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `[::1]:${port}`,
      `0.0.0.0:${port}`,
      '',
    ]) {
      const admission = admit(request({ url: `/?token=${token}`, headers: { host } }), guard);
      expect(admission, host).toMatchObject({ kind: 'refuse', status: 403, message: expect.stringContaining('Host') });
    }
    expect(admit({ method: 'GET', url: '/', headers: { cookie } }, guard).kind).toBe('refuse');
  });
});

describe('the Origin of a POST (CSRF)', () => {
  it('its own origin passes', () => {
    expect(admit(post(), guard)).toEqual({ kind: 'pass' });
    expect(admit(post({ origin: `http://localhost:${port}` }), guard)).toEqual({ kind: 'pass' });
  });

  it('another origin, a missing one or "null" is refused, even with the cookie', () => {
    for (const origin of [
      'https://evil.example',
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      'null',
      undefined,
    ]) {
      expect(admit(post({ origin }), guard), String(origin)).toMatchObject({
        kind: 'refuse',
        status: 403,
        message: expect.stringContaining('Origin'),
      });
    }
  });
});

describe('methods', () => {
  it('only GET, HEAD and POST are served', () => {
    expect(admit(request({ method: 'HEAD' }), guard).kind).toBe('pass');
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
      expect(admit(request({ method }), guard), method).toMatchObject({ kind: 'refuse', status: 405 });
    }
  });
});
