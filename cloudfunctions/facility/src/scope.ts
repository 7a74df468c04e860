import type { UserProfile } from '@/domain/roles';
import { CHINA_ZONE, localDate } from '@/domain/time';
import { compositionOn, type XuequVersion } from '@/domain/xuequ';
import { districtData, type DistrictData } from '@/server/district-cache';
import { forbidden, notFound } from '@/server/errors';
import type { ActionContext } from '@/server/handler';
import type { FacilityDoc } from '@/server/repositories/facilities';

export const ZONE = CHINA_ZONE;

/** The signed-in caller with their district's reference data and today's 学区 composition. */
export interface Caller {
  user: UserProfile;
  district: DistrictData;
  today: string;
  composition: XuequVersion[];
  schoolName(id: string): string;
}

export async function callerOf(ctx: ActionContext): Promise<Caller> {
  const user = await ctx.user();
  if (!user?.districtCode) throw forbidden('当前账号未绑定区县，请联系教育局');
  const district = await districtData(user.districtCode, ctx.referenceVersion());
  if (!district) throw forbidden('当前账号绑定的区县不存在');
  const today = localDate(ctx.now, ZONE);
  const names = new Map(district.schools.map((s) => [s._id, s.name]));
  return {
    user,
    district,
    today,
    composition: compositionOn(district.versions, today),
    schoolName: (id) => names.get(id) ?? id,
  };
}

/** A facility the caller may see: shared (or their school's own) and in their district. */
export function inScope(f: FacilityDoc | null, caller: Caller): FacilityDoc {
  // Another district's facility, or another school's unshared one, answers exactly as a made-up id.
  if (!f || f.districtCode !== caller.user.districtCode || (!f.shareable && f.schoolId !== caller.user.schoolId))
    throw notFound('该场馆');
  return f;
}
