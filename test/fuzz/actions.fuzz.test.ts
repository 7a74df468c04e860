import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { z } from 'zod';
import type { LocalApp } from '../../local/app';
import { CONTRACTS } from '@/contracts';
import { ERROR_CODES, type ErrorCode } from '@/contracts/envelope';
import { ACTION_KEY, PLATFORM_EVENT_KEYS } from '@/contracts/event';
import { fakeServerClock, startTestApp } from '../helpers/local-app';
import { ROLE_OPENIDS } from '../helpers/personas';
import { exchangeRequest, inquiryRequest, makeupRequest } from '../helpers/calls';
import { edgesOf, hostile, hostileString, isObject, payloads, replaced, withKey } from './arbitraries';
import { examples, ids } from './examples';

// Issue 7: every action of every function (from CONTRACTS, so a new action is fuzzed without touching
// this file) is called through the built bundles (`npm run build:functions` first) and the local runtime
// with the real wx-server-sdk, as several personas, with fast-check payloads: arbitrary JSON, the
// action's own keys with wrong types, 100k strings, own __proto__ / constructor / prototype keys,
// query operators where strings belong, emoji, lone surrogates, control characters, huge numbers, deep
// nesting, and a valid example with one position made hostile.
//
// Every answer must be a structured envelope, never INTERNAL (a crash) nor a throw. A call answered
// ok:false writes nothing (SQLite's data_version, seen from a second connection, changes on any commit);
// what an ok:true call wrote holds no operator or prototype keys and keeps the strings as sent.
//
// A failure prints the action, persona, payload (shortened), answer, and the seed and path. Reproduce with
// FUZZ_SEED=<base seed> npx jest test/fuzz -t '<fn> <action>' (add FUZZ_PATH=<path> to replay just that
// case; note that earlier calls' writes shape the store). FUZZ_RUNS=<n> sets the runs per action (50);
// FUZZ_STATS=1 prints how each action's calls were answered.
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);

const PERSONAS: Record<string, string | null> = ROLE_OPENIDS;

/** Every code of the wire contract, checked against the ErrorCode type below. */
const CODES = [
  ...Object.values(ERROR_CODES),
  'NO_DUTY_NOW',
  'OVERLAPPING_DUTIES',
  'NOT_YOUR_DUTY',
  'DUTY_NOT_ACTIVE',
  'ALREADY_CLOCKED_IN',
  'NOT_CLOCKED_IN',
  'ALREADY_CLOCKED_OUT',
  'MAKEUP_LIMIT',
  'MAKEUP_NOT_PAST',
  'MAKEUP_TOO_OLD',
  'MAKEUP_NOT_NEEDED',
  'NO_SUBSIDY_TABLE',
  'INVALID_DISTANCE',
  'INVALID_HARDSHIP',
  'HOST_LOCATION_UNKNOWN',
  'NO_SUCH_SESSION',
  'MAKEUP_PENDING',
  'ALREADY_DECIDED',
  'CONFIRM_EARLY_LEAVE',
  'MAKEUP_REJECTED',
  'PRESENCE_CODE_INVALID',
  'PRESENCE_CODE_EXPIRED',
  'PRESENCE_CODE_WRONG_SCHOOL',
  'PRESENCE_NOT_CONFIGURED',
  'PRESENCE_LOCKED',
  'PRESENCE_SESSION_ENDED',
  'PRESENCE_OUT_OF_RANGE',
  'PRESENCE_NOT_UPGRADABLE',
  'NOT_FIELD_WORK',
  'ALREADY_CONFIRMED',
  'NO_STEPS',
  'STALE_VERSION',
  'NOT_PENDING',
  'NOT_YOUR_STEP',
  'COMMENT_REQUIRED',
  'COMMENT_TOO_LONG',
  'NOT_REQUESTER',
  'NOT_RETURNED',
  'NOT_TRANSFERABLE',
  'REMIND_TOO_SOON',
  'POLICY_BLOCK',
  'BOOKING_CONFLICT',
  'INVITE_INVALID',
  'INVITE_USED',
  'INVITE_EXPIRED',
  'INVITE_REVOKED',
  'INVITE_ROLE_CONFLICT',
] as const satisfies readonly ErrorCode[];
type Unlisted = Exclude<ErrorCode, (typeof CODES)[number]>;
/** Fails to compile when ErrorCode gains a code that CODES lacks. */
const EVERY_CODE_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;
const KNOWN_CODES = new Set<string>(CODES);
const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
/** A code that only validation or access control give: the action itself did not run. */
const REFUSED_BEFORE_RUNNING = new Set<string>(['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN']);

