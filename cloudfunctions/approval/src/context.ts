import {
  escalateAtOf,
  hasBlock,
  stepKey,
  type Actor,
  type PolicyCheck,
  type SchoolsById,
  type ShareCount,
  type XuequHeads,
} from '@/domain/approval';
import { CHINA_ZONE } from '@/domain/time';
import type { ApprovalDoc } from '@/server/repositories/approvals';
import { COLLECTIONS } from '@/contracts/collections';
import { AppError, forbidden } from '@/server/errors';
import type { ActionContext } from '@/server/handler';
import { districtData, type DistrictData } from '@/server/district-cache';
import { fetchAll } from '@/server/repositories/query';
import { db } from '@/server/cloud';
import type { UserProfile } from '@/domain/roles';
import type { DutyDoc } from '@/server/repositories/duties';
import type { Names } from './views';

/** The signed-in user as an actor, with their district's reference data. */
export async function actorOf(ctx: ActionContext): Promise<{ actor: Actor; district: DistrictData }> {
  const user = await ctx.user();
  if (!user?.districtCode) throw forbidden('当前账号未绑定区县，请联系教育局');
  const district = await districtData(user.districtCode, ctx.referenceVersion());
  if (!district) throw forbidden('当前账号绑定的区县不存在');
  return { actor: user, district };
}

/** POLICY_BLOCK when a check blocks, naming every blocking one (prefix: what is refused, e.g. 不能批准：). */
export function refuseIfBlocked(checks: readonly PolicyCheck[], prefix = ''): void {
  if (!hasBlock(checks)) return;
  const blocks = checks.filter((c) => c.level === 'block').map((c) => c.message);
  throw new AppError('POLICY_BLOCK', `${prefix}${blocks.join('；')}`);
}

export function namesOf(district: DistrictData): Names {
  const byId = new Map(district.schools.map((s) => [s._id, s.name]));
  return (id) => byId.get(id) ?? id;
}

export function schoolsById(district: DistrictData): SchoolsById {
  return Object.fromEntries(district.schools.map((s) => [s._id, { name: s.name, districtCode: s.districtCode }]));
}

/**
 * The district's deciding accounts, in one query: which school's principal leads each 学区 (routing
 * merges their steps), and the keys of every step role someone holds (a step nobody holds escalates).
 */
export async function decidersOf(
  districtCode: string,
): Promise<{ heads: XuequHeads; staffed: Set<string>; accounts: UserProfile[] }> {
  const heads: Record<string, string[]> = {};
  const staffed = new Set<string>();
  const users = await fetchAll<UserProfile>(COLLECTIONS.users, {
    districtCode,
    roles: db().command.in(['principal', 'xuequzhang', 'bureau']),
  });
  for (const u of users) {
    if (u.roles.includes('xuequzhang') && u.xuequId) {
      staffed.add(`xuequ:${u.xuequId}`);
      if (u.schoolId) heads[u.xuequId] = [...(heads[u.xuequId] ?? []), u.schoolId];
    }
    if (u.roles.includes('principal') && u.schoolId) staffed.add(`school:${u.schoolId}`);
    if (u.roles.includes('bureau')) staffed.add(`bureau:${districtCode}`);
  }
  return { heads, staffed, accounts: users };
}

/** Teachers with an active exchange duty, of one school and of the district (资源共享 counts every form). */
export async function rotationCounts(
  district: DistrictData,
  schoolId: string,
): Promise<{ school: ShareCount; district: ShareCount; active: DutyDoc[] }> {
  const active = (
    await fetchAll<DutyDoc>(COLLECTIONS.duties, { districtCode: district.district.code, status: 'active' })
  ).filter((d) => d.kind !== 'joint-research');
  const teachers = (ds: DutyDoc[]) => new Set(ds.map((d) => d.teacherOpenid)).size;
  const staff = (ids: string[]) =>
    district.schools.filter((s) => ids.includes(s._id)).reduce((n, s) => n + (s.teacherCount ?? 0), 0);
  return {
    school: {
      teachersInRotation: teachers(active.filter((d) => d.homeSchoolId === schoolId)),
      teacherCount: staff([schoolId]),
    },
    district: { teachersInRotation: teachers(active), teacherCount: staff(district.schools.map((s) => s._id)) },
    active,
  };
}

/** The stored request with what the inboxes query recomputed: who decides the pending step, and from when the bureau may. */
export function indexed(r: ApprovalDoc): ApprovalDoc {
  const pending = r.status === 'pending';
  return {
    ...r,
    inboxKey: pending ? stepKey(r.steps[r.current]) : null,
    delegateOpenid: pending ? (r.steps[r.current].delegate?.openid ?? null) : null,
    escalateAt: escalateAtOf(r, CHINA_ZONE),
  };
}
