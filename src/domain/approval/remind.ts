/**
 * 催办: the requester reminds whoever decides the pending step. A per-request cooldown keeps it a nudge,
 * not a flood (DingTalk allows one 催办 per approver in a while); the cooldown is computed from the
 * stored instant of the last reminder, so nothing runs on a schedule.
 */
import { refuse, type Refusal } from '../duty/types';
import type { RequestState } from './types';

export const REMIND_COOLDOWN_MS = 60 * 60_000;

/** From when the request may be reminded again (null: now). */
export const remindAfterOf = (remindedAt: number | null | undefined, nowMs: number): number | null =>
  remindedAt !== null && remindedAt !== undefined && nowMs < remindedAt + REMIND_COOLDOWN_MS
    ? remindedAt + REMIND_COOLDOWN_MS
    : null;

/** Whether the requester may remind now; the refusal says why, with minutes to wait. */
export function remindRefusal(
  r: Pick<RequestState, 'status' | 'requesterOpenid'> & { remindedAt?: number | null },
  actorId: string,
  nowMs: number,
): Refusal<'NOT_REQUESTER' | 'NOT_PENDING' | 'REMIND_TOO_SOON'> | null {
  if (r.requesterOpenid !== actorId) return refuse('NOT_REQUESTER', '只有申请人可以催办');
  if (r.status !== 'pending') return refuse('NOT_PENDING', '该申请不在审批中，无需催办');
  const after = remindAfterOf(r.remindedAt, nowMs);
  if (after !== null)
    return refuse('REMIND_TOO_SOON', `已催办过，请 ${Math.ceil((after - nowMs) / 60_000)} 分钟后再催办`);
  return null;
}