// ---- the stack and what it stores --------------------------------------------------------------

let app: LocalApp;
let watch: StoreWatch;
const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];
const ownKeysBefore = PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort());

/**
 * Sees every commit of the runtime's store through a second, read-only SQLite connection: data_version
 * changes when another connection commits. Keeps the raw bodies to tell what a commit changed.
 */
class StoreWatch {
  private readonly db: Database.Database;
  private version: number;
  private bodies: Map<string, string>;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.version = this.dataVersion();
    this.bodies = this.read();
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  private read(): Map<string, string> {
    const out = new Map<string, string>();
    // ix:% tables are the store's derived index data (array elements), not documents.
    const tables = this.db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'ix:%'`,
      )
      .all() as Array<{ name: string }>;
    for (const { name } of tables) {
      for (const row of this.db.prepare(`SELECT id, body FROM "${name}"`).iterate() as IterableIterator<{
        id: string;
        body: string;
      }>) {
        out.set(`${name}/${row.id}`, row.body);
      }
    }
    return out;
  }

  /** Null when nothing was committed since the last call; else the documents added, changed or removed. */
  changes(): { written: Array<{ key: string; body: string }>; removed: string[] } | null {
    const version = this.dataVersion();
    if (version === this.version) return null;
    this.version = version;
    const now = this.read();
    const written = [...now].filter(([k, body]) => this.bodies.get(k) !== body).map(([key, body]) => ({ key, body }));
    const removed = [...this.bodies.keys()].filter((k) => !now.has(k));
    this.bodies = now;
    return { written, removed };
  }

  close(): void {
    this.db.close();
  }
}

const who = (openid: string | null) => (openid ? { OPENID: openid, APPID: 'wx-fuzz' } : null);

beforeAll(async () => {
  fakeServerClock();
  app = await startTestApp();
  const call = async (fn: string, data: Record<string, unknown>, openid: string) => {
    const { result } = (await app.cloud.invoke(fn, data, who(openid))) as { result: any };
    if (!result.ok) throw new Error(`fuzz setup ${fn}.${String(data.action)}: ${JSON.stringify(result)}`);
    return result.data;
  };
  ids.inquiry = (await call('school', inquiryRequest('fuzz-ask-0001', { schoolId: 'hd-s06' }), PERSONAS.parent!)).id;
  ids.approval = (
    await call(
      'approval',
      exchangeRequest('fuzz-ap-00001', { slots: [{ weekday: 6, start: '09:00', end: '10:00', periods: 1 }] }),
      PERSONAS.teacher!,
    )
  ).id;
  ids.invite = (
    await call(
      'admin',
      { action: 'createInvite', requestId: 'fuzz-inv-0001', role: 'teacher', schoolId: 'hd-s06' },
      PERSONAS.principal!,
    )
  ).invite.id;
  ids.makeup = (await call('duty', makeupRequest('fuzz-mk-00001', { reason: '忘记签到' }), PERSONAS.teacher!)).id;
  watch = new StoreWatch(app.cloud.store.file);
});

afterAll(async () => {
  watch?.close();
  await app?.close();
  jest.useRealTimers();
});

// ---- the properties of one call ----------------------------------------------------------------

const CHINESE = /[\u3400-\u9fff]/;
const ENVELOPE_KEYS = new Set(['ok', 'code', 'message', 'field', 'data', 'retryAfter']);
const EJSON_WRAPPERS = new Set([
  '$date',
  '$numberLong',
  '$numberInt',
  '$numberDouble',
  '$numberDecimal',
  '$oid',
  '$regularExpression',
  '$binary',
  '$timestamp',
  '$minKey',
  '$maxKey',
  '$undefined',
  '$symbol',
  '$code',
  '$scope',
  '$dbPointer',
]);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const preview = (v: unknown, max = 400): string => {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch (e) {
    s = `<unserialisable: ${String(e)}>`;
  }
  return s.length > max ? `${s.slice(0, max)}…(${s.length} chars)` : s;
};

/** What the function receives as its input: the event without the keys the platform and router own. */
const NOT_INPUT = new Set<string>([ACTION_KEY, ...PLATFORM_EVENT_KEYS]);
const inputOf = (event: Record<string, unknown>): Record<string, unknown> => {
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(event)) if (!NOT_INPUT.has(k)) withKey(input, k, v);
  return input;
};

/** Problems with one answer's envelope; empty when it is structured. */
function envelopeProblems(result: unknown): string[] {
  if (!isObject(result)) return [`answer is not an object: ${preview(result)}`];
  const problems: string[] = [];
  const extra = Object.keys(result).filter((k) => !ENVELOPE_KEYS.has(k));
  if (extra.length) problems.push(`unexpected envelope keys ${extra.join(',')}`);
  if (result.ok === true) {
    if ('code' in result || 'message' in result) problems.push('ok:true with code/message');
    return problems;
  }
  if (result.ok !== false) return [...problems, `ok is ${preview(result.ok)}`];
  if (typeof result.code !== 'string' || !KNOWN_CODES.has(result.code))
    problems.push(`unknown code ${preview(result.code)}`);
  if (result.code === 'INTERNAL') problems.push('INTERNAL: the action crashed (see the console.error above)');
  if (typeof result.message !== 'string' || !result.message.trim()) problems.push('message missing or empty');
  else if (!CHINESE.test(result.message)) problems.push(`message not in Chinese: ${preview(result.message)}`);
  if ('field' in result && typeof result.field !== 'string') problems.push(`field is ${preview(result.field)}`);
  if ('data' in result) problems.push('ok:false with data');
  return problems;
}

/** Every string leaf with the key it sits under. */
function stringsByKey(v: unknown, into = new Map<string, string[]>(), key = ''): Map<string, string[]> {
  if (typeof v === 'string') into.set(key, [...(into.get(key) ?? []), v]);
  else if (Array.isArray(v)) for (const x of v) stringsByKey(x, into, key);
  else if (isObject(v)) for (const k of Object.keys(v)) stringsByKey(v[k], into, k);
  return into;
}

/** Operator or prototype keys anywhere in a stored body (EJSON type wrappers aside). */
function badKeys(v: unknown, at = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => badKeys(x, `${at}[${i}]`));
  if (!isObject(v)) return [];
  const keys = Object.keys(v);
  const wrapper =
    keys.length >= 1 &&
    keys.length <= 2 &&
    keys.every((k) => EJSON_WRAPPERS.has(k) || (keys.includes('$code') && k === '$scope'));
  if (wrapper) return [];
  return keys.flatMap((k) => [
    ...(k.startsWith('$') || FORBIDDEN_KEYS.has(k) ? [`${at}.${k}`] : []),
    ...badKeys(v[k], `${at}.${k}`),
  ]);
}

/** Strings where a codec could go wrong: anything beyond printable ASCII (emoji, surrogates, controls, CJK). */
const DELICATE = /[^\x20-\x7e]/;

/**
 * What an ok:true call wrote: no operator or prototype keys anywhere; and a delicate string the caller
 * sent under a key that the written documents also hold is stored somewhere among them as sent (or trimmed).
 */
function writeProblems(input: Record<string, unknown>, written: Array<{ key: string; body: string }>): string[] {
  const problems: string[] = [];
  const stored = new Map<string, string[]>();
  for (const { key, body } of written) {
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch {
      problems.push(`${key}: stored body is not JSON`);
      continue;
    }
    const bad = badKeys(doc);
    if (bad.length) problems.push(`${key}: stored keys ${bad.join(', ')}`);
    for (const [k, values] of stringsByKey(doc)) stored.set(k, [...(stored.get(k) ?? []), ...values]);
  }
  const everything = [...stored.values()].flat();
  for (const [k, values] of stringsByKey(input)) {
    if (!stored.has(k)) continue;
    for (const s of values) {
      if (!DELICATE.test(s) || !s.trim()) continue;
      if (!everything.some((t) => t.includes(s.trim()))) {
        problems.push(
          `${k} sent as ${preview(s, 80)}, stored only as ${preview(stored.get(k), 160)} (written: ${written.map((w) => w.key).join(', ')})`,
        );
      }
    }
  }
  return problems;
}

/** Calls one action as each persona with one payload and checks every answer; returns the codes ('ok' for ok:true). */
async function check(
  fn: string,
  action: string,
  schema: z.ZodTypeAny,
  payload: unknown,
  personas = Object.keys(PERSONAS),
): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  const event: Record<string, unknown> = isObject(payload) ? { ...payload, action } : { action, payload };
  const sent = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
  const input = inputOf(sent);
  const valid = schema.safeParse(input).success;
  for (const persona of personas) {
    const openid = PERSONAS[persona];
    const where = `${fn}.${action} as ${persona} with ${preview(event)}`;
    let result: unknown;
    try {
      ({ result } = await app.cloud.invoke(fn, event, who(openid)));
    } catch (e) {
      throw new Error(`${where}: invoke threw ${(e as Error)?.stack ?? String(e)}`);
    }
    const problems = envelopeProblems(result);
    const answer = result as { ok: boolean; code?: string };
    tally(`${fn}.${action}`, `${valid ? 'valid' : 'invalid'}:${answer.ok ? 'ok' : answer.code}`);
    if (!valid && (answer.ok || !REFUSED_BEFORE_RUNNING.has(answer.code!))) {
      problems.push(`the contract refuses this input, yet the action ran (${preview(result, 200)})`);
    }
    const changes = watch.changes();
    // A limited action takes a rate slot before it runs and gives it back when it fails (a refused invite
    // code keeps its failure count): those counters are the only writes a failed call may leave.
    const ownCounter = (key: string) => key.startsWith('rate_counters/') && key.includes(`|${openid}|`);
    const kept = changes && {
      written: changes.written.filter((w) => !ownCounter(w.key)),
      removed: changes.removed.filter((k) => !ownCounter(k)),
    };
    if (kept && !answer.ok && (kept.written.length || kept.removed.length))
      problems.push(`ok:false yet wrote ${preview(kept.written.map((w) => w.key))} removed ${preview(kept.removed)}`);
    if (changes && answer.ok) problems.push(...writeProblems(input, changes.written));
    if (({} as Record<string, unknown>).polluted !== undefined) problems.push('Object.prototype polluted');
    if (problems.length)
      throw new Error(`${where}\n→ ${preview(result, 600)}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    codes.set(persona, answer.ok ? 'ok' : answer.code!);
  }
  return codes;
}

