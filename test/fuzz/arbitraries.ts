import fc from 'fast-check';
import { binaryString } from '../helpers/binary-string';
import { z } from 'zod';

/**
 * Hostile JSON payloads for the action fuzzer. Everything here survives JSON.stringify → JSON.parse
 * unchanged (the cloud hands functions JSON), except `undefined`, which makes a key go missing.
 */

/** Sets an own enumerable key, even `__proto__` (plain assignment would set the prototype instead). */
export function withKey<T extends object>(obj: T, key: string, value: unknown): T {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  return obj;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON copy that keeps own `__proto__` keys (JSON.parse creates them as own keys). */
export const jsonCopy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

// ---- strings ---------------------------------------------------------------------------------------

export const HUGE_LENGTH = 100_000;
/** 100k characters (UTF-16 units) of one kind: plain, CJK, emoji, NUL, a lone surrogate, digits, quotes. */
const huge = fc
  .constantFrom('x', '中', '😀', '\u0000', '\ud800', '9', ' ', '\\', '"', '$', '.*')
  .map((c) => c.repeat(Math.ceil(HUGE_LENGTH / c.length)));

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((c) => String.fromCharCode(c));
const oddChar = fc.constantFrom(
  '\u2028',
  '\u2029',
  '\u202e',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u0301',
  '\ufffd',
  '\uffff',
  '😀',
  '👨‍👩‍👧‍👦',
  '🇨🇳',
  '𠮷',
  '中',
  '１',
  '٣',
  '߀',
  'İ',
  'ß',
  'ﬀ',
  '\\',
  '"',
  "'",
  '`',
  '$',
  '.',
  '*',
  '{',
  '}',
);
const oddString = fc.string({
  unit: fc.oneof(loneSurrogate, control, oddChar, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  maxLength: 40,
});

/** Strings that mean something to a parser, a query engine, a template or our own formats. */
const special = fc.constantFrom(
  '',
  ' ',
  '   ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0x10',
  '1e309',
  '-1',
  '9007199254740993',
  'null',
  'undefined',
  'true',
  'false',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '$gt',
  '$where',
  '$regex',
  '{"$gt":""}',
  '{"__proto__":{"polluted":"yes"}}',
  '.*',
  '^',
  '$',
  '\\',
  '%',
  '%s%s%s%n',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '${7*7}',
  '{{7*7}}',
  '=cmd|" /C calc"!A0',
  '@SUM(1+1)',
  'o-local-hd-bureau',
  '120102',
  '120102\n',
  ' 120102',
  '１２０１０２',
  '120102005',
  'hd-x1',
  'hd-s05',
  'fc-hd-s01-gym',
  'p001',
  '2026-11-23',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '2026-13',
  '25:61',
  '09:00\n',
  'ABCD-EFGH-JKLM',
  '13800000000\n',
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: special },
  { weight: 3, arbitrary: oddString },
  { weight: 1, arbitrary: binaryString({ maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 64 }) },
  { weight: 1, arbitrary: huge },
);

// ---- numbers ---------------------------------------------------------------------------------------

/** Numbers at the edges: of doubles, of safe integers, of what a Date can hold (±8.64e15 ms), of our ranges. */
export const EDGE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  1.0000001,
  1e-7,
  5e-324,
  1e21,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  8.64e15,
  8.64e15 + 1,
  -8.64e15,
  -8.64e15 - 1,
  Date.UTC(2100, 0, 1),
  Date.UTC(1900, 0, 1),
  -62198755200000,
  253402300800000,
  1999,
  2026,
  2101,
  7,
  8,
  13,
  60,
  366,
];

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...EDGE_NUMBERS),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

// ---- structures ------------------------------------------------------------------------------------

