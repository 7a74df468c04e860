import { COLLECTIONS } from '@/contracts/collections';
import { fieldsOf, runTransaction, type Tx } from '../cloud';
import { fetchById } from './query';
import { callerRequestKey } from '../request-key';

/**
 * Bureau writes (composition edits, imports) applied once per client request id: the first result is
 * kept in `applied_requests`, and a retry of the same request gets it back with nothing written.
 */
export interface AppliedRequest {
  kind: 'composition-edit' | 'import';
  districtCode: string;
  requestId: string;
  /** OPENID of the caller. */
  by: string;
  at: number;
}

interface AppliedRecord<R> extends AppliedRequest {
  _id: string;
  result: R;
}

/** Keyed by district and caller: another caller's request id is a new request, never their result. */
const recordId = (r: AppliedRequest) =>
  `${r.kind}-${r.districtCode}-${callerRequestKey(r.by, r.requestId, r.districtCode)}`;

/** The result of an earlier application of this request, if any (checked before any work is done). */
export async function earlierResult<R>(request: AppliedRequest): Promise<R | null> {
  return (await fetchById<AppliedRecord<R>>(COLLECTIONS.appliedRequests, recordId(request)))?.result ?? null;
}

/**
 * Runs `write` in one transaction with the record of the request: of concurrent applications exactly one
 * writes; the others (and later retries) get the first result with `duplicate: true`.
 */
export function applyOnce<R extends object>(
  request: AppliedRequest,
  write: (tx: Tx) => Promise<R>,
): Promise<R & { duplicate: boolean }> {
  const id = recordId(request);
  return runTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.appliedRequests).doc(id);
    const previous = (await ref.get().catch(() => ({ data: null }))).data as AppliedRecord<R> | null;
    if (previous) return { ...previous.result, duplicate: true };
    const result = await write(tx);
    const record: AppliedRecord<R> = { _id: id, ...request, result };
    await ref.set({ data: fieldsOf(record) });
    return { ...result, duplicate: false };
  });
}
