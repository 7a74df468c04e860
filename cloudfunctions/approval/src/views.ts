import type { ApprovalDetail, ApprovalSummary } from '@/contracts/approval';
import {
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  canDecideStep,
  decidesAs,
  escalationOf,
  isExchange,
  remindAfterOf,
  type Actor,
  type PolicyCheck,
} from '@/domain/approval';
import { DUTY_KIND_LABELS, WEEKDAY_LABELS, dateTimeIn, hmIn } from '@/domain/duty';
import { CHINA_ZONE } from '@/domain/time';
import type { ApprovalDoc } from '@/server/repositories/approvals';

export const ZONE = CHINA_ZONE;
const at = (ms: number) => dateTimeIn(ms, ZONE);
const STEP_STATUS: Record<string, string> = {
  waiting: '待审',
  pending: '审批中',
  approved: '同意',
  rejected: '驳回',
  returned: '退回',
};
const ACTIONS: Record<string, string> = {
  submit: '提交',
  approve: '同意',
  reject: '驳回',
  return: '退回修改',
  withdraw: '撤回',
  resubmit: '重新提交',
  transfer: '转交',
};

/** Names of schools for display; an unknown id shows as itself. */
export type Names = (schoolId: string) => string;

function summaryLine(r: ApprovalDoc, name: Names): string {
  if (r.type === 'facility')
    return `${name(r.bookingSchoolId)} 预约 ${r.facilityName}：${at(r.start)}–${hmIn(r.end, ZONE)}`;
  return `${r.teacherName}：${name(r.homeSchoolId)} → ${name(r.hostSchoolId)}（${r.termStart} 至 ${r.termEnd}）`;
}

export function toSummary(r: ApprovalDoc, name: Names, nowMs: number): ApprovalSummary {
  const escalation = escalationOf(r, nowMs);
  return {
    id: r._id,
    type: r.type,
    typeLabel: REQUEST_TYPE_LABELS[r.type],
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    requesterName: r.requesterName,
    summary: summaryLine(r, name),
    waitingFor: r.status === 'pending' ? r.steps[r.current].label : null,
    escalation: escalation && { kind: escalation.kind, label: escalation.label, since: at(escalation.since) },
    createdAt: at(r.createdAt),
    updatedAt: at(r.updatedAt),
    version: r.version,
  };
}

function fieldsOf(r: ApprovalDoc, name: Names): ApprovalDetail['fields'] {
  if (r.type !== 'facility') {
    return [
      { label: '类型', value: DUTY_KIND_LABELS[r.type] },
      { label: '教师', value: r.teacherName },
      { label: '派出学校', value: name(r.homeSchoolId) },
      { label: '接收学校', value: name(r.hostSchoolId) },
      { label: '任期', value: `${r.termStart} 至 ${r.termEnd}` },
      {
        label: '每周安排',
        value: r.slots.map((s) => `${WEEKDAY_LABELS[s.weekday]} ${s.start}–${s.end}（${s.periods}节）`).join('；'),
      },
      ...(r.mentee ? [{ label: '徒弟', value: r.mentee.name }] : []),
      ...(r.reason ? [{ label: '理由', value: r.reason }] : []),
    ];
  }
  return [
    { label: '场馆', value: `${r.facilityName}（${name(r.ownerSchoolId)}）` },
    { label: '预约学校', value: name(r.bookingSchoolId) },
    { label: '时间', value: `${at(r.start)}–${hmIn(r.end, ZONE)}` },
    { label: '用途', value: r.purpose },
  ];
}

export function toDetail(
  r: ApprovalDoc,
  actor: Actor,
  name: Names,
  checks: PolicyCheck[],
  nowMs: number,
): ApprovalDetail {
  const pending = r.status === 'pending';
  const as = decidesAs(r, actor, nowMs);
  return {
    ...toSummary(r, name, nowMs),
    fields: fieldsOf(r, name),
    steps: r.steps.map((s) => ({
      label: s.label,
      status: STEP_STATUS[s.status] ?? s.status,
      decidedByName: s.decidedByName,
      decidedAt: s.decidedAt === null ? null : at(s.decidedAt),
      comment: s.comment,
      unstaffed: s.unstaffed === true,
      delegateName: s.delegate?.name ?? null,
    })),
    current: r.current,
    trail: r.trail.map((t) => ({
      at: at(t.at),
      byName: t.byName,
      action: ACTIONS[t.action] ?? t.action,
      step: t.step === null ? null : (r.steps[t.step]?.label ?? null),
      comment: t.comment,
      changes: t.changes ?? [],
    })),
    checks,
    canDecide: as !== null,
    decidingAs: as,
    canWithdraw: (pending || r.status === 'returned') && r.requesterOpenid === actor._id,
    canResubmit: r.status === 'returned' && r.requesterOpenid === actor._id,
    result: r.result,
    editable:
      r.status === 'returned' && r.requesterOpenid === actor._id && isExchange(r)
        ? {
            type: r.type,
            hostSchoolId: r.hostSchoolId,
            slots: r.slots.map((s) => ({ ...s })),
            termStart: r.termStart,
            termEnd: r.termEnd,
            reason: r.reason,
            mentee: r.mentee ? { name: r.mentee.name } : null,
            fix: r.returnFix ?? null,
          }
        : null,
    canRemind: pending && r.requesterOpenid === actor._id && remindAfterOf(r.remindedAt, nowMs) === null,
    remindAfter:
      pending && r.requesterOpenid === actor._id && remindAfterOf(r.remindedAt, nowMs) !== null
        ? at(remindAfterOf(r.remindedAt, nowMs)!)
        : null,
    canTransfer: pending && canDecideStep(r.steps[r.current], actor),
    ccNames: (r.cc ?? []).map((c) => c.name),
  };
}
