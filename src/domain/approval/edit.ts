/**
 * 退回修改: what a returned teacher exchange may change on resubmission, and the trail's record of it.
 * The parts of the form a decider can point at when sending a request back, so the requester's form
 * opens on the part to fix rather than at its first step.
 */
import { WEEKDAY_LABELS } from '../duty/types';
import type { DutySlot } from '../duty/types';
import type { ExchangeFields } from './types';

export type FixPart = 'host' | 'slots' | 'term' | 'reason';

export const FIX_PART_LABELS: Readonly<Record<FixPart, string>> = {
  host: '接收学校',
  slots: '每周安排',
  term: '任期',
  reason: '申请理由',
};

/** What the requester may change: everything routing and the checks read, except who and from where. */
export type ExchangeEdit = Partial<
  Pick<ExchangeFields, 'hostSchoolId' | 'slots' | 'termStart' | 'termEnd' | 'reason' | 'mentee'>
>;

const slotsText = (slots: readonly DutySlot[]) =>
  slots.map((s) => `${WEEKDAY_LABELS[s.weekday]} ${s.start}–${s.end}（${s.periods}节）`).join('、');

/** The fields after the edit (unchanged where the edit says nothing). */
export function applyEdit(before: ExchangeFields, edit: ExchangeEdit): ExchangeFields {
  return {
    ...before,
    ...(edit.hostSchoolId !== undefined ? { hostSchoolId: edit.hostSchoolId } : {}),
    ...(edit.slots !== undefined ? { slots: edit.slots.map((s) => ({ ...s })) } : {}),
    ...(edit.termStart !== undefined ? { termStart: edit.termStart } : {}),
    ...(edit.termEnd !== undefined ? { termEnd: edit.termEnd } : {}),
    ...(edit.reason !== undefined ? { reason: edit.reason?.trim() || null } : {}),
    ...(edit.mentee !== undefined && before.type === 'mentoring' ? { mentee: edit.mentee } : {}),
  };
}

/** One line per changed part, old → new, for the trail (school ids shown by name). */
export function exchangeChanges(
  before: ExchangeFields,
  after: ExchangeFields,
  name: (schoolId: string) => string,
): string[] {
  const out: string[] = [];
  if (before.hostSchoolId !== after.hostSchoolId)
    out.push(`接收学校：${name(before.hostSchoolId)} → ${name(after.hostSchoolId)}`);
  if (slotsText(before.slots) !== slotsText(after.slots))
    out.push(`每周安排：${slotsText(before.slots)} → ${slotsText(after.slots)}`);
  if (before.termStart !== after.termStart || before.termEnd !== after.termEnd)
    out.push(`任期：${before.termStart} 至 ${before.termEnd} → ${after.termStart} 至 ${after.termEnd}`);
  if ((before.reason ?? '') !== (after.reason ?? ''))
    out.push(`申请理由：${before.reason ?? '（无）'} → ${after.reason ?? '（无）'}`);
  if ((before.mentee?.name ?? '') !== (after.mentee?.name ?? ''))
    out.push(`徒弟：${before.mentee?.name ?? '（无）'} → ${after.mentee?.name ?? '（无）'}`);
  return out;
}
