/**
 * Who decides a request, in order. Routing reads the 学区 composition valid on the request's date, so
 * a school that moved between 学区 is decided by the 学区长 it belonged to on that day.
 */
import { compositionOn, xuequOfSchool } from '../xuequ';
import type { XuequVersion } from '../xuequ';
import type { Actor, RequestFields, Step, StepRole } from './types';

/** What routing needs of a school: its name for labels, its district for the step. */
export interface SchoolRef {
  name: string;
  districtCode: string;
}

export type SchoolsById = Readonly<Record<string, SchoolRef | undefined>>;

/** xuequId → the school(s) whose principal is that 学区's 学区长. */
export type XuequHeads = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * The school(s) whose principal leads a 学区, when the caller has no user records to say so: the lead
 * school of the middle-school alliance (Haicang: 委员会主任由牵头中学校长担任; Hedong's seeded 学区长
 * is the middle 学区长学校 too), else the lead of the first alliance listed.
 */
export function xuequHeadSchools(x: XuequVersion): string[] {
  const alliance = x.alliances.find((a) => a.stage === 'middle') ?? x.alliances[0];
  return alliance ? [...alliance.leadSchoolIds] : [];
}

const SCHOOL_ROLES: readonly StepRole[] = ['releasing', 'host', 'owner'];
export const isSchoolRole = (r: StepRole): boolean => SCHOOL_ROLES.includes(r);

type Labels = Partial<Record<StepRole, string>>;

const LABELS: Record<RequestFields['type'], Labels> = {
  rotation: { releasing: '派出学校校长', host: '接收学校校长' },
  'cross-teaching': { releasing: '派出学校校长', host: '接收学校校长' },
  itinerant: { releasing: '派出学校校长', host: '接收学校校长' },
  support: { releasing: '派出学校校长', host: '接收学校校长' },
  mentoring: { releasing: '导师所在学校校长', host: '徒弟所在学校校长' },
  facility: { owner: '场馆所属学校校长' },
};

interface Ctx {
  type: RequestFields['type'];
  districtCode: string;
  schools: SchoolsById;
}

function schoolStep(ctx: Ctx, role: StepRole, schoolId: string): Step {
  const school = ctx.schools[schoolId];
  return {
    role,
    roles: [role],
    schoolId,
    xuequId: null,
    // A school's own district, so that a step in another district is labelled and scoped right.
    districtCode: school?.districtCode ?? ctx.districtCode,
    label: `${LABELS[ctx.type][role] ?? '学校校长'}（${school?.name ?? schoolId}）`,
  };
}

const bureauStep = (districtCode: string, label: string): Step => ({
  role: 'bureau',
  roles: ['bureau'],
  schoolId: null,
  xuequId: null,
  districtCode,
  label,
});

/** The 学区长 step(s) of the host school: one per 学区 it is in that day (a school in two 学区 needs both). */
function xuequzhangSteps(ctx: Ctx, composition: readonly XuequVersion[], hostSchoolId: string): Step[] {
  const seen = new Set<string>();
  const steps: Step[] = [];
  for (const { xuequ } of xuequOfSchool(composition, hostSchoolId)) {
    if (seen.has(xuequ.xuequId)) continue; // a nine-year school sits in two alliances of one 学区
    seen.add(xuequ.xuequId);
    steps.push({
      role: 'xuequzhang',
      roles: ['xuequzhang'],
      schoolId: null,
      xuequId: xuequ.xuequId,
      districtCode: xuequ.districtCode,
      label: `学区长（${xuequ.name}）`,
    });
  }
  if (steps.length > 0) return steps;
  const district = ctx.schools[hostSchoolId]?.districtCode ?? ctx.districtCode;
  return [bureauStep(district, '区教育局（接收学校不属于任何学区）')];
}

/** True when one person holds both steps: a principal's school step next to the 学区长 step they hold. */
function sameHolder(a: Step, b: Step, heads: (xuequId: string) => readonly string[]): boolean {
  const school = (s: Step) => (s.roles.some(isSchoolRole) ? s.schoolId : null);
  const xuequ = (s: Step) => (s.roles.includes('xuequzhang') ? s.xuequId : null);
  const sa = school(a);
  const sb = school(b);
  if (sa !== null && sb !== null) return sa === sb;
  const [s, x] = sa !== null ? [sa, xuequ(b)] : [sb, xuequ(a)];
  if (s === null || x === null) return false;
  // Never fold a third party in: the merged step must stay one school and at most one 学区.
  if (xuequ(a) !== null && xuequ(b) !== null) return false;
  return heads(x).includes(s);
}

function merge(a: Step, b: Step): Step {
  const roles = [...a.roles, ...b.roles.filter((r) => !a.roles.includes(r))];
  return {
    role: roles[0],
    roles,
    schoolId: a.schoolId ?? b.schoolId,
    xuequId: a.xuequId ?? b.xuequId,
    districtCode: a.districtCode,
    label: a.label === b.label ? a.label : `${a.label}兼${b.label}`,
  };
}

