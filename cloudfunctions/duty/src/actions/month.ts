import type { MonthView } from '@/contracts/duty';
import type { SignedInContext } from '@/server/handler';
import {
  DEFAULT_DUTY_POLICY,
  DUTY_KIND_LABELS,
  addDays,
  makeupsLeftIn,
  monthBounds,
  monthCsv,
  monthSummary,
  type DutyTravel,
  type MonthSummary,
  type SubsidyTableFile,
} from '@/domain/duty';
import { dutiesOfTeacher, makeupsOfTeacher, recordsOfTeacher, type DutyDoc } from '@/server/repositories/duties';
import subsidyTable from '../../../../data/subsidy-table.json';
import { presenceLabel, presenceReasonOf } from '@/domain/presence';
import { ZONE, at, makeupView } from '../views';

async function summarise(
  openid: string,
  month: string,
  nowMs: number,
): Promise<{ summary: MonthSummary; duties: DutyDoc[] }> {
  const { first, last } = monthBounds(month);
  const [duties, records] = await Promise.all([
    dutiesOfTeacher(openid),
    recordsOfTeacher(openid, addDays(first, -1), last),
  ]);
  const travel: Record<string, DutyTravel> = {};
  for (const d of duties) if (d.travel) travel[d._id] = d.travel;
  const summary = monthSummary(records, duties, month, ZONE, subsidyTable as SubsidyTableFile, travel, {
    nowMs,
    policy: DEFAULT_DUTY_POLICY,
  });
  return { summary, duties };
}

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * A teacher's month in China time: every session with its 核验 status, hours, 课时, flags, subsidy
 * estimate. Totals count verified sessions; 未核验 ones are totalled apart (sessionCount, as the CSV).
 */
export async function month(input: { month: string }, ctx: SignedInContext): Promise<MonthView> {
  const openid = ctx.openid;
  const [{ summary, duties }, makeups] = await Promise.all([
    summarise(openid, input.month, ctx.now),
    makeupsOfTeacher(openid),
  ]);
  const byId = new Map(duties.map((d) => [d._id, d]));
  const counted = makeups.filter((m) => m.status !== 'rejected').map((m) => m.createdAt);
  const t = summary.total;
  return {
    month: summary.month,
    lines: summary.lines
      .filter((l) => l.sessionInMonth)
      .map((l) => ({
        recordId: l.record._id,
        sessionDate: l.record.sessionDate,
        slot: `${l.record.slotStart}–${l.record.slotEnd}`,
        kindLabel: DUTY_KIND_LABELS[l.duty.kind],
        hostSchoolName: byId.get(l.duty._id)?.hostSchoolName ?? l.duty.hostSchoolId,
        clockIn: at(l.record.clockInAt),
        clockOut: at(l.record.clockOutAt),
        minutes: l.minutes,
        periods: l.periods,
        flags: [
          l.flags.late && '迟到',
          l.flags.leftEarly && '早退',
          l.flags.outOfRange && '超出范围',
          l.flags.capped && '未签退（按结束时间计）',
          l.flags.makeup && '补卡',
          l.record.clockInAt !== null && !l.credited && '计入 0 分钟，不计课时',
        ].filter((f): f is string => typeof f === 'string'),
        counted: l.count,
        presenceLabel: l.record.clockInAt === null ? null : presenceLabel(l.record),
        presenceReason: presenceReasonOf(l.record),
        verifiedAt: l.record.presence === 'code' ? at(l.record.presenceVerifiedAt ?? l.record.clockInAt) : null,
      })),
    minutes: t.minutes,
    hours: hoursOf(t.minutes),
    sessions: t.sessions,
    scheduled: t.scheduled,
    periods: t.periods,
    unverifiedMinutes: t.unverifiedMinutes,
    unverifiedHours: hoursOf(t.unverifiedMinutes),
    unverifiedSessions: t.unverifiedSessions,
    unverifiedPeriods: t.unverifiedPeriods,
    flags: t.flags,
    subsidyYuan: t.subsidyYuan,
    subsidySample: summary.subsidySample,
    notes: summary.notes,
    makeupsLeft: makeupsLeftIn(summary.month, counted, ctx.now, ZONE, DEFAULT_DUTY_POLICY),
    makeups: makeups
      .filter((m) => m.sessionDate.startsWith(`${summary.month}-`))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((m) => makeupView(m, byId.get(m.dutyId))),
  };
}

/** The month as CSV (UTF-8 with BOM, so Excel shows the Chinese). */
export async function exportMonth(
  input: { month: string },
  ctx: SignedInContext,
): Promise<{ filename: string; csv: string }> {
  const { summary, duties } = await summarise(ctx.openid, input.month, ctx.now);
  const schools: Record<string, string> = {};
  for (const d of duties) {
    schools[d.homeSchoolId] = d.homeSchoolName;
    schools[d.hostSchoolId] = d.hostSchoolName;
  }
  return { filename: `交流任务-${input.month}.csv`, csv: monthCsv(summary, { schools }) };
}
