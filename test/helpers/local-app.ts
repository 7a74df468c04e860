import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalApp, type LocalApp, type LocalAppOptions } from '../../local/app';
import { TEST_NOW } from './clock';

/** A fixed instant for tests: 2026-11-23 10:00 in Shanghai, in the 2026 school year (defined in ./clock.js). */
export { TEST_NOW };

/** The whole local stack on a free loopback port with a fresh seeded store in a temp dir. */
export function startTestApp(opts: LocalAppOptions = {}): Promise<LocalApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xuequ-test-'));
  return startLocalApp({ dataDir, port: 0, staticDir: null, now: () => TEST_NOW, ...opts });
}

/** POST /fn/<name> as the gateway's clients do; `cookie` carries a demo session. */
export async function callFn(app: LocalApp, name: string, data: Record<string, unknown>, cookie?: string) {
  const res = await fetch(`${app.url}/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ data }),
  });
  return { status: res.status, body: (await res.json()) as { result: any } };
}

/** Signs in as a seeded persona and returns the session cookie. */
export async function login(app: LocalApp, persona: string): Promise<string> {
  const res = await fetch(`${app.url}/__dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona }),
  });
  if (res.status !== 200) throw new Error(`login ${persona}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

/**
 * Function time is this process's Date (the runtime runs the bundles in-process): fake only Date,
 * starting at `now` and running on, so timers, I/O and the browser driver keep real time.
 */
export function fakeServerClock(now: number = TEST_NOW): void {
  jest.useFakeTimers({
    now,
    advanceTimers: true,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
}

/**
 * The hooks of a suite that calls the functions through the runtime: the server clock at `clock`
 * (TEST_NOW unless the suite needs another instant) and a fresh seeded app for the file, started with
 * `opts`. The returned app stands for the one beforeAll starts.
 */
export function useTestApp(opts: LocalAppOptions = {}, clock: number = TEST_NOW): LocalApp {
  let app: LocalApp | null = null;
  beforeAll(async () => {
    fakeServerClock(clock);
    app = await startTestApp(opts);
  });
  afterAll(async () => {
    await app?.close();
    jest.useRealTimers();
  });
  return new Proxy({} as LocalApp, {
    get(_target, prop) {
      if (!app) throw new Error('the test app starts in beforeAll: use it inside tests');
      const value = Reflect.get(app, prop, app);
      return typeof value === 'function' ? value.bind(app) : value;
    },
  });
}