/** Query and update operators (and EJSON / BSON wrappers) where a string or number belongs. */
export const operator: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    { $gt: '' },
    { $ne: null },
    { $regex: '.*' },
    { $regex: '.*', $options: 'si' },
    { $where: 'sleep(1000) || true' },
    { $where: 'function () { return true }' },
    { $in: [] },
    { $nin: [''] },
    { $exists: true },
    { $or: [{}] },
    { $expr: { $eq: [1, 1] } },
    { $not: { $eq: null } },
    { $elemMatch: {} },
    { $size: 0 },
    { $type: 'string' },
    { $set: { roles: ['bureau'] } },
    { $inc: { version: 1 } },
    { $tcb_server_date: { offset: 0 } },
    { $date: '2026-01-01T00:00:00Z' },
    { $oid: '0123456789abcdef01234567' },
    { $numberLong: '9007199254740993' },
    { $numberDecimal: '1e6144' },
    { $regularExpression: { pattern: '.*', options: '' } },
    { _bsontype: 'BSONRegExp', pattern: '.*', options: '' },
    { _bsontype: 'ObjectId', id: 'x' },
  ),
  fc
    .tuple(
      fc.constantFrom('$gt', '$gte', '$lt', '$ne', '$eq', '$regex', '$where', '$in', '$exists', '$not', '$all', '$mod'),
      fc.jsonValue({ maxDepth: 1 }),
    )
    .map(([k, v]) => withKey({}, k, v)),
);

/** Objects whose own keys are __proto__ / constructor / prototype, as JSON.parse makes them. */
export const protoObject: fc.Arbitrary<unknown> = fc
  .constantFrom(
    '{"__proto__":{"polluted":"yes"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"prototype":{"polluted":"yes"}}',
    '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
    '{"__proto__":{"constructor":{"prototype":{"polluted":"yes"}}}}',
    '{"__proto__":null}',
    '{"__proto__":[]}',
    '{"__proto__":"x"}',
    '{"__proto__":{"toString":"x","valueOf":"x","hasOwnProperty":"x"}}',
    '[{"__proto__":{"polluted":"yes"}}]',
    '{"toString":"x","valueOf":1,"toJSON":null,"hasOwnProperty":false,"length":-1}',
  )
  .map((s) => JSON.parse(s) as unknown);

/** Arrays or objects nested 10–3000 deep. */
const deep = fc
  .tuple(fc.integer({ min: 10, max: 3000 }), fc.boolean(), fc.constantFrom('a', '__proto__', '$gt'))
  .map(([n, asArray, key]) => {
    let v: unknown = 'x';
    for (let i = 0; i < n; i++) v = asArray ? [v] : withKey({}, key, v);
    return v;
  });

/** Objects of 1,500–2,500 keys: about the event's key count, below it walked by the schema, past it refused unread. */
const wide = fc
  .tuple(fc.integer({ min: 1_500, max: 2_500 }), fc.constantFrom('k', '$gt', '__proto__'))
  .map(([n, prefix]) => {
    const v: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) withKey(v, `${prefix}${i}`, i);
    return v;
  });

/** Any hostile value (never NaN / Infinity: JSON would turn them into null anyway). */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, [], {}, [null], [''], [[]], [{}]) },
  { weight: 3, arbitrary: operator },
  { weight: 2, arbitrary: protoObject },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: wide },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '$where',
    '$gt',
    '$set',
    '_id',
    '_openid',
    'openid',
    'roles',
    'userInfo',
    '',
    ' ',
    'toString',
    'hasOwnProperty',
    '😀',
    '\u0000',
    'a.b',
    'a.$',
  ),
  fc.string({ maxLength: 8 }),
);

// ---- from a zod schema -----------------------------------------------------------------------------

/**
 * Values shaped by an action's schema: usually of the right type (strings matching the field's pattern,
 * numbers in range), sometimes hostile or missing, so that calls get past validation into the action.
 */
export function typed(schema: z.ZodTypeAny, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: shaped(schema, depth) },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

type Check = { kind: string; value?: number; regex?: RegExp };

function stringArb(schema: z.ZodString): fc.Arbitrary<string> {
  const checks = schema._def.checks as Check[];
  const min = checks.find((c) => c.kind === 'min')?.value ?? 0;
  const max = checks.find((c) => c.kind === 'max')?.value ?? 50;
  const regex = checks.find((c) => c.kind === 'regex')?.regex;
  const free = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max + 2, 300) }),
    fc.string({
      unit: fc.oneof(
        oddChar,
        loneSurrogate,
        control,
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
      ),
      minLength: min,
      maxLength: Math.min(max + 2, 300),
    }),
  );
  if (!regex) return free;
  try {
    return fc.oneof({ weight: 4, arbitrary: fc.stringMatching(regex) }, { weight: 1, arbitrary: free });
  } catch {
    return free;
  }
}

