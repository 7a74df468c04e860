/**
 * EJSON in and out. The SDK serialises query/data/order as canonical EJSON with the `bson` copy it
 * depends on; we parse with that same copy so numbers, dates and regexps round-trip exactly as the SDK
 * meant them. Stored bodies use the same codec, so a Store also works on its own (seeding tools).
 */
import type { EJSON as EjsonApi } from 'bson';
import { randomBytes } from 'crypto';
import { CODE, fail } from './errors';
import { sdkDirs } from './sdk-paths';

export type Doc = Record<string, unknown>;
type Ejson = typeof EjsonApi;

let ejson: Ejson | undefined;

function api(): Ejson {
  ejson ??= (require(require.resolve('bson', { paths: [sdkDirs().database] })) as typeof import('bson')).EJSON;
  return ejson;
}

const isPlainObject = (v: unknown): v is Doc =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

interface BsonRegExpLike {
  _bsontype: 'BSONRegExp';
  pattern: string;
  options: string;
}
const isBsonRegExp = (v: unknown): v is BsonRegExpLike =>
  typeof v === 'object' && v !== null && (v as { _bsontype?: unknown })._bsontype === 'BSONRegExp';

/** Mongo regex options → JS flags. 'x' has no JS equivalent: refuse rather than match differently. */
function toRegExp(pattern: string, options: string): RegExp {
  let flags = '';
  for (const o of options) {
    if ('imsu'.includes(o)) flags += o;
    else fail(CODE.INVALID_OPERATOR, `regular expression option '${o}' is not supported by the local runtime`);
  }
  return new RegExp(pattern, flags);
}

/** Walks a parsed value: BSONRegExp → RegExp; `$tcb_server_date` → Date (server clock + offset). */
function revive(v: unknown, now: number | null): unknown {
  if (Array.isArray(v)) return v.map((x) => revive(x, now));
  if (isBsonRegExp(v)) return toRegExp(v.pattern, v.options);
  if (!isPlainObject(v)) return v;
  const marker = v.$tcb_server_date;
  if (marker !== undefined && Object.keys(v).length === 1) {
    if (now === null) fail(CODE.REQUEST_FAILED, 'serverDate is not allowed here');
    const offset = isPlainObject(marker) && typeof marker.offset === 'number' ? marker.offset : 0;
    return new Date((now as number) + offset);
  }
  const out: Doc = {};
  for (const k of Object.keys(v)) out[k] = revive(v[k], now);
  return out;
}

/** Parses a wire string (query, data, order, stage) into plain JS values, resolving serverDate. */
export function parseWire(text: string, now: number): unknown {
  return revive(api().parse(text, { relaxed: true }), now);
}

/** True if JSON.stringify would not produce the same text as relaxed EJSON. */
function needsEjson(v: unknown): boolean {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return false;
  if (typeof v === 'number') return !Number.isFinite(v);
  if (Array.isArray(v)) return v.some(needsEjson);
  if (!isPlainObject(v)) return true; // Date, RegExp, BSON types
  for (const k in v) if (k.startsWith('$') || needsEjson(v[k])) return true;
  return false;
}

/** EJSON writes undefined properties as null; a missing field must stay missing (as with JSON). */
function withoutUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutUndefined);
  if (!isPlainObject(v)) return v;
  const out: Doc = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = withoutUndefined(x);
  return out;
}

/** Stored bodies are relaxed EJSON: plain JSON for scalars, so json_extract indexes see real values. */
export function stringifyDoc(doc: Doc): string {
  return needsEjson(doc) ? api().stringify(withoutUndefined(doc) as Doc, { relaxed: true }) : JSON.stringify(doc);
}

export function parseStored(body: string): Doc {
  // Fast path: a body without any "$…" key is plain JSON (EJSON wrappers all start with '$').
  if (!body.includes('"$')) return JSON.parse(body) as Doc;
  return revive(api().parse(body, { relaxed: true }), null) as Doc;
}

/** Mongo refuses '$'-prefixed and dotted field names in stored documents. */
export function assertStorable(v: unknown, path = ''): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => assertStorable(x, `${path}${i}.`));
    return;
  }
  if (!isPlainObject(v)) return;
  for (const k of Object.keys(v)) {
    if (k.startsWith('$'))
      fail(CODE.REQUEST_FAILED, `The dollar ($) prefixed field '${k}' in '${path + k}' is not valid for storage.`);
    if (k.includes('.')) fail(CODE.REQUEST_FAILED, `The field name '${k}' in '${path + k}' must not contain '.'`);
    assertStorable(v[k], `${path}${k}.`);
  }
}

/**
 * Primary-key text for an _id. Strings are stored as is (readable in the db file); numbers get a
 * prefix so 5 and '5' stay distinct documents, as in Mongo.
 */
export function idKey(id: unknown): string {
  if (typeof id === 'string') {
    if (id === '' || id.startsWith('\u0000')) fail(CODE.INVALID_PARAM, 'invalid _id');
    return id;
  }
  if (typeof id === 'number' && Number.isFinite(id)) return `\u0000n:${id}`;
  return fail(CODE.INVALID_PARAM, `_id must be a non-empty string or a number, got ${typeof id}`);
}

/** 32 hex characters, the shape of ids the cloud generates. */
export const newId = (): string => randomBytes(16).toString('hex');

export { isPlainObject };
