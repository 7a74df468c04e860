import type { MeView } from '@/contracts/account';
import type { SignedInContext } from '@/server/handler';
import { CHINA_ZONE, localDate } from '@/domain/time';
import { compositionOn, xuequOfSchool } from '@/domain/xuequ';
import { COLLECTIONS } from '@/contracts/collections';
import type { School } from '@/domain/school';
import type { UserProfile } from '@/domain/roles';
import { fetchById } from '@/server/repositories/query';
import { listXuequVersions } from '@/server/repositories/reference';

/** A caller with no bound account is a parent: parents need no account to use the lookups. */
export function me(_input: unknown, ctx: SignedInContext): Promise<MeView> {
  return ctx.user().then((user) => viewOf(user, ctx.openid, ctx.now));
}

/** The caller's view of an account (or of none: a parent). The openid is the caller's own. */
export async function viewOf(user: UserProfile | null, openid: string, now: number): Promise<MeView> {
  if (!user)
    return {
      signedIn: true,
      openid,
      roles: ['parent'],
      name: '家长',
      districtCode: null,
      school: null,
      xuequ: null,
      schoolXuequ: [],
    };
  const [school, versions] = await Promise.all([
    user.schoolId ? fetchById<School>(COLLECTIONS.schools, user.schoolId) : null,
    user.districtCode ? listXuequVersions(user.districtCode) : [],
  ]);
  const composition = compositionOn(versions, localDate(now, CHINA_ZONE));
  const led = user.xuequId ? composition.find((x) => x.xuequId === user.xuequId) : undefined;
  const ofSchool = school ? xuequOfSchool(composition, school._id).map((h) => h.xuequ) : [];
  return {
    signedIn: true,
    openid,
    roles: user.roles,
    name: user.name,
    districtCode: user.districtCode,
    school: school ? { id: school._id, name: school.name } : null,
    xuequ: led ? { id: led.xuequId, name: led.name } : null,
    schoolXuequ: [...new Map(ofSchool.map((x) => [x.xuequId, { id: x.xuequId, name: x.name }])).values()],
  };
}
