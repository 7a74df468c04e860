/**
 * Issue 13 item 6: the gateway answers only requests addressed to itself by a loopback name and its own
 * port (a DNS-rebound page sends its own name), and API bodies only as JSON (a cross-site form cannot).
 */
import http from 'node:http';
import type { LocalApp } from '../../local/app';
import { isJsonType, isLocalHost } from '../../local/gateway';
import { callFn, login, startTestApp } from '../helpers/local-app';

let app: LocalApp;
let port: number;
beforeAll(async () => {
  app = await startTestApp();
  port = Number(new URL(app.url).port);
});
afterAll(() => app.close());

/** A raw request with a chosen Host header (fetch does not let a caller set Host). */
function raw(opts: { path: string; method?: string; host?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; json: any }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: opts.path,
        method: opts.method ?? 'GET',
        setHost: false,
        headers: { ...(opts.host === undefined ? {} : { host: opts.host }), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : null });
        });
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const callBody = JSON.stringify({ data: { action: 'listDistricts' } });
const json = { 'content-type': 'application/json' };

describe('gateway: Host header (DNS rebinding)', () => {
  it.each(['127.0.0.1', 'localhost', 'LOCALHOST'])('answers %s with its own port', async (name) => {
    const res = await raw({
      path: '/fn/school',
      method: 'POST',
      host: `${name}:${port}`,
      headers: json,
      body: callBody,
    });
    expect(res.status).toBe(200);
    expect(res.json.result.ok).toBe(true);
  });

  it.each([
    ['another name', () => `evil.example:${port}`],
    ['a name ending in localhost', () => `evil.localhost.example:${port}`],
    ['another port', () => `127.0.0.1:${port + 1}`],
    ['no port', () => '127.0.0.1'],
    ['another loopback address', () => `127.0.0.2:${port}`],
    ['an empty Host', () => ''],
  ])('refuses %s with 421 and a JSON error, for calls and pages alike', async (_label, host) => {
    const call = await raw({ path: '/fn/school', method: 'POST', host: host(), headers: json, body: callBody });
    expect(call.status).toBe(421);
    expect(call.json.error).toContain('127.0.0.1 或 localhost');
    const personas = await raw({ path: '/__dev/personas', host: host() });
    expect(personas.status).toBe(421);
    expect(personas.json).toEqual({ error: expect.any(String) });
  });

  it('an HTTP/1.1 request without a Host header is refused (by Node before the gateway sees it)', async () => {
    const res = await raw({ path: '/__dev/personas' });
    expect(res.status).toBe(400);
    expect(res.json).toBeNull();
  });

  it('a rebound page cannot sign in: no session is created', async () => {
    const res = await raw({
      path: '/__dev/login',
      method: 'POST',
      host: `attacker.example:${port}`,
      headers: json,
      body: JSON.stringify({ persona: 'hd-bureau' }),
    });
    expect(res.status).toBe(421);
  });

  it('the pure check: loopback names with the exact port; port 80 may be left out', () => {
    expect(isLocalHost(`localhost:${port}`, port)).toBe(true);
    expect(isLocalHost('localhost', 80)).toBe(true);
    expect(isLocalHost('localhost:80', 80)).toBe(true);
    expect(isLocalHost('localhost', 3000)).toBe(false);
    expect(isLocalHost('[::1]:3000', 3000)).toBe(false);
    expect(isLocalHost(undefined, 3000)).toBe(false);
  });
});

describe('gateway: API bodies only as JSON', () => {
  it.each([
    ['no content type', {}],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['plain text (a no-preflight cross-site fetch)', { 'content-type': 'text/plain' }],
    ['a multipart form', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['a look-alike type', { 'content-type': 'application/jsonp' }],
  ])('a function call with %s is 415 with a clear message', async (_label, headers: Record<string, string>) => {
    const res = await fetch(`${app.url}/fn/school`, { method: 'POST', headers, body: callBody });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toBe(
      '请求体应为 JSON：请设置请求头 Content-Type: application/json',
    );
  });

  it('sign-in and sign-out need JSON too; a refused sign-out keeps the session', async () => {
    const form = { 'content-type': 'text/plain' };
    expect(
      (await fetch(`${app.url}/__dev/login`, { method: 'POST', headers: form, body: '{"persona":"hd-bureau"}' }))
        .status,
    ).toBe(415);
    const cookie = await login(app, 'hd-teacher');
    const out = await fetch(`${app.url}/__dev/logout`, { method: 'POST', headers: { ...form, cookie } });
    expect(out.status).toBe(415);
    expect((await callFn(app, 'account', { action: 'me' }, cookie)).body.result.ok).toBe(true);
    const ok = await fetch(`${app.url}/__dev/logout`, { method: 'POST', headers: { ...json, cookie } });
    expect(ok.status).toBe(200);
    expect((await callFn(app, 'account', { action: 'me' }, cookie)).body.result).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
  });

  it('JSON with parameters and any letter case is accepted; GETs need no type', async () => {
    const res = await fetch(`${app.url}/fn/school`, {
      method: 'POST',
      headers: { 'content-type': 'Application/JSON; charset=UTF-8' },
      body: callBody,
    });
    expect(res.status).toBe(200);
    expect((await fetch(`${app.url}/__dev/personas`)).status).toBe(200);
    expect(isJsonType('application/json')).toBe(true);
    expect(isJsonType(' application/json ;charset=utf-8')).toBe(true);
    expect(isJsonType('application/json-patch+json')).toBe(false);
  });
});
