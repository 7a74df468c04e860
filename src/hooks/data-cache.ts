/**
 * The client's one data cache (SWR-style): answers of cloud reads kept in memory under
 * `function.action:input`, one request at a time per key, stale answers shown while a fresh one is fetched.
 * Pure TypeScript with no Taro or transport import, so it is unit-tested in jsdom and call.ts can use it.
 */

/** A cached read: its last answer, its last failure, and whether a request is on its way. */
export interface Entry<T = unknown> {
  data: T | null;
  error: unknown;
  /** When `data` arrived (ms since epoch), or 0 before any answer. */
  at: number;
  /** Marked by `invalidate`: the next reader fetches again even if `at` is recent. */
  stale: boolean;
  pending: Promise<T> | null;
  /** Counts invalidations, so an answer requested before one is not kept. */
  gen: number;
}

/**
 * Reads kept between pages, and for how long an answer counts as fresh. Identity changes on this device
 * (binding an invite, the demo's persona switch) and the writes in WRITE_INVALIDATES mark them stale at
 * once, so the window only bounds changes made elsewhere (another device, another person's edit).
 * Other reads are not kept: a page mounting them fetches as before, sharing a request already under way.
 */
const KEEP_MS: Record<string, number> = {
  'account.me': 5 * 60_000,
  'school.listDistricts': 30 * 60_000,
  'school.listDivisions': 30 * 60_000,
  'school.listXuequ': 10 * 60_000,
  'school.getXuequ': 10 * 60_000,
  'school.getSchool': 10 * 60_000,
  'school.enrolmentRules': 10 * 60_000,
  'school.listPolicies': 10 * 60_000,
  'school.getPolicy': 10 * 60_000,
};

/** Writes (any caller, any page) after which cached reads under these prefixes are out of date. */
const WRITE_INVALIDATES: Record<string, string[]> = {
  // Composition edits, imports of schools and 划片, admission settings change what parents read.
  'admin.applyEdit': ['school.'],
  'admin.importApply': ['school.'],
  'admin.setAdmissionSettings': ['school.'],
  // The 待办 counts on role entries.
  'approval.submitExchange': ['approval.todo'],
  'approval.submitFacility': ['approval.todo'],
  'approval.decide': ['approval.todo'],
  'approval.batchApprove': ['approval.todo'],
  'approval.withdraw': ['approval.todo'],
  'approval.resubmit': ['approval.todo'],
  'approval.transfer': ['approval.todo'],
};

/** `fn.action` followed by the input with its keys sorted, so equal inputs share one entry. */
export function cacheKey(fn: string, action: string, input: unknown): string {
  return `${fn}.${action}:${stableJson(input ?? {})}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The signed-in account (`account.me`), read by most pages. */
export const ME_KEY = cacheKey('account', 'me', {});

const nameOf = (key: string) => key.slice(0, key.indexOf(':'));

/** How long the answer under this key stays fresh; 0 = not kept between pages. */
export function keepMs(key: string): number {
  return KEEP_MS[nameOf(key)] ?? 0;
}

type Listener = () => void;
/** A mounted reader of a key: told of every change, and asked to fetch again after an invalidation. */
interface Reader {
  changed: Listener;
  revalidate: () => void;
}

const entries = new Map<string, Entry>();
const readers = new Map<string, Set<Reader>>();
let now = () => Date.now();

/** Tests: a fixed clock for the freshness window. */
export function setCacheClock(clock: () => number) {
  now = clock;
}

export function peek<T>(key: string): Entry<T> | undefined {
  return entries.get(key) as Entry<T> | undefined;
}

function entryOf(key: string): Entry {
  let e = entries.get(key);
  if (!e) entries.set(key, (e = { data: null, error: null, at: 0, stale: false, pending: null, gen: 0 }));
  return e;
}

function notify(key: string) {
  readers.get(key)?.forEach((r) => r.changed());
}

/** Whether a reader arriving now may use the cached answer without asking again. */
export function isFresh(key: string): boolean {
  const e = entries.get(key);
  return !!e && e.at > 0 && !e.stale && now() - e.at < keepMs(key);
}

/**
 * The answer for `key`: the cached one while fresh (unless `force`), else the request already under way,
 * else a new request. A failure keeps the last answer and records the error; the promise rejects.
 */
export function fetchKey<T>(key: string, fetcher: () => Promise<T>, force = false): Promise<T> {
  const e = entryOf(key) as Entry<T>;
  if (!force && isFresh(key)) return Promise.resolve(e.data as T);
  if (e.pending) return e.pending;
  const gen = e.gen;
  // Started on the next tick, after `p` is set, so even a fetcher that throws at once settles this request.
  const p: Promise<T> = Promise.resolve().then(async () => {
    try {
      const data = await fetcher();
      // An invalidation while the request was under way: this answer may be old already, so it is not kept.
      if (e.pending === p && e.gen === gen) {
        e.data = data;
        e.error = null;
        e.at = now();
        e.stale = false;
      }
      return data;
    } catch (err) {
      if (e.pending === p && e.gen === gen) e.error = err;
      throw err;
    } finally {
      if (e.pending === p) {
        e.pending = null;
        notify(key);
        if (e.gen !== gen) queueMicrotask(() => revalidate(key));
        else if (keepMs(key) === 0 && !readers.get(key)?.size) entries.delete(key);
      }
    }
  });
  e.pending = p;
  notify(key);
  return p;
}

function revalidate(key: string) {
  readers.get(key)?.forEach((r) => r.revalidate());
}

/** Registers a mounted reader; the returned function removes it. */
export function subscribe(key: string, changed: Listener, revalidateFn: () => void): () => void {
  const reader: Reader = { changed, revalidate: revalidateFn };
  let set = readers.get(key);
  if (!set) readers.set(key, (set = new Set()));
  set.add(reader);
  return () => {
    set.delete(reader);
    if (set.size === 0) {
      readers.delete(key);
      const e = entries.get(key);
      if (e && keepMs(key) === 0 && !e.pending) entries.delete(key);
    }
  };
}

/** Which keys a prefix names: '' = all, 'school.' = every school read, 'account.me' = that read. */
export type KeyMatch = string | ((key: string) => boolean);
const matches = (match: KeyMatch, key: string) => (typeof match === 'string' ? key.startsWith(match) : match(key));

/**
 * Marks matching answers out of date. Mounted readers fetch again at once and keep showing the old answer
 * meanwhile (stale-while-revalidate); with `drop`, the old answer is forgotten first (identity changed:
 * nothing of the previous person may stay on screen).
 */
export function invalidate(match: KeyMatch = '', opts: { drop?: boolean } = {}): void {
  const keys = new Set([...entries.keys(), ...readers.keys()].filter((k) => matches(match, k)));
  for (const key of keys) {
    const e = entryOf(key);
    e.stale = true;
    e.gen++;
    if (opts.drop) {
      e.data = null;
      e.error = null;
      e.at = 0;
      notify(key);
    }
  }
  keys.forEach(revalidate);
}

/** Puts a known answer in the cache (e.g. the account a bind returns), fresh from now. */
export function prime<T>(key: string, data: T): void {
  const e = entryOf(key);
  e.data = data;
  e.error = null;
  e.at = now();
  e.stale = false;
  e.pending = null;
  notify(key);
}

/** After a successful write: the reads it makes out of date (WRITE_INVALIDATES). */
export function afterWrite(fn: string, action: string): void {
  for (const prefix of WRITE_INVALIDATES[`${fn}.${action}`] ?? []) invalidate(prefix);
}

/** Tests and sign-out: forget everything (readers stay registered). */
export function clearCache(): void {
  entries.clear();
}
