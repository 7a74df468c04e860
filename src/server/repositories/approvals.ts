import { COLLECTIONS } from '@/contracts/collections';
import type { ApprovalRequest, PolicyCheck } from '@/domain/approval';
import { db } from '../cloud';
import { fetchAll, fetchById } from './query';

/**
 * A stored request: the domain's request plus what the inbox queries (inboxKey: who may decide the
 * pending step; deciders: who decided any step), the checks shown at submission, and what the final
 * approval created.
 */
export type ApprovalDoc = ApprovalRequest & {
  inboxKey: string | null;
  /** The acting approver (转交) of the pending step: their inbox queries it. */
  delegateOpenid?: string | null;
  /** 抄送: told of the request and its outcome without deciding (ccOpenids: what their list queries). */
  cc?: Array<{ openid: string; name: string }>;
  ccOpenids?: string[];
  /** Last 催办 (remind) of the pending step, for its cooldown. */
  remindedAt?: number | null;
  /** 退回修改: the part the decider asked the requester to fix (the form opens there); cleared on resubmit. */
  returnFix?: 'host' | 'slots' | 'term' | 'reason' | null;
  deciders: string[];
  checks: PolicyCheck[];
  result: { dutyId: string | null; bookingId: string | null } | null;
};

export const getApproval = (id: string) => fetchById<ApprovalDoc>(COLLECTIONS.approvals, id);
export const approvalsOfRequester = (openid: string) =>
  fetchAll<ApprovalDoc>(COLLECTIONS.approvals, { requesterOpenid: openid });
export const approvalsDecidedBy = (openid: string) =>
  fetchAll<ApprovalDoc>(COLLECTIONS.approvals, { deciders: openid });

export function approvalsWaitingFor(keys: string[]): Promise<ApprovalDoc[]> {
  return keys.length === 0
    ? Promise.resolve([])
    : fetchAll<ApprovalDoc>(COLLECTIONS.approvals, { inboxKey: db().command.in(keys) });
}
