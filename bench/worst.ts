/**
 * Worst input (issue 13): every function × action (from the access matrix, so a new action is covered
 * without touching this file) is sent a set of hostile inputs built from its fuzz example — text up to
 * the event's size limit and past it, lone surrogates, control characters, nesting at the depth limit
 * and 10,000 deep, keys up to the node limit and 400,000 of them, huge arrays, far dates, edge numbers,
 * and for the spreadsheet imports the hostile .xlsx files of test/fuzz/xlsx.ts — as a caller the matrix
 * lets through, the way the gateway hands it over (JSON text parsed, then the bundle through the local
 * runtime; a body the gateway refuses before parsing answers HTTP 413). Prints the slowest input per action (its worst case timed again, best of 3, so a busy
 * machine's hiccup is not reported as a cost) and flags any over 1 s. Printed, never asserted; written
 * to .cache/bench-worst.json. Run alone: `npx tsx bench/worst.ts` (after `npm run build:functions`).
 * XUEQU_BENCH_FUNCTIONS: another folder of built bundles (as bench/scale.ts; inside the project, so they
 * resolve its node_modules), e.g. to time two builds on one machine in one sitting; XUEQU_WORST_ONLY:
 * a comma-separated list of fn.action to run alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedStore, storeFile } from '../local/data-dir';
import { createLocalCloud, type LocalCloud } from '../local/runtime';
import { buildSeed } from '../tools/seed-data';
import { tooManySeparators } from '../local/gateway';
import { ACCESS, type Access } from '../src/contracts/access';
import type { FunctionName } from '../src/contracts';
import { EVENT_LIMITS } from '../src/contracts/event';
import { splitIntoPieces } from '../src/domain/imports';
import { examples } from '../test/fuzz/examples';
import { hostileXlsxFiles } from '../test/fuzz/xlsx';
import { printBench } from './print';
import { OPENID, firstCaller } from './callers';

const root = path.resolve(__dirname, '..');
const BUDGET_MS = 1000;

type Json = unknown;
type Path = Array<string | number>;
/** One hostile input: the event's JSON text (some are too deep for JSON.stringify, so text throughout). */
interface Input {
  label: string;
  text: (fresh: () => string) => string;
}

function leaves(v: Json, at: Path = [], out: Array<[Path, Json]> = []): Array<[Path, Json]> {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, [...at, k], out);
  else out.push([at, v]);
  return out;
}

function arrays(v: Json, at: Path = [], out: Array<[Path, unknown[]]> = []): Array<[Path, unknown[]]> {
  if (Array.isArray(v)) {
    out.push([at, v]);
    v.forEach((x, i) => arrays(x, [...at, i], out));
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) arrays(x, [...at, k], out);
  return out;
}

function setAt(v: Json, p: Path, value: Json): Json {
  if (!p.length) return value;
  const copy: any = Array.isArray(v) ? [...v] : { ...(v as object) };
  copy[p[0]] = setAt(copy[p[0]], p.slice(1), value);
  return copy;
}

const map = (v: Json, f: (leaf: Json, key: string | number | undefined) => Json, key?: string | number): Json => {
  if (Array.isArray(v)) return v.map((x, i) => map(x, f, i));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x, f, k)]));
  return f(v, key);
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
/** A marker replaced in the JSON text by raw JSON that JSON.stringify cannot produce (10,000 levels). */
const RAW = '\u0001raw\u0001';

