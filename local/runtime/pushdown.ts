/**
 * Pushes the selective part of a Mongo query down to SQLite. The SQL only has to return a SUPERSET of
 * the matching rows: mingo re-checks every candidate, so anything we cannot translate safely is simply
 * left out of the WHERE clause.
 *
 * Handled: `_id` (primary key: equality, $in, ranges on strings) and declared top-level index fields with equality, $eq, $in and
 * $gt/$gte/$lt/$lte on strings and numbers (booleans for equality). Because MongoDB matches a scalar
 * against array elements, every field condition also admits rows whose field is an array
 * (`json_type = 'array'`, itself indexed so SQLite can use a MULTI-INDEX OR).
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

/** SQL terms over `expr` for one field condition; none when nothing is safely translatable. */
function fieldTerms(
  expr: string,
  cond: unknown,
  params: SqlFilter['params'],
  key: (v: Scalar) => string | number,
  ranges: boolean | 'strings',
): string[] {
  if (isScalar(cond)) {
    params.push(key(cond));
    return [`${expr} = ?`];
  }
  if (!isPlainObject(cond)) return [];
  const keys = Object.keys(cond);
  if (!keys.every((k) => k.startsWith('$'))) return []; // embedded-document equality: leave to mingo
  const terms: string[] = [];
  for (const op of keys) {
    const v = cond[op];
    if (op === '$eq' && isScalar(v)) {
      params.push(key(v));
      terms.push(`${expr} = ?`);
    } else if (op === '$in' && Array.isArray(v) && v.length > 0 && v.every(isScalar)) {
      params.push(...v.map(key));
      terms.push(`${expr} IN (${v.map(() => '?').join(', ')})`);
    } else if (ranges === 'strings' && RANGE[op] && typeof v === 'string') {
      params.push(key(v));
      terms.push(`${expr} ${RANGE[op]} ?`);
    } else if (ranges === true && RANGE[op] && (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
      params.push(v);
      terms.push(`${expr} ${RANGE[op]} ?`);
    }
  }
  return terms;
}

function collect(query: Doc, indexed: ReadonlySet<string>, out: string[], params: SqlFilter['params']): void {
  for (const [field, cond] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) collect(sub, indexed, out, params);
    } else if (field === '_id') {
      // _id is never an array; the key column holds idKey(_id), whose text order is not numeric order,
      // so equality, $in and ranges on a string go down (a string id is its own key; numeric keys
      // sort below every string, and a range on a string never matches a number).
      const toKey = (v: Scalar): string | number => (typeof v === 'boolean' ? '\u0000invalid' : idKey(v));
      out.push(...fieldTerms('id', cond, params, toKey, 'strings'));
    } else if (indexed.has(field)) {
      const local: SqlFilter['params'] = [];
      const terms = fieldTerms(extractExpr(field), cond, local, bind, true);
      if (terms.length) {
        params.push(...local);
        out.push(`((${terms.join(' AND ')}) OR ${typeExpr(field)} = 'array')`);
      }
    }
  }
}

/** Index fields eligible for push-down: top-level paths only (dotted paths cross arrays in Mongo). */
export const pushableFields = (fields: readonly string[]): string[] => fields.filter((f) => !f.includes('.') && f !== '_id');

export function compileFilter(query: Doc, indexed: ReadonlySet<string>): SqlFilter {
  const out: string[] = [];
  const params: SqlFilter['params'] = [];
  try {
    collect(query, indexed, out, params);
  } catch {
    return { where: '1', params: [] }; // e.g. an invalid _id literal: let mingo decide (it matches nothing)
  }
  return { where: out.length ? out.join(' AND ') : '1', params };
}
