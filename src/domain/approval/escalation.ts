/**
 * Escalation to the district bureau, so no request is stuck: a step nobody holds (no principal account
 * at the school, no 学区长 for the 学区) is the bureau's to decide as soon as it is pending, and a step
 * left waiting past the limit becomes 超时 and decidable by the bureau too. Both are computed from the
 * stored instant and the clock (China dates), so nothing has to run on a schedule.
 */
import { addDays, dateIn, instantAt } from '../time';
import { canDecideStep, isSchoolRole } from './route';
import type { Actor, PolicyCheck, RequestState, Step } from './types';

/** A pending step escalates at 00:00 (China) of the third day after the day it arrived (Mon → Thu). */
export const ESCALATE_AFTER_DAYS = 3;

/** The instant a step that became pending at sinceMs is 超时. */
export const overdueAt = (sinceMs: number, zone: string): number =>
  instantAt(addDays(dateIn(sinceMs, zone), ESCALATE_AFTER_DAYS), '00:00', zone);

/** When the bureau may start deciding the request's pending step (see RequestState.escalateAt). */
export function escalateAtOf(
  r: Pick<RequestState, 'status' | 'steps' | 'current' | 'stepSince' | 'updatedAt'>,
  zone: string,
): number | null {
  if (r.status !== 'pending') return null;
  const step = r.steps[r.current];
  if (step.roles.includes('bureau')) return null;
  const since = r.stepSince ?? r.updatedAt;
  return step.unstaffed ? since : overdueAt(since, zone);
}

export type Escalation = { kind: 'unstaffed' | 'overdue'; label: string; since: number };

/** The escalation in force at nowMs, if any: 无人审批 (nobody holds the step) or 超时 (waited too long). */
export function escalationOf(
  r: Pick<RequestState, 'status' | 'steps' | 'current' | 'escalateAt'>,
  nowMs: number,
): Escalation | null {
  if (r.status !== 'pending' || r.escalateAt === null || r.escalateAt === undefined || nowMs < r.escalateAt)
    return null;
  return r.steps[r.current].unstaffed
    ? { kind: 'unstaffed', label: '无人审批', since: r.escalateAt }
    : { kind: 'overdue', label: '超时', since: r.escalateAt };
}

type Decider = Pick<Actor, '_id' | 'roles' | 'schoolId' | 'xuequId' | 'districtCode'>;

/**
 * How the actor may decide the pending step, or null: as its holder, as the acting approver it was
 * handed to (转交), or as the bureau of the step's district once it has escalated.
 */
export function decidesAs(
  r: Pick<RequestState, 'status' | 'steps' | 'current' | 'escalateAt'>,
  actor: Decider,
  nowMs: number,
): 'holder' | 'delegate' | 'bureau' | null {
  if (r.status !== 'pending') return null;
  const step = r.steps[r.current];
  if (canDecideStep(step, actor)) return 'holder';
  if (step.delegate && step.delegate.openid === actor._id) return 'delegate';
  if (escalationOf(r, nowMs) && actor.roles.includes('bureau') && actor.districtCode === step.districtCode)
    return 'bureau';
  return null;
}

/** Keys of who holds each role of a step ('school:<id>', 'xuequ:<id>', 'bureau:<code>'), as stepKey writes them. */
export function holderKeys(step: Step): string[] {
  return step.roles.map((r) =>
    isSchoolRole(r)
      ? `school:${step.schoolId}`
      : r === 'xuequzhang'
        ? `xuequ:${step.xuequId}`
        : `bureau:${step.districtCode}`,
  );
}

/**
 * Marks the steps nobody holds, given the keys of existing accounts (a principal's school, a 学区长's
 * 学区, a bureau's district), with a warning per such step for the requester at filing.
 */
export function markUnstaffed(
  steps: readonly Step[],
  staffed: ReadonlySet<string>,
): { steps: Step[]; checks: PolicyCheck[] } {
  const checks: PolicyCheck[] = [];
  const out = steps.map((s) => {
    const missing = holderKeys(s).some((k) => !staffed.has(k)) && !s.roles.includes('bureau');
    if (!missing) return { ...s, unstaffed: false };
    checks.push({ code: 'NO_DECIDER', level: 'warn', message: `${s.label}尚未开通账号，这一步将由区教育局审批` });
    return { ...s, unstaffed: true };
  });
  return { steps: out, checks };
}
