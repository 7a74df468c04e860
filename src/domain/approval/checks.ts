/**
 * What the approver of a teacher exchange sees before deciding. Blocks are rules the approval must not
 * break (a duty that could not be scheduled, or that overlaps the teacher's other duties and would make
 * clock-in ambiguous); warnings and information leave the decision to the approver.
 */
import { dateIn } from '../time';
import { dutyConflicts, dutyProblems } from '../duty/schedule';
import { DUTY_KIND_LABELS, WEEKDAY_LABELS } from '../duty/types';
import type { Duty, DutySlot } from '../duty/types';
import { slotProblems } from '../slots';
import { candidateDuty } from './duty';
import { REQUEST_STATUS_LABELS } from './types';
import type { ExchangeFields, PolicyCheck, RequestStatus, RequestType } from './types';

const slotText = (s: DutySlot) => `${WEEKDAY_LABELS[s.weekday]} ${s.start}–${s.end}`;

export function exchangeChecks(
  fields: ExchangeFields,
  approvalId: string,
  teacherDuties: readonly Duty[],
  nowMs: number,
  zone: string,
): PolicyCheck[] {
  const out: PolicyCheck[] = [];
  if (fields.homeSchoolId === fields.hostSchoolId)
    out.push({ code: 'SAME_SCHOOL', level: 'block', message: '派出学校与接收学校相同，不属于跨校交流' });
  if (fields.type === 'mentoring' && !fields.mentee?.name.trim())
    out.push({ code: 'MENTEE_MISSING', level: 'block', message: '师徒结对需填写徒弟姓名' });
  // An invalid slot (end before start, 00:00–23:59, outside school hours) blocks, and is never reported as 不冲突.
  const problems = [...dutyProblems(fields), ...slotProblems(fields.slots).map((p) => p.message)];
  for (const message of problems) out.push({ code: 'DUTY_INVALID', level: 'block', message });
  if (problems.length > 0) return out; // conflicts of an unschedulable duty would be noise

  const today = dateIn(nowMs, zone);
  if (fields.termEnd < today)
    out.push({ code: 'TERM_OVER', level: 'block', message: `任期已于 ${fields.termEnd} 结束，批准后不会产生任何任务` });
  else if (fields.termStart < today)
    out.push({
      code: 'TERM_STARTED',
      level: 'warn',
      message: `任期已于 ${fields.termStart} 开始，此前的时段不会补记签到`,
    });

  const conflicts = dutyConflicts(candidateDuty(fields, approvalId), teacherDuties);
  for (const { duty, slot, other } of conflicts)
    out.push({
      code: 'DUTY_CONFLICT',
      level: 'block',
      message: `与该教师已有的${DUTY_KIND_LABELS[duty.kind]}任务（${duty.termStart} 至 ${duty.termEnd}）时间冲突：${slotText(slot)} 与 ${slotText(other)}`,
    });
  if (conflicts.length === 0) out.push({ code: 'NO_CONFLICT', level: 'ok', message: '与该教师的其他任务时间不冲突' });
  return out;
}

/** Seed 001: 干部教师轮岗交流资源共享比率不少于30%. */
export interface RotationPolicy {
  targetShare: number;
  /** Warn when the releasing school's share would exceed this; null = no ceiling (the seeds set none). */
  maxOutflowShare: number | null;
}

export const DEFAULT_ROTATION_POLICY: Readonly<RotationPolicy> = { targetShare: 0.3, maxOutflowShare: null };

/**
 * Teachers in exchange / teachers, in [0, 1]; null when the count is unknown (0 teachers). Counts out of
 * range are clamped rather than trusted: a share above 100 % would only mislead.
 */
export function rotationShare(teachersInRotation: number, teacherCount: number): number | null {
  if (!Number.isFinite(teacherCount) || teacherCount <= 0 || !Number.isFinite(teachersInRotation)) return null;
  return Math.min(Math.max(teachersInRotation, 0), teacherCount) / teacherCount;
}

