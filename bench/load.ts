/**
 * Load on the gateway with autocannon, as ratios to a bare Node http server measured in the same run:
 * school.lookup (anonymous), duty.clockIn (bench teachers, one unique request id per request) and
 * approval.inbox (a principal with pending requests). Every response body is read: an envelope with
 * ok:false counts as unexpected unless it is the scenario's expected business answer.
 */
import http from 'node:http';
import autocannonTyped from 'autocannon';
import dayjs from 'dayjs';
import { CHINA_ZONE } from '../src/domain/time';
import type { BenchStack } from './stack';

// More of autocannon's API than types/autocannon.d.ts declares: per-request bodies and body checks.
interface RequestParams {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface LoadRequest extends RequestParams {
  /** Called before each request of a connection: returns the request to send. */
  setupRequest?: (req: RequestParams, context: Record<string, unknown>) => RequestParams;
}
interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  requests: LoadRequest[];
  /** Called with each response body: a falsy answer counts as a mismatch. */
  verifyBody: (body: string) => boolean;
}
type LoadResult = autocannonTyped.Result & { latency: { p50: number } };
const autocannon = autocannonTyped as unknown as (opts: LoadOptions) => Promise<LoadResult>;

const CONNECTIONS = 10;
const DURATION_S = 5;

interface Tally {
  ok: number;
  expected: number;
  unexpected: number;
  codes: Map<string, number>;
}

interface Scenario {
  name: string;
  url: string;
  requests: LoadRequest[];
  /** ok:false codes that are a correct answer under this load (counted, not failures). */
  expected: readonly string[];
}

export interface LoadRow {
  name: string;
  reqPerSec: number;
  p99: number;
  p50: number;
  responses: number;
  non2xx: number;
  errors: number;
  tally: Tally;
}

async function measure(s: Scenario): Promise<LoadRow> {
  const tally: Tally = { ok: 0, expected: 0, unexpected: 0, codes: new Map() };
  const verifyBody = (body: string): boolean => {
    let env: { ok?: boolean; code?: string } | undefined;
    try {
      env = (JSON.parse(body) as { result?: { ok?: boolean; code?: string } }).result;
    } catch {
      env = undefined;
    }
    const code = env?.ok === true ? null : (env?.code ?? 'NO_ENVELOPE');
    if (code === null) tally.ok++;
    else {
      tally.codes.set(code, (tally.codes.get(code) ?? 0) + 1);
      if (s.expected.includes(code)) tally.expected++;
      else tally.unexpected++;
    }
    return code === null || s.expected.includes(code);
  };
  const r = await autocannon({
    url: s.url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: s.requests,
    verifyBody,
  });
  return {
    name: s.name,
    reqPerSec: r.requests.average,
    p99: r.latency.p99,
    p50: r.latency.p50,
    responses: tally.ok + tally.expected + tally.unexpected,
    non2xx: r.non2xx,
    errors: r.errors, // autocannon counts timeouts among errors
    tally,
  };
}

/** The reference: a bare Node http server answering a constant envelope, same client, same machine. */
async function bareServer(): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"result":{"ok":true}}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() };
}

const post = (path: string, data: unknown, cookie?: string): LoadRequest => ({
  method: 'POST',
  path,
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify({ data }),
});

/** Pending exchange requests of the sample teacher, all waiting for the home school's principal. */
async function fileRequests(stack: BenchStack, count: number): Promise<void> {
  const day = (n: number) => dayjs().tz(CHINA_ZONE).add(n, 'day').format('YYYY-MM-DD');
  for (let i = 0; i < count; i++) {
    const { result } = await stack.cloud.invoke(
      'approval',
      {
        action: 'submitExchange',
        requestId: `bench-ap-${String(i).padStart(5, '0')}`,
        type: 'cross-teaching',
        hostSchoolId: 'hd-s05',
        slots: [{ weekday: 2, start: '14:00', end: '15:00', periods: 1 }],
        termStart: day(7),
        termEnd: day(60),
        reason: '压测',
      },
      { OPENID: 'o-local-hd-teacher', APPID: 'bench' },
    );
    if (!(result as { ok: boolean }).ok) throw new Error(`bench request ${i}: ${JSON.stringify(result)}`);
  }
}

