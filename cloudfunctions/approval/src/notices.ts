import { REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS, escalationOf, type Step } from '@/domain/approval';
import { dateTimeIn } from '@/domain/duty';
import { sendNotices, type Notice } from '@/server/notify';
import { usersWhere } from '@/server/repositories/users';
import type { ApprovalDoc } from '@/server/repositories/approvals';
import { ZONE, type Names } from './views';

const DETAIL_PAGE = (id: string) => `packages/principal/pages/request/index?id=${id}`;

/** The accounts that may decide a step: the school's principal, the 学区长, or the district bureau. */
async function decidersOf(step: Step): Promise<string[]> {
  if (step.roles.includes('xuequzhang'))
    return (await usersWhere({ xuequId: step.xuequId ?? '', roles: 'xuequzhang' })).map((u) => u._id);
  if (step.roles.includes('bureau'))
    return (await usersWhere({ districtCode: step.districtCode, roles: 'bureau' })).map((u) => u._id);
  return (await usersWhere({ schoolId: step.schoolId ?? '', roles: 'principal' })).map((u) => u._id);
}

/**
 * "A request waits for you" to whoever may decide the pending step: its holders, the acting approver it
 * was handed to, and the district bureau once it has escalated (无人审批 at once, 超时 later).
 */
export async function noticesForStep(r: ApprovalDoc, names: Names, nowMs: number): Promise<Notice<'approval'>[]> {
  if (r.status !== 'pending') return [];
  const step = r.steps[r.current];
  const holders = await decidersOf(step);
  const bureau = escalationOf(r, nowMs) ? await decidersOf({ ...step, roles: ['bureau'] }) : [];
  const who = [...new Set([...holders, ...(step.delegate ? [step.delegate.openid] : []), ...bureau])];
  return who.map((touser) => waiting(r, touser, names));
}

/** "A request waits for you" to the acting approver a step was just handed to (转交). */
export function delegateNotice(r: ApprovalDoc, touser: string, names: Names): Notice<'approval'>[] {
  return [waiting(r, touser, names)];
}

/** "A request waits for you": the request's pending step, to one account. */
function waiting(r: ApprovalDoc, touser: string, names: Names): Notice<'approval'> {
  const step = r.steps[r.current];
  return {
    touser,
    template: 'approval',
    page: DETAIL_PAGE(r._id),
    fields: {
      type: REQUEST_TYPE_LABELS[r.type],
      requester: r.requesterName,
      step: names(step.schoolId ?? '') || step.label,
      time: dateTimeIn(r.updatedAt, ZONE),
    },
  };
}

/** "Your request was decided" to the requester, when it is approved, rejected or sent back. */
export function noticeForRequester(r: ApprovalDoc): Notice<'result'>[] {
  if (r.status === 'pending' || r.status === 'withdrawn') return [];
  const last = [...r.trail].reverse().find((t) => t.action !== 'submit');
  return [
    {
      touser: r.requesterOpenid,
      template: 'result',
      page: `packages/teacher/pages/requests/index?id=${r._id}`,
      fields: {
        type: REQUEST_TYPE_LABELS[r.type],
        status: REQUEST_STATUS_LABELS[r.status],
        comment: last?.comment || '无',
        time: dateTimeIn(r.updatedAt, ZONE),
      },
    },
  ];
}

export const sendAll = (notices: Notice[]) => sendNotices(notices);

/** 抄送: the copied are told the outcome once, when the request is approved or rejected. */
export function noticesForCc(before: ApprovalDoc, after: ApprovalDoc): Notice<'result'>[] {
  if (before.status !== 'pending' || (after.status !== 'approved' && after.status !== 'rejected')) return [];
  return (after.cc ?? []).map((c) => ({
    ...noticeForRequester(after)[0],
    touser: c.openid,
    page: DETAIL_PAGE(after._id),
  }));
}
