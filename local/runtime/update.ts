/**
 * Update operators as the cloud applies them: the SDK always sends operator form
 * ({$set: {"a.b": …}, $inc: …}); mingo's updater implements each operator with MongoDB semantics,
 * we add the checks MongoDB makes around it (conflicting paths, immutable _id, storable keys).
 */
import { update as mingoUpdate } from 'mingo';
import { assertStorable, isPlainObject, type Doc } from './codec';
import { CODE, fail } from './errors';
import { queryOptions } from './mingo';

const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$bit',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
]);

/** `_.addToSet({ each: [...] })` reaches the server as `{ each: [...] }`; the service reads it as $each. */
function normaliseAddToSet(expr: Doc): Doc {
  const out: Doc = {};
  for (const [path, v] of Object.entries(expr)) {
    const each = isPlainObject(v) && Object.keys(v).length === 1 && Array.isArray(v.each);
    out[path] = each ? { $each: (v as { each: unknown[] }).each } : v;
  }
  return out;
}

/** MongoDB: one update may not touch a path and its prefix ("would create a conflict"). */
function assertNoConflicts(data: Doc): void {
  const paths: string[] = [];
  for (const [op, expr] of Object.entries(data)) {
    for (const [path, v] of Object.entries(expr as Doc)) {
      paths.push(path);
      if (op === '$rename' && typeof v === 'string') paths.push(v);
    }
  }
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const [a, b] = paths[i].length <= paths[j].length ? [paths[i], paths[j]] : [paths[j], paths[i]];
      if (a === b || b.startsWith(`${a}.`)) {
        fail(CODE.REQUEST_FAILED, `Updating the path '${b}' would create a conflict at '${a}'`);
      }
    }
  }
}

/** Returns the updated copy of `doc` (the input is never mutated). */
export function applyUpdate(doc: Doc, data: Doc): Doc {
  const ops = Object.keys(data);
  if (ops.length === 0) fail(CODE.INVALID_PARAM, 'update data must not be empty');
  for (const op of ops) {
    if (!OPERATORS.has(op)) fail(CODE.INVALID_OPERATOR, `unknown update operator: ${op}`);
    if (!isPlainObject(data[op])) fail(CODE.INVALID_PARAM, `${op} expects an object`);
  }
  assertNoConflicts(data);
  const next = structuredClone(doc);
  for (const op of ops) {
    const expr = op === '$addToSet' ? normaliseAddToSet(data[op] as Doc) : (data[op] as Doc);
    mingoUpdate(next, { [op]: expr } as never, [], undefined, { cloneMode: 'deep', queryOptions });
  }
  if (next._id !== doc._id) {
    fail(CODE.REQUEST_FAILED, "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  assertStorable(next);
  return next;
}

/** `doc().set()`: the new body replaces every field but keeps the _id. */
export function replaceDoc(id: unknown, data: Doc): Doc {
  if (Object.keys(data).some((k) => k.startsWith('$'))) {
    fail(CODE.INVALID_PARAM, 'set() data must not contain update operators');
  }
  if ('_id' in data && data._id !== id) fail(CODE.INVALID_PARAM, '不能更新_id的值');
  const next: Doc = { _id: id, ...data };
  assertStorable(next);
  return next;
}