function numberArb(schema: z.ZodNumber): fc.Arbitrary<number> {
  const checks = schema._def.checks as Check[];
  const min = checks.find((c) => c.kind === 'min')?.value;
  const max = checks.find((c) => c.kind === 'max')?.value;
  const int = checks.some((c) => c.kind === 'int');
  const ranged = int
    ? fc.integer({
        min: Math.max(min ?? Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
        max: Math.min(max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      })
    : fc.double({ min: min ?? -Number.MAX_VALUE, max: max ?? Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true });
  const edges = EDGE_NUMBERS.filter(
    (n) => (min === undefined || n >= min) && (max === undefined || n <= max) && (!int || Number.isInteger(n)),
  );
  return fc.oneof(
    { weight: 2, arbitrary: ranged },
    { weight: 2, arbitrary: edges.length ? fc.constantFrom(...edges) : ranged },
    { weight: 1, arbitrary: hostileNumber },
  );
}

function shaped(schema: z.ZodTypeAny, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return hostile;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return shaped(schema.unwrap(), depth);
  if (schema instanceof z.ZodDefault) return shaped(schema._def.innerType, depth);
  if (schema instanceof z.ZodEffects) return shaped(schema.innerType(), depth);
  if (schema instanceof z.ZodString) return stringArb(schema);
  if (schema instanceof z.ZodNumber) return numberArb(schema);
  if (schema instanceof z.ZodBoolean) return fc.boolean();
  if (schema instanceof z.ZodEnum) return fc.constantFrom(...(schema.options as string[]));
  if (schema instanceof z.ZodLiteral) return fc.constant(schema.value);
  if (schema instanceof z.ZodArray) {
    const def = schema._def as { minLength: { value: number } | null; maxLength: { value: number } | null };
    const minLength = Math.min(def.minLength?.value ?? 0, 3);
    return fc.array(typed(schema.element, depth + 1), {
      minLength,
      maxLength: Math.max(minLength, Math.min(def.maxLength?.value ?? 4, 4)),
    });
  }
  if (schema instanceof z.ZodDiscriminatedUnion)
    return fc.oneof(...(schema.options as z.ZodTypeAny[]).map((o) => shaped(o, depth)));
  if (schema instanceof z.ZodUnion) return fc.oneof(...(schema.options as z.ZodTypeAny[]).map((o) => shaped(o, depth)));
  if (schema instanceof z.ZodObject) return objectArb(schema, depth);
  return hostile;
}

function objectArb(schema: z.ZodObject<z.ZodRawShape>, depth: number): fc.Arbitrary<unknown> {
  const shape = schema.shape;
  const keys = Object.keys(shape);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const k of keys) model[k] = typed(shape[k], depth + 1);
  const required = keys.filter((k) => !shape[k].isOptional());
  const base = fc.record(model, { requiredKeys: required });
  // Now and then one extra key: a prototype key, an operator, a stray field.
  return fc
    .tuple(
      base,
      fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(hostileKey, hostile) }),
    )
    .map(([obj, extra]) => (extra ? withKey({ ...obj }, extra[0], extra[1]) : obj));
}

// ---- from a valid example --------------------------------------------------------------------------

export type Path = Array<string | number>;

/** Every position in a JSON value: the root, each key of each object, each element of each array. */
export function pathsOf(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (isObject(v)) for (const k of Object.keys(v)) out.push(...pathsOf(v[k], [...at, k]));
  return out;
}

type Mutation =
  | { kind: 'replace'; path: Path; value: unknown }
  | { kind: 'delete'; path: Path }
  | { kind: 'add'; path: Path; key: string; value: unknown };

function apply(example: unknown, m: Mutation): unknown {
  const root = jsonCopy(example);
  const parentPath = m.kind === 'add' ? m.path : m.path.slice(0, -1);
  // A position inside something an earlier replacement removed is left alone.
  const node = at(root, parentPath);
  if (typeof node !== 'object' || node === null) return root;
  if (m.kind === 'add') {
    if (isObject(node)) withKey(node, m.key, m.value);
    else if (Array.isArray(node)) node.push(m.value);
    return root;
  }
  const last = m.path[m.path.length - 1];
  if (Array.isArray(node)) {
    if (m.kind === 'delete') node.splice(last as number, 1);
    else node[last as number] = m.value;
  } else if (isObject(node)) {
    if (m.kind === 'delete') delete node[last as string];
    else withKey(node, last as string, m.value);
  }
  return root;
}