/** The hostile inputs made from one valid example of an action. */
function inputsOf(action: string, example: Record<string, Json>): Input[] {
  const base = { action, ...example };
  const strings = leaves(example).filter(([p, v]) => typeof v === 'string' && p[0] !== 'requestId');
  const first = leaves(example)[0]?.[0] ?? ['extra'];
  const withFresh = (v: Json, fresh: () => string) =>
    'requestId' in (v as object) ? { ...(v as object), requestId: fresh() } : v;
  const json = (label: string, make: () => Json): Input => {
    let made: string | null = null;
    return {
      label,
      text: (fresh) => {
        made ??= JSON.stringify(make());
        const parsed = JSON.parse(made) as Record<string, Json>;
        return JSON.stringify(withFresh(parsed, fresh));
      },
    };
  };
  const eachString = (s: string) => strings.reduce<Json>((acc, [p]) => setAt(acc, p, s), base);
  const perString = Math.floor((EVENT_LIMITS.chars - 2_000) / Math.max(1, strings.length));
  const inputs: Input[] = [
    json('max text (every string at the size limit)', () =>
      strings.length ? eachString('中'.repeat(perString)) : { ...base, note: '中'.repeat(perString) },
    ),
    json('text over the size limit', () => setAt(base, strings[0]?.[0] ?? first, 'x'.repeat(EVENT_LIMITS.chars + 1))),
    json('lone surrogates', () => eachString('\ud800x\udfff'.repeat(300))),
    json('control characters', () => eachString('\u0000\u0007\u001b\u202e\u2028'.repeat(200))),
    json('edge numbers', () => map(base, (v) => (typeof v === 'number' ? 1e308 : v))),
    json('far dates', () =>
      map(base, (v, k) =>
        typeof v === 'string' && DATE.test(v)
          ? k === 'termStart' || k === 'from'
            ? '0001-01-01'
            : '9999-12-31'
          : typeof v === 'string' && MONTH.test(v)
            ? '9999-12'
            : k === 'schoolYear'
              ? 9999
              : v,
      ),
    ),
    json('nesting at the depth limit', () =>
      setAt(
        base,
        first,
        Array.from({ length: EVENT_LIMITS.depth - 2 }).reduce<Json>((acc) => ({ a: acc }), 1),
      ),
    ),
    {
      label: 'nesting 10,000 deep',
      text: (fresh) =>
        JSON.stringify(withFresh(setAt(base, first, RAW), fresh)).replace(
          JSON.stringify(RAW),
          `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
        ),
    },
    json('keys up to the node limit', () => ({
      ...base,
      ...Object.fromEntries(Array.from({ length: EVENT_LIMITS.nodes - 50 }, (_x, i) => [`k${i}`, 1])),
    })),
    {
      label: '400,000 keys (4.7 MB)',
      text: (fresh) =>
        `${JSON.stringify(withFresh(base, fresh)).slice(0, -1)},${Array.from({ length: 400_000 }, (_x, i) => `"key${i}":1`).join(',')}}`,
    },
    json('100,000-item array', () =>
      setAt(
        base,
        first,
        Array.from({ length: 100_000 }, () => 0),
      ),
    ),
  ];
  const lists = arrays(example);
  if (lists.length)
    inputs.push(
      json('every array at the node limit', () =>
        lists.reduce<Json>(
          (acc, [p, list]) =>
            setAt(
              acc,
              p,
              Array.from({ length: Math.floor((EVENT_LIMITS.nodes - 50) / lists.length) }, () => list[0] ?? ''),
            ),
          base,
        ),
      ),
    );
  return inputs;
}

interface Row {
  key: string;
  label: string;
  ms: number;
  answer: string;
}

async function timed(
  app: { cloud: LocalCloud },
  fn: string,
  text: string,
  openid: string,
): Promise<{ ms: number; answer: string }> {
  const t = performance.now();
  // As the gateway does: count the separators, parse the body, hand the event over parsed.
  if (tooManySeparators(text)) return { ms: performance.now() - t, answer: 'HTTP 413' };
  const data = JSON.parse(text) as Record<string, unknown>;
  const { result } = await app.cloud.invoke(fn, data, { OPENID: openid, APPID: 'wx-bench' }, { parsedJson: true });
  const ms = performance.now() - t;
  const r = result as { ok: boolean; code?: string };
  return { ms, answer: r.ok ? 'ok' : String(r.code) };
}

/** A file as the app sends it: in one call when it fits (90 KB), else in pieces first. */
async function spreadsheetSource(
  app: { cloud: LocalCloud },
  b64: string,
  fresh: () => string,
): Promise<Record<string, string>> {
  const pieces = splitIntoPieces(b64);
  if (pieces.length === 1) return { content: b64 };
  const uploadId = `bench-upl-${fresh()}`;
  for (const [index, piece] of pieces.entries()) {
    const { result } = await app.cloud.invoke(
      'admin',
      { action: 'importUpload', uploadId, index, total: pieces.length, piece },
      { OPENID: OPENID.bureau, APPID: 'wx-bench' },
    );
    if (!(result as { ok: boolean }).ok) throw new Error(`bench upload: ${JSON.stringify(result)}`);
  }
  return { uploadId };
}

export async function benchWorst(): Promise<{ lines: string[]; rows: Row[] }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xuequ-worst-'));
  // The runtime and the seeded store, as startLocalApp builds them (no gateway: the bench parses as it does).
  const functionsRoot = path.resolve(root, process.env.XUEQU_BENCH_FUNCTIONS || 'cloudfunctions');
  const cloud = createLocalCloud({ dbFile: storeFile(dataDir), functionsRoot, now: Date.now });
  seedStore(cloud, buildSeed(Date.now()), Date.now());
  const app = { cloud, close: async () => cloud.close() };
  const only = process.env.XUEQU_WORST_ONLY ? new Set(process.env.XUEQU_WORST_ONLY.split(',')) : null;
  const lines: string[] = [];
  let n = 0;
  const fresh = () => `w${String(++n).padStart(8, '0')}`;
  try {
    const ex = examples();
    const files = await hostileXlsxFiles();
    const worst: Row[] = [];
    let calls = 0;
    for (const fn of Object.keys(ACCESS) as FunctionName[]) {
      for (const [action, rule] of Object.entries(ACCESS[fn] as Record<string, { access: Access }>)) {
        const key = `${fn}.${action}`;
        if (only && !only.has(key)) continue;
        const openid = firstCaller(rule.access);
        const cases: Array<{ label: string; run: () => Promise<{ ms: number; answer: string }> }> = [];
        for (const [i, example] of (ex[fn]?.[action] ?? [{}]).entries())
          for (const input of inputsOf(action, example))
            cases.push({
              label: `${input.label}${i ? ` (example ${i + 1})` : ''}`,
              run: () => timed(app, fn, input.text(fresh), openid),
            });
        if (fn === 'admin' && (action === 'importPreview' || action === 'importApply'))
          for (const file of files)
            cases.push({
              label: `xlsx: ${file.name}`,
              run: async () => {
                const source = await spreadsheetSource(app, file.bytes.toString('base64'), fresh);
                const event = {
                  action,
                  table: 'schools',
                  format: 'xlsx',
                  ...source,
                  ...(action === 'importApply' ? { requestId: `bench-${fresh()}` } : {}),
                };
                return timed(app, fn, JSON.stringify(event), openid);
              },
            });
        let slowest: Row | null = null;
        let slowestRun: (typeof cases)[number] | null = null;
        for (const c of cases) {
          const { ms, answer } = await c.run();
          calls++;
          if (!slowest || ms > slowest.ms) {
            slowest = { key, label: c.label, ms, answer };
            slowestRun = c;
          }
        }
        if (!slowest || !slowestRun) continue;
        for (let pass = 0; pass < 2; pass++) slowest.ms = Math.min(slowest.ms, (await slowestRun.run()).ms);
        worst.push(slowest);
      }
    }
    worst.sort((a, b) => b.ms - a.ms);
    const over = worst.filter((r) => r.ms > BUDGET_MS);
    lines.push(
      `worst input: ${worst.length} actions, ${calls} hostile calls; slowest input per action (best of 3 of its worst case):`,
    );
    for (const r of worst)
      lines.push(
        `  ${r.ms.toFixed(0).padStart(6)} ms  ${r.key.padEnd(28)} ${r.label} → ${r.answer}${r.ms > BUDGET_MS ? '  OVER 1 s' : ''}`,
      );
    lines.push(
      over.length
        ? `worst input: ${over.length} action(s) over 1 s: ${over.map((r) => r.key).join(', ')}`
        : 'worst input: no action over 1 s',
    );
    mkdirSync(path.join(root, '.cache'), { recursive: true });
    // A run of some actions only does not replace the whole bench's record.
    writeFileSync(
      path.join(root, '.cache', only ? 'bench-worst-only.json' : 'bench-worst.json'),
      JSON.stringify({ budgetMs: BUDGET_MS, actions: worst }, null, 2) + '\n',
    );
    return { lines, rows: worst };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) printBench(benchWorst);
