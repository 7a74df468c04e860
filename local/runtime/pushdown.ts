/**
 * Pushes the selective part of a Mongo query down to SQLite. The SQL only has to return a SUPERSET of
 * the matching rows: mingo re-checks every candidate, so anything we cannot translate safely is simply
 * left out of the WHERE clause.
 *
 * Handled: `_id` (primary key: equality, $in, ranges on strings) and declared top-level index fields with equality, $eq, $in and
 * $gt/$gte/$lt/$lte on strings and numbers (booleans for equality). Because MongoDB matches a scalar
 * against array elements, every field condition also admits rows whose field is an array and has an
 * element meeting it, through the store's element table (ELEMS_TABLE, indexed on (coll, field, value)),
 * so `{ tags: { $in: [...] } }` on an array field reads only the documents holding one of the values.
 * `$exists` on an index field goes down as `json_type(...) IS [NOT] NULL`.
 */
import { idKey, isPlainObject, type Doc } from './codec';

export interface SqlFilter {
  where: string;
  params: Array<string | number>;
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** json_extract binds booleans as 1/0, which also admits numeric 1/0: a superset, as required. */
const bind = (v: Scalar): string | number => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

/** JSON path for a top-level field; quoted so any field name is safe. Index DDL must use the same text. */
export const jsonPath = (field: string): string => `'$."${field.replace(/'/g, "''").replace(/"/g, '\\"')}"'`;
export const extractExpr = (field: string): string => `json_extract(body, ${jsonPath(field)})`;
export const typeExpr = (field: string): string => `json_type(body, ${jsonPath(field)})`;

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** One translatable condition: `<expr> <op> <values>`; rendered against the field or the element table. */
interface Term {
  op: string;
  values: Array<string | number>;
}

const render = (expr: string, t: Term): string =>
  t.op === 'IN' ? `${expr} IN (${t.values.map(() => '?').join(', ')})` : `${expr} ${t.op} ?`;

/** Translatable terms of one field condition; none when nothing is safely translatable. */
function fieldTerms(cond: unknown, key: (v: Scalar) => string | number, ranges: boolean | 'strings'): Term[] {
  if (isScalar(cond)) return [{ op: '=', values: [key(cond)] }];
  if (!isPlainObject(cond)) return [];
  const keys = Object.keys(cond);
  if (!keys.every((k) => k.startsWith('$'))) return []; // embedded-document equality: leave to mingo
  const terms: Term[] = [];
  for (const op of keys) {
    const v = cond[op];
    if (op === '$eq' && isScalar(v)) terms.push({ op: '=', values: [key(v)] });
    else if (op === '$in' && Array.isArray(v) && v.length > 0 && v.every(isScalar))
      terms.push({ op: 'IN', values: v.map(key) });
    else if (ranges === 'strings' && RANGE[op] && typeof v === 'string')
      terms.push({ op: RANGE[op], values: [key(v)] });
    else if (ranges === true && RANGE[op] && (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
      terms.push({ op: RANGE[op], values: [v] });
    }
  }
  return terms;
}

/**
 * Side table of array elements: one row per (collection, index field, element, document) for every
 * declared index field whose value is an array, kept by the store on every write. A non-scalar or null
 * element is stored with value NULL, a wildcard that always admits its document (mingo decides).
 */
export const ELEMS_TABLE = 'ix:elems';

/**
 * Documents whose array field has an element satisfying `t` (or a wildcard element). In MongoDB each
 * condition on an array may be met by a different element, so every term gets its own subquery.
 */
function elementTerm(coll: string, field: string, t: Term, params: SqlFilter['params']): string {
  params.push(coll, field, ...t.values, coll, field);
  return (
    `id IN (SELECT id FROM "${ELEMS_TABLE}" WHERE coll = ? AND field = ? AND ${render('value', t)}` +
    ` UNION ALL SELECT id FROM "${ELEMS_TABLE}" WHERE coll = ? AND field = ? AND value IS NULL)`
  );
}

function collect(
  query: Doc,
  indexed: ReadonlySet<string>,
  coll: string | null,
  out: string[],
  params: SqlFilter['params'],
): void {
  for (const [field, cond] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) collect(sub, indexed, coll, out, params);
    } else if (field === '_id') {
      // _id is never an array; the key column holds idKey(_id), whose text order is not numeric order,
      // so equality, $in and ranges on a string go down (a string id is its own key; numeric keys
      // sort below every string, and a range on a string never matches a number).
      const toKey = (v: Scalar): string | number => (typeof v === 'boolean' ? '\u0000invalid' : idKey(v));
      for (const t of fieldTerms(cond, toKey, 'strings')) {
        params.push(...t.values);
        out.push(render('id', t));
      }
    } else if (indexed.has(field)) {
      // $exists is about the field as a whole (an array exists too): json_type is NULL exactly when the
      // path is missing, and the type index serves it (e.g. rules stored before they carried keys).
      if (isPlainObject(cond) && typeof cond.$exists === 'boolean')
        out.push(`${typeExpr(field)} IS ${cond.$exists ? 'NOT ' : ''}NULL`);
      const terms = fieldTerms(cond, bind, true);
      if (!terms.length) continue;
      const expr = extractExpr(field);
      const scalar = terms.map((t) => render(expr, t)).join(' AND ');
      for (const t of terms) params.push(...t.values);
      if (coll === null) {
        out.push(`((${scalar}) OR ${typeExpr(field)} = 'array')`);
      } else {
        const arrays = terms.map((t) => elementTerm(coll, field, t, params)).join(' AND ');
        out.push(`((${scalar}) OR (${arrays}))`);
      }
    }
  }
}

/** Index fields eligible for push-down: top-level paths only (dotted paths cross arrays in Mongo). */
export const pushableFields = (fields: readonly string[]): string[] =>
  fields.filter((f) => !f.includes('.') && f !== '_id');

/**
 * `coll` given: array fields are matched through the element table (ELEMS_TABLE), so a condition on an
 * array field uses an index; without it every row whose field is an array is admitted.
 */
export function compileFilter(query: Doc, indexed: ReadonlySet<string>, coll: string | null = null): SqlFilter {
  const out: string[] = [];
  const params: SqlFilter['params'] = [];
  try {
    collect(query, indexed, coll, out, params);
  } catch {
    return { where: '1', params: [] }; // e.g. an invalid _id literal: let mingo decide (it matches nothing)
  }
  return { where: out.length ? out.join(' AND ') : '1', params };
}