/** A valid example with one position replaced by a hostile value, removed, or given an extra key. */
export function mutated(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const all = pathsOf(example);
  const inner = all.filter((p) => p.length > 0);
  const containers = all.filter((p) => typeof at(example, p) === 'object' && at(example, p) !== null);
  const arbs: Array<fc.Arbitrary<Mutation>> = [
    fc.record({
      kind: fc.constant('add' as const),
      path: fc.constantFrom(...containers),
      key: hostileKey,
      value: hostile,
    }),
  ];
  if (inner.length) {
    arbs.push(
      fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...inner), value: hostile }),
      fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...inner), value: hostile }),
      fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...inner), value: hostileString }),
      fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...inner) }),
    );
  }
  return fc.oneof(...arbs).map((m) => apply(example, m));
}

/** A copy of the example with one position set to a value. */
export const replaced = (example: unknown, path: Path, value: unknown): unknown =>
  apply(example, { kind: 'replace', path, value });

function at(v: unknown, path: Path): unknown {
  let node = v;
  for (const p of path)
    node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[p] : undefined;
  return node;
}

/** A string nothing but free text accepts: emoji, a lone surrogate, NUL, a bidi override, spaces. */
const PROBE = ' 中😀\u0000\ud800\u202e ';

/** Positions of the example where the schema takes free text (a probe string there still validates). */
export function freeTextPaths(schema: z.ZodTypeAny, example: Record<string, unknown>): Path[] {
  return pathsOf(example).filter(
    (p) =>
      p.length > 0 &&
      typeof at(example, p) === 'string' &&
      schema.safeParse(apply(example, { kind: 'replace', path: p, value: PROBE })).success,
  );
}

/**
 * The example with its free-text fields (one, or all) replaced by delicate strings, usually short
 * enough to pass validation: these calls reach the action and may be stored.
 */
export function delicate(example: Record<string, unknown>, paths: Path[]): fc.Arbitrary<unknown> {
  const text = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.string({
        unit: fc.oneof(loneSurrogate, control, oddChar, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
        minLength: 2,
        maxLength: 12,
      }),
    },
    { weight: 2, arbitrary: special },
    { weight: 1, arbitrary: operatorText },
  );
  const arbs = [
    fc.tuple(fc.constantFrom(...paths), text).map(([path, value]) => apply(example, { kind: 'replace', path, value })),
    fc
      .array(text, { minLength: paths.length, maxLength: paths.length })
      .map((values) =>
        values.reduce<unknown>((v, value, i) => apply(v, { kind: 'replace', path: paths[i], value }), example),
      ),
  ];
  // A CSV file: one cell (header or data) made hostile, so the row checks see it.
  const csvPaths = paths.filter((p) => /,.*\n/s.test(String(at(example, p))));
  if (csvPaths.length) {
    const cellText = fc.oneof(
      text,
      hostileString.filter((x) => x.length < 2000),
      fc.constantFrom('"', '""', '"a,b"', 'a\nb', '"a\nb"', '=1+1', '+1', '-1', '@x', '\r', ',,,,'),
    );
    arbs.push(
      fc.tuple(fc.constantFrom(...csvPaths), fc.nat(), fc.nat(), cellText).map(([path, row, col, cell]) => {
        const lines = String(at(example, path))
          .split('\n')
          .map((l) => l.split(','));
        const line = lines[row % lines.length];
        line[col % line.length] = cell;
        return apply(example, { kind: 'replace', path, value: lines.map((l) => l.join(',')).join('\n') });
      }),
    );
  }
  return fc.oneof(...arbs);
}

