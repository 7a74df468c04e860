import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTIONS, INDEXES } from '@/contracts/collections';
import { startLocalApp, type LocalApp, type LocalAppOptions } from '../../local/app';
import { seedStore, storeFile } from '../../local/data-dir';
import { Store } from '../../local/runtime/store';
import { buildSeed } from '../../tools/seed-data';
import { TEST_NOW } from './clock';

/** A fixed instant for tests: 2026-11-23 10:00 in Shanghai, in the 2026 school year (defined in ./clock.js). */
export { TEST_NOW };

/**
 * Puts a freshly seeded store at `nowMs` into `dataDir`: a copy of the one this jest run seeded first
 * for that instant (test/helpers/seed-templates.js; seeding is ~0.15 s of CPU, a copy a few ms). Outside
 * a jest run that set the folder up, nothing: startLocalApp seeds the empty folder itself.
 */
function copySeededStore(dataDir: string, nowMs: number): void {
  const dir = process.env.XUEQU_SEED_TEMPLATES;
  if (!dir) return;
  const template = path.join(dir, `seed-${nowMs}.sqlite`);
  if (!existsSync(template)) {
    const work = mkdtempSync(path.join(dir, 'work-'));
    const store = new Store(storeFile(work), { indexes: INDEXES, collections: Object.values(COLLECTIONS) });
    seedStore({ store }, buildSeed(nowMs), nowMs);
    store.close(); // checkpoints the WAL into the one file
    renameSync(storeFile(work), template); // atomic: a worker seeding the same instant leaves the same file
    rmSync(work, { recursive: true, force: true });
  }
  copyFileSync(template, storeFile(dataDir));
}

/**
 * The whole local stack on a free loopback port with a fresh seeded store in a temp dir, removed on
 * close (every cloud suite makes one: left behind they filled /tmp with thousands of stores). A store
 * in a folder the caller names is the caller's.
 */
export async function startTestApp(opts: LocalAppOptions = {}): Promise<LocalApp> {
  const now = opts.now ?? (() => TEST_NOW);
  if (opts.dataDir) return startLocalApp({ port: 0, staticDir: null, ...opts, now });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xuequ-test-'));
  copySeededStore(dataDir, now());
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  const app = await startLocalApp({ port: 0, staticDir: null, ...opts, dataDir, now }).catch((e: unknown) => {
    remove();
    throw e;
  });
  const close = app.close;
  app.close = async () => {
    await close();
    remove();
  };
  return app;
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