export async function loadBench(stack: BenchStack): Promise<LoadRow[]> {
  const bare = await bareServer();
  const lookup = { action: 'lookup', districtCode: '120102', streetCode: '120102005', communityCode: '120102005001' };

  // Clock-in: each request signs in as the next bench teacher (a session open now) with a fresh
  // request id, so every request is a first clock-in that writes a record. Should the run outpace the
  // teachers, the wrap-around answers ALREADY_CLOCKED_IN: the correct answer, counted as expected.
  const cookies: string[] = [];
  for (let i = 0; i < stack.teachers.length; i += 50)
    cookies.push(...(await Promise.all(stack.teachers.slice(i, i + 50).map((t) => stack.login(t)))));
  let n = 0;
  const clockIn: LoadRequest = {
    method: 'POST',
    path: '/fn/duty',
    setupRequest: (req) => {
      const i = n++;
      return {
        ...req,
        headers: { 'content-type': 'application/json', cookie: cookies[i % cookies.length] },
        body: JSON.stringify({
          data: {
            action: 'clockIn',
            requestId: `bench-in-${String(i).padStart(7, '0')}`,
            location: stack.hostLocation,
          },
        }),
      };
    },
  };

  await fileRequests(stack, 30);
  const principal = await stack.login('hd-principal');

  const scenarios: Scenario[] = [
    { name: 'bare node http', url: bare.url, requests: [post('/', {})], expected: [] },
    { name: 'school.lookup', url: stack.url, requests: [post('/fn/school', lookup)], expected: [] },
    {
      name: 'approval.inbox (30 pending)',
      url: stack.url,
      requests: [post('/fn/approval', { action: 'inbox', status: 'pending', limit: 50 }, principal)],
      expected: [],
    },
    { name: 'duty.clockIn', url: stack.url, requests: [clockIn], expected: ['ALREADY_CLOCKED_IN'] },
  ];
  const rows: LoadRow[] = [];
  for (const s of scenarios) rows.push(await measure(s));
  bare.close();
  // Let requests autocannon left in flight finish before the store closes.
  await new Promise((r) => setTimeout(r, 300));

  const inbox = rows[2];
  if (inbox.tally.ok > 0) {
    const res = await fetch(`${stack.url}/fn/approval`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: principal },
      body: JSON.stringify({ data: { action: 'inbox', status: 'pending', limit: 50 } }),
    });
    // The inbox answers a page ({ items, next }); 30 fit in its first page of 50.
    const items = ((await res.json()) as { result: { data: { items: unknown[] } } }).result.data.items.length;
    if (items !== 30) throw new Error(`the principal's inbox lists ${items} requests, expected 30`);
  }
  const clock = rows[3];
  // Every ok answer is a stored record; autocannon stops reading at the deadline, so up to one request
  // per connection was still in flight (written, answer not counted).
  const records = stack.cloud.store.count('clock_records', {}); // the only clock-ins so far
  if (records < clock.tally.ok || records > clock.tally.ok + CONNECTIONS)
    throw new Error(`clock-in: ${clock.tally.ok} clock-ins answered ok, ${records} records stored`);
  return rows;
}

const pad = (s: string, w: number) =>
  s + ' '.repeat(Math.max(0, w - [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
const lpad = (s: string, w: number) => ' '.repeat(Math.max(0, w - s.length)) + s;

/** The table, and whether the run was clean (no transport errors, non-2xx or unexpected refusals). */
export function loadTable(rows: LoadRow[]): { lines: string[]; clean: boolean } {
  const [bare] = rows;
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  const head = [
    pad('scenario', 28),
    lpad('req/s', 8),
    lpad('÷bare', 7),
    lpad('p50 ms', 7),
    lpad('p99 ms', 7),
    lpad('÷bare', 7),
    lpad('responses', 10),
    lpad('non-2xx', 8),
    lpad('errors', 7),
    lpad('ok:false expected', 18),
    lpad('unexpected', 11),
  ];
  const lines = [
    `gateway load: autocannon, ${CONNECTIONS} connections × ${DURATION_S} s each, client and servers in this one process`,
    head.join(' '),
  ];
  for (const r of rows) {
    lines.push(
      [
        pad(r.name, 28),
        lpad(r.reqPerSec.toFixed(0), 8),
        lpad(ratio(r.reqPerSec, bare.reqPerSec), 7),
        lpad(String(r.p50), 7),
        lpad(String(r.p99), 7),
        lpad(ratio(r.p99, bare.p99), 7),
        lpad(String(r.responses), 10),
        lpad(String(r.non2xx), 8),
        lpad(String(r.errors), 7),
        lpad(String(r.tally.expected), 18),
        lpad(String(r.tally.unexpected), 11),
      ].join(' '),
    );
  }
  for (const r of rows)
    if (r.tally.codes.size)
      lines.push(`  ${r.name} ok:false codes: ${[...r.tally.codes].map(([c, k]) => `${c} ×${k}`).join(', ')}`);
  const clean = rows.every((r) => r.errors === 0 && r.non2xx === 0 && r.tally.unexpected === 0);
  lines.push(clean ? 'no errors under load' : 'ERRORS UNDER LOAD (see the non-2xx / errors / unexpected columns)');
  return { lines, clean };
}
