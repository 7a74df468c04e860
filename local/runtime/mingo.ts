/** One fully loaded mingo context shared by queries, updates and aggregations. */
import { Query } from 'mingo';
import fullContext from 'mingo/init/context';
import { stringifyDoc, type Doc } from './codec';

export const context = fullContext();

/** Strict mode keeps MongoDB semantics (e.g. null matching, $in on arrays). */
export const queryOptions = { context, useStrictMode: true } as const;

// Building a Query copies every operator of the context (hundreds), which costs more than matching a
// page of documents; the same query shapes recur, so compiled queries are kept (a Query is stateless).
const compiled = new Map<string, Query>();
const KEEP = 512;

export function matcher(query: Doc): Query {
  const key = stringifyDoc(query);
  let q = compiled.get(key);
  if (q) {
    compiled.delete(key); // most recently used goes last
  } else {
    q = new Query(query, queryOptions);
    if (compiled.size >= KEEP) compiled.delete(compiled.keys().next().value!);
  }
  compiled.set(key, q);
  return q;
}

/** The query matching everything: for sorting, skipping and projecting documents already matched. */
export const everything = (): Query => matcher({});
