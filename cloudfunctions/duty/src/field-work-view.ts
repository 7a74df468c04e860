import type { FieldWorkView } from '@/contracts/duty';
import { fieldWorkLabel, type WithFieldWork } from '@/domain/duty/field-work';
import type { ClockRecordDoc } from '@/server/repositories/duties';
import { dateTimeIn } from '@/domain/time';
import { CHINA_ZONE } from '@/domain/time';

const at = (ms: number | null) => (ms === null ? null : dateTimeIn(ms, CHINA_ZONE));

/** A record's 外勤 as both sides see it (note, confirmed or not, the principal's comment); null if not 外勤. */
export function fieldWorkView(r: WithFieldWork<ClockRecordDoc>): FieldWorkView | null {
  const f = r.fieldWork;
  if (!f) return null;
  return {
    note: f.note,
    confirmed: f.confirmedAt !== null,
    comment: f.comment,
    confirmedAt: at(f.confirmedAt),
    confirmedByName: f.confirmedByName,
  };
}

/** 外勤（待确认）/ 外勤（已确认）, unless a later scan verified the session by code (then the code's label). */
export function fieldWorkPresenceLabel(r: WithFieldWork<ClockRecordDoc>): string | null {
  return r.fieldWork && r.presence !== 'code' ? fieldWorkLabel(r.fieldWork) : null;
}
