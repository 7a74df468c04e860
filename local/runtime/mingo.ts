/** One fully loaded mingo context shared by queries, updates and aggregations. */
import { Query } from 'mingo';
import fullContext from 'mingo/init/context';
import type { Doc } from './codec';

export const context = fullContext();

/** Strict mode keeps MongoDB semantics (e.g. null matching, $in on arrays). */
export const queryOptions = { context, useStrictMode: true } as const;

export function matcher(query: Doc): Query {
  return new Query(query, queryOptions);
}