/** Hostile values tried at every position of an example: those the schema lets through make the edge set. */
const EDGE_CANDIDATES: readonly unknown[] = [
  ...EDGE_NUMBERS,
  PROBE,
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udc00x',
  '😀',
  '👨‍👩‍👧‍👦',
  '\u202e',
  '\n',
  'NaN',
  '-0',
  'null',
  '__proto__',
  'constructor',
  '{"$gt":""}',
  '$where',
  '.*',
  'x'.repeat(HUGE_LENGTH),
  '中'.repeat(HUGE_LENGTH),
  true,
  false,
  null,
  [],
  {},
  [''],
  { $gt: '' },
  { $regex: '.*' },
  // Well-formed but out of this world: they pass the format checks.
  '0000-00-00',
  '0001-01-01',
  '1900-02-29',
  '1970-01-01',
  '2026-02-29',
  '2028-02-29',
  '2026-02-30',
  '2026-13-01',
  '2026-12-32',
  '9999-12-31',
  '9999-99-99',
  '0000-01',
  '9999-12',
  '1970-01',
  '00:00',
  '23:59',
  '00:00:00',
  '000000',
  '999999',
  '000000000',
  '999999999',
  '000000000000',
  '999999999999',
  '00000000',
  '________',
  '--------',
  'x'.repeat(64),
  'x'.repeat(65),
  '10000000000',
  '19999999999',
  '@',
  '.',
  '..',
  '-',
  '_',
];

/** [position, value] pairs where a hostile value still passes the example's schema: these reach the action. */
export function edgesOf(schema: z.ZodTypeAny, example: Record<string, unknown>): Array<[Path, unknown]> {
  const out: Array<[Path, unknown]> = [];
  for (const path of pathsOf(example)) {
    if (!path.length) continue;
    for (const value of EDGE_CANDIDATES) {
      if (JSON.stringify(value) === JSON.stringify(at(example, path))) continue;
      if (schema.safeParse(apply(example, { kind: 'replace', path, value })).success) out.push([path, value]);
    }
  }
  return out;
}

/** The example with one or a few positions set to edge values that validate. */
export function edged(example: Record<string, unknown>, edges: Array<[Path, unknown]>): fc.Arbitrary<unknown> {
  return fc
    .subarray(edges, { minLength: 1, maxLength: Math.min(3, edges.length) })
    .map((picked) => picked.reduce<unknown>((v, [path, value]) => apply(v, { kind: 'replace', path, value }), example));
}

/** Operators written as text, where a careless query builder might parse them. */
const operatorText = fc.constantFrom(
  '{"$gt":""}',
  '{"$where":"1"}',
  '{"$regex":".*"}',
  '$ne',
  '.*',
  '^.*$',
  '[object Object]',
);

/** The example's fields offered only through the prototype: `{"__proto__": {...example}}`. */
export const smuggled = (example: Record<string, unknown>): unknown =>
  JSON.parse(`{"__proto__":${JSON.stringify(example)}}`);

/** Every kind of payload for one action, around its valid examples (if any). */
export function payloads(
  schema: z.ZodTypeAny,
  examples: ReadonlyArray<Record<string, unknown>>,
): fc.Arbitrary<unknown> {
  const realKey = fc.constantFrom(...shapeKeys(schema), ...examples.flatMap((e) => Object.keys(e)), 'x');
  const arbs: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 2, arbitrary: hostile },
    { weight: 2, arbitrary: fc.dictionary(fc.oneof(realKey, hostileKey), hostile, { maxKeys: 4 }) },
    { weight: 4, arbitrary: typed(schema) },
  ];
  if (examples.length) {
    const around = (example: Record<string, unknown>): fc.Arbitrary<unknown> => {
      const own: Array<fc.WeightedArbitrary<unknown>> = [
        { weight: 1, arbitrary: fc.constant(example) },
        { weight: 6, arbitrary: mutated(example) },
        { weight: 1, arbitrary: fc.constant(smuggled(example)) },
      ];
      const free = freeTextPaths(schema, example);
      if (free.length) own.push({ weight: 4, arbitrary: delicate(example, free) });
      const edges = edgesOf(schema, example);
      if (edges.length) own.push({ weight: 4, arbitrary: edged(example, edges) });
      return fc.oneof(...own);
    };
    arbs.push({ weight: 16, arbitrary: fc.oneof(...examples.map(around)) });
  }
  return fc.oneof(...arbs);
}

function shapeKeys(schema: z.ZodTypeAny): string[] {
  if (schema instanceof z.ZodEffects) return shapeKeys(schema.innerType());
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  return [];
}
