import type { AttendanceRowView } from '@/contracts/duty';
import type { SignedInContext } from '@/server/handler';
import { forbidden, notFound } from '@/server/errors';
import { COLLECTIONS } from '@/contracts/collections';
import { DEFAULT_DUTY_POLICY, attendanceOfDay } from '@/domain/duty';
import { confirmFieldWork as confirmed, type WithFieldWork } from '@/domain/duty/field-work';
import { fieldsOf, runTransaction } from '@/server/cloud';
import { fetchById } from '@/server/repositories/query';
import { getClockRecord, type ClockRecordDoc, type DutyDoc } from '@/server/repositories/duties';
import { rollupRecordChange } from '@/server/repositories/kpi-rollups';
import { checkTypedText } from '@/server/content-check';
import { ZONE, orThrow } from '../views';
import { attendanceRowView } from './attendance';

type FieldRecord = WithFieldWork<ClockRecordDoc>;

/**
 * The host principal confirms a 外勤 clock-in with a comment: from then on it is verified presence
 * (presence 'makeup', the principal's word, as for an approved 补卡) and the dashboard counts it. Who,
 * when and the comment stay on the record (its audit). Atomic with the rollups: the record is re-read
 * in the transaction, so of two concurrent confirmations exactly one applies (the other: ALREADY_CONFIRMED).
 * Another school's record answers exactly as a made-up id.
 */
export async function confirmFieldWork(
  input: { recordId: string; comment: string },
  ctx: SignedInContext,
): Promise<AttendanceRowView> {
  const user = await ctx.user();
  if (!user?.schoolId) throw forbidden('当前账号未绑定学校');
  await checkTypedText(ctx.openid, { comment: ['确认意见', input.comment] });
  const [record, duty] = await Promise.all([
    getClockRecord(input.recordId) as Promise<FieldRecord | null>,
    dutyOfRecordId(input.recordId),
  ]);
  if (!record || record.hostSchoolId !== user.schoolId || !duty || duty._id !== record.dutyId)
    throw notFound('该签到记录');
  const next = await runTransaction(async (tx) => {
    const current = (await tx.collection(COLLECTIONS.clockRecords).doc(record._id).get()).data as FieldRecord;
    const after = orThrow(
      confirmed(current, { openid: ctx.openid, name: user.name || '校长' }, input.comment, ctx.now),
    );
    await tx
      .collection(COLLECTIONS.clockRecords)
      .doc(after._id)
      .set({ data: fieldsOf(after) });
    await rollupRecordChange(tx, current, after, duty.homeSchoolId, ctx.now);
    return after;
  });
  const row = attendanceOfDay([duty], [next], next.sessionDate, ctx.now, ZONE, DEFAULT_DUTY_POLICY).find(
    (r) => r.session.key === next._id,
  )!;
  return attendanceRowView(row, duty);
}

/** The record id starts with its duty id (clockRecordId): the duty is read in parallel with the record. */
function dutyOfRecordId(recordId: string): Promise<DutyDoc | null> {
  const m = /^(.+)-\d{4}-\d{2}-\d{2}-\d{4}$/.exec(recordId);
  return m ? fetchById<DutyDoc>(COLLECTIONS.duties, m[1]) : Promise.resolve(null);
}