/**
 * 0.125 → '12.5%', 0.3 → '30%'. The one rule for a share on a page: a tiny non-zero share (1/2767) reads
 * '不足0.1%', never a rounded-down '0%' that would say nobody is in exchange. (The CSV keeps two decimals.)
 */
export const formatShare = (share: number): string =>
  share > 0 && share < 0.001 ? '不足0.1%' : `${Math.round(share * 1000) / 10}%`;

export interface ShareCount {
  /** Distinct teachers with an active exchange duty of any kind (资源共享 counts every form). */
  teachersInRotation: number;
  teacherCount: number;
}

/**
 * The releasing school's and the district's share against the target, now and once this teacher is
 * counted. Information for the approver, not a block; a warning only past the configured ceiling.
 */
export function rotationChecks(
  input: { schoolName: string; school: ShareCount; district: ShareCount; teacherAlreadyCounted: boolean },
  policy: RotationPolicy = DEFAULT_ROTATION_POLICY,
): PolicyCheck[] {
  const out: PolicyCheck[] = [];
  const add = input.teacherAlreadyCounted ? 0 : 1;
  const target = `目标不少于 ${formatShare(policy.targetShare)}`;
  const line = (who: string, c: ShareCount, code: string) => {
    const now = rotationShare(c.teachersInRotation, c.teacherCount);
    const after = rotationShare(c.teachersInRotation + add, c.teacherCount);
    if (now === null || after === null) {
      out.push({ code: `${code}_UNKNOWN`, level: 'warn', message: `${who}未登记教师人数，无法计算交流比例` });
      return null;
    }
    const change =
      add === 0
        ? '该教师已在交流中，批准后比例不变'
        : `批准后 ${c.teachersInRotation + add}/${c.teacherCount} 人（${formatShare(after)}）`;
    const reached = now >= policy.targetShare;
    const met = reached ? '已达标' : '未达标';
    // Below target is information for the approver, not a block; but it is not a pass either (no green ✓).
    out.push({
      code,
      level: reached ? 'ok' : 'warn',
      message: `${who}交流教师 ${c.teachersInRotation}/${c.teacherCount} 人（${formatShare(now)}，${met}），${change}；${target}`,
    });
    return after;
  };
  const schoolAfter = line(`派出学校（${input.schoolName}）`, input.school, 'ROTATION_SCHOOL');
  line('全区', input.district, 'ROTATION_DISTRICT');
  if (policy.maxOutflowShare !== null && schoolAfter !== null && add > 0 && schoolAfter > policy.maxOutflowShare)
    out.push({
      code: 'ROTATION_OUTFLOW',
      level: 'warn',
      message: `批准后派出学校交流教师占比 ${formatShare(schoolAfter)}，超过上限 ${formatShare(policy.maxOutflowShare)}，请确认不影响本校教学`,
    });
  return out;
}

/** Checks that say the time is free: true only while the request is open or once it is approved. */
const AVAILABILITY_OK = new Set(['FACILITY_FREE', 'NO_CONFLICT']);

/**
 * The checks kept on a request once decided: as they stood at the decision, except that a request
 * closed without approval no longer claims its time is free (nothing was reserved, and others may
 * have taken it since); it says so instead.
 */
export function checksAtClose(checks: readonly PolicyCheck[], status: RequestStatus, type: RequestType): PolicyCheck[] {
  if (status === 'pending' || status === 'approved') return [...checks];
  const kept = checks.filter((c) => !AVAILABILITY_OK.has(c.code));
  const what = type === 'facility' ? '场馆时段未预留' : '未生成交流任务';
  return [
    ...kept,
    {
      code: 'NOT_RESERVED',
      level: 'warn',
      message: `该申请${REQUEST_STATUS_LABELS[status]}，${what}；以上为审批时的检查结果`,
    },
  ];
}