/** FUZZ_STATS=1 prints, per action, how the calls were answered: to see how deep the payloads get. */
const stats = new Map<string, Map<string, number>>();
const tally = (name: string, outcome: string): void => {
  if (!process.env.FUZZ_STATS) return;
  const m = stats.get(name) ?? new Map<string, number>();
  m.set(outcome, (m.get(outcome) ?? 0) + 1);
  stats.set(name, m);
};
afterAll(() => {
  if (!stats.size) return;
  const lines = [...stats].map(
    ([name, m]) =>
      `${name}: ${[...m]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k}×${n}`)
        .join(' ')}`,
  );
  process.stdout.write(`\nfuzz outcomes (seed ${SEED}, ${RUNS} runs per action)\n${lines.join('\n')}\n`);
});

/** Hashes a name into the seed, so each action has its own fixed stream. */
const seedFor = (name: string): number => {
  let h = SEED | 0;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
};

async function fuzz<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  property: (v: T) => Promise<void>,
  numRuns = RUNS,
): Promise<void> {
  const seed = seedFor(name);
  const details = await fc.check(fc.asyncProperty(arb, property), {
    seed,
    numRuns,
    path: process.env.FUZZ_PATH,
    // A counterexample can be 100k characters: report it ourselves, shortened.
    reporter: () => undefined,
  });
  if (details.failed) {
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `fuzz ${name} failed after ${details.numRuns} runs, ${details.numShrinks} shrinks — seed ${details.seed} (FUZZ_SEED=${SEED}), path "${details.counterexamplePath}"\n` +
        `counterexample: ${preview(details.counterexample, 800)}\n${error}`,
    );
  }
}

// ---- the suite -------------------------------------------------------------------------------------

const functions = Object.entries(CONTRACTS) as Array<[string, Record<string, z.ZodTypeAny>]>;

describe('fuzz setup', () => {
  it('lists every error code of the contract', () => {
    expect(EVERY_CODE_LISTED).toBe(true);
  });

  // An action without an example is still fuzzed (from its schema); one with a stale example is not mutated
  // from a valid call any more, so a stale example fails here.
  it('each valid example names an action of the contract and passes its schema', () => {
    for (const [fn, actions] of Object.entries(examples())) {
      for (const [action, list] of Object.entries(actions)) {
        const schema = (CONTRACTS as unknown as Record<string, Record<string, z.ZodTypeAny>>)[fn]?.[action];
        list.forEach((example, i) => {
          const parsed = schema?.safeParse(example);
          const verdict = !schema
            ? 'no such action'
            : parsed.success
              ? 'valid'
              : JSON.stringify(parsed.error.issues[0]);
          expect(`${fn}.${action}[${i}]: ${verdict}`).toBe(`${fn}.${action}[${i}]: valid`);
        });
      }
    }
  });
});

describe('prototype keys in the event', () => {
  // Found by this fuzzer: inputOf copied keys with `input[key] = …`, so a JSON key "__proto__" became the
  // input's prototype and the schema read the fields it offered; now it is an unknown field.
  it('a "__proto__" key offering the fields is refused as an unknown field, not read through', async () => {
    const lookup = async (json: string) =>
      ((await app.cloud.invoke('school', JSON.parse(json) as Record<string, unknown>, null)) as { result: any }).result;
    expect(await lookup('{"action":"lookup","__proto__":{"districtCode":"120102"}}')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'districtCode',
    });
    expect(await lookup('{"action":"lookup","districtCode":"120102","__proto__":{"schoolYear":2026}}')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: '__proto__',
      message: '不支持的字段：__proto__',
    });
    expect(watch.changes()).toBeNull();
  });
});

describe.each(functions)('%s', (fn, actions) => {
  it('answers UNKNOWN_ACTION to any action it does not have, and writes nothing', async () => {
    const names = Object.keys(actions);
    const action = fc.oneof(
      hostile,
      hostileString,
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'isPrototypeOf',
        'main',
        'default',
        ...names.map((n) => n.toUpperCase()),
        ...names.map((n) => ` ${n}`),
      ),
    );
    await fuzz(
      `${fn}.<action>`,
      action,
      async (name) => {
        const known = typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name);
        for (const [persona, openid] of Object.entries(PERSONAS)) {
          const { result } = (await app.cloud.invoke(fn, withKey({}, 'action', name), who(openid))) as { result: any };
          const problems = envelopeProblems(result);
          if (!known && result.code !== 'UNKNOWN_ACTION')
            problems.push(`expected UNKNOWN_ACTION, got ${preview(result, 200)}`);
          if (watch.changes()) problems.push('wrote');
          if (problems.length) throw new Error(`${fn} action ${preview(name)} as ${persona}: ${problems.join('; ')}`);
        }
      },
      Math.ceil(RUNS / 2),
    );
  });

  it('implements every action of its contract', async () => {
    for (const action of Object.keys(actions)) {
      const { result } = (await app.cloud.invoke(fn, { action }, null)) as { result: any };
      expect(`${action}: ${result.code}`).not.toBe(`${action}: UNKNOWN_ACTION`);
    }
    watch.changes();
  });

  it.each(Object.keys(actions))(
    '%s: hostile payloads get structured answers, refusals write nothing',
    async (action) => {
      const schema = actions[action];
      await fuzz(`${fn}.${action}`, payloads(schema, examples()[fn]?.[action] ?? []), async (payload) => {
        await check(fn, action, schema, payload);
      });
    },
  );

  // Not random: each example with each edge value that its schema lets through (one position at a time),
  // as every persona the unmodified example gets past access control with.
  it.each(Object.keys(actions))('%s: every edge value that validates, at every position', async (action) => {
    const schema = actions[action];
    for (const example of examples()[fn]?.[action] ?? []) {
      const admitted = [...(await check(fn, action, schema, example))]
        .filter(([, code]) => !DENIED.has(code))
        .map(([persona]) => persona);
      if (!admitted.length) continue;
      for (const [path, value] of edgesOf(schema, example)) {
        try {
          await check(fn, action, schema, replaced(example, path, value), admitted);
        } catch (e) {
          throw new Error(`edge ${JSON.stringify(path)} = ${preview(value, 60)}: ${(e as Error).message}`);
        }
      }
    }
  });
});

describe('afterwards', () => {
  it('no prototype was polluted', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort())).toEqual(ownKeysBefore);
  });

  it('the store is still sound', () => {
    expect(app.cloud.store.integrityCheck()).toBe('ok');
  });
});