/**
 * The steps of a request, routed on `date` (China 'YYYY-MM-DD'; the caller passes the submission date).
 * - 轮岗交流 / 跨校兼课 / 走教 / 支教: releasing principal → host principal → 学区长 of the host's 学区
 *   (the bureau when the host is in no 学区).
 * - 师徒结对: mentor's principal → mentee's principal.
 * - facility: the owning school's principal.
 * - 请学校确认: the school's principal; the district bureau when no school is named.
 * Consecutive steps held by one person are merged. `heads` names the 学区长's school per 学区 (from user
 * records); without it, xuequHeadSchools guesses from the composition.
 */
export function routeRequest(
  request: RequestFields,
  versions: readonly XuequVersion[],
  date: string,
  schoolsById: SchoolsById = {},
  heads?: XuequHeads,
): Step[] {
  const ctx: Ctx = { type: request.type, districtCode: request.districtCode, schools: schoolsById };
  const composition = compositionOn(versions, date);
  const headsOf = (xuequId: string): readonly string[] => {
    const given = heads?.[xuequId];
    if (given) return given;
    const x = composition.find((v) => v.xuequId === xuequId);
    return x ? xuequHeadSchools(x) : [];
  };
  let raw: Step[];
  switch (request.type) {
    case 'rotation':
    case 'cross-teaching':
    case 'itinerant':
    case 'support':
      raw = [
        schoolStep(ctx, 'releasing', request.homeSchoolId),
        schoolStep(ctx, 'host', request.hostSchoolId),
        ...xuequzhangSteps(ctx, composition, request.hostSchoolId),
      ];
      break;
    case 'mentoring':
      raw = [schoolStep(ctx, 'releasing', request.homeSchoolId), schoolStep(ctx, 'host', request.hostSchoolId)];
      break;
    case 'facility':
      raw = [schoolStep(ctx, 'owner', request.ownerSchoolId)];
      break;
  }
  const out: Step[] = [];
  for (const step of raw) {
    const last = out[out.length - 1];
    if (last && sameHolder(last, step, headsOf)) out[out.length - 1] = merge(last, step);
    else out.push(step);
  }
  return out;
}

/**
 * The China date whose 学区 composition routes a request: the day it takes effect when that is later
 * than filing (a term starting after a composition change goes to the 学区 of the term; a booking to
 * that of its day), else the filing date.
 */
export function routeDateOf(request: RequestFields, filedOn: string, bookingDate?: string): string {
  const effective = request.type === 'facility' ? (bookingDate ?? filedOn) : request.termStart;
  return effective > filedOn ? effective : filedOn;
}

type Decider = Pick<Actor, 'roles' | 'schoolId' | 'xuequId' | 'districtCode'>;

/**
 * Whether a user may decide a step: a principal the steps of their school, a 学区长 the 学区长 steps
 * of their 学区, the bureau the bureau steps of its district. A merged step needs every role it stands
 * for. School steps are scoped by school id alone (ids are unique across districts).
 */
export function canDecideStep(step: Step, user: Decider): boolean {
  return step.roles.every((role) => {
    if (isSchoolRole(role))
      return user.roles.includes('principal') && user.schoolId !== null && user.schoolId === step.schoolId;
    if (role === 'xuequzhang')
      return user.roles.includes('xuequzhang') && user.xuequId !== null && user.xuequId === step.xuequId;
    return user.roles.includes('bureau') && user.districtCode !== null && user.districtCode === step.districtCode;
  });
}

/**
 * Inbox keys: store stepKey(current step) on a pending request and query it with `in decisionKeys(user)`;
 * a user's keys match exactly the steps canDecideStep allows.
 */
export function stepKey(step: Step): string {
  const parts = step.roles.map((r) =>
    isSchoolRole(r)
      ? `school:${step.schoolId}`
      : r === 'xuequzhang'
        ? `xuequ:${step.xuequId}`
        : `bureau:${step.districtCode}`,
  );
  return [...new Set(parts)].sort().join('+');
}

export function decisionKeys(user: Decider): string[] {
  const keys: string[] = [];
  const school = user.roles.includes('principal') && user.schoolId !== null ? `school:${user.schoolId}` : null;
  const xuequ = user.roles.includes('xuequzhang') && user.xuequId !== null ? `xuequ:${user.xuequId}` : null;
  if (school) keys.push(school);
  if (xuequ) keys.push(xuequ);
  if (school && xuequ) keys.push([school, xuequ].sort().join('+'));
  if (user.roles.includes('bureau') && user.districtCode !== null) keys.push(`bureau:${user.districtCode}`);
  return keys;
}
