import { dateIn } from '@/domain/time';
import { CHINA_ZONE } from '@/domain/time';
import { compositionOn, type XuequVersion } from '@/domain/xuequ';
import type { UserProfile } from '@/domain/roles';
import type { DashboardInput } from '@/contracts/admin-dashboard';
import { districtData, type DistrictData } from '@/server/district-cache';
import { AppError, forbidden } from '@/server/errors';
import type { ActionContext } from '@/server/handler';

/** What the caller may see: the district's data, today's 学区 composition, and the 学区 asked for. */
export interface DashboardScope {
  user: UserProfile;
  district: DistrictData;
  composition: XuequVersion[];
  /** null = the whole district. */
  xuequ: XuequVersion | null;
  canViewDistrict: boolean;
  options: XuequVersion[];
}

/**
 * The bureau sees its whole district and any of its 学区; a 学区长 sees their own 学区 only (scope
 * 'xuequ' without xuequId means their own). Anything else is FORBIDDEN.
 */
export async function resolveScope(input: DashboardInput, ctx: ActionContext): Promise<DashboardScope> {
  const user = await ctx.user();
  if (!user?.districtCode) throw forbidden('当前账号未绑定区县，请联系教育局');
  const bureau = user.roles.includes('bureau');
  const lead = user.roles.includes('xuequzhang') && user.xuequId !== null;
  if (!bureau && !lead) throw forbidden('只有教育局和学区长可以查看数据看板');
  const district = await districtData(user.districtCode, ctx.referenceVersion());
  if (!district) throw forbidden('当前账号绑定的区县不存在');
  const composition = compositionOn(district.versions, dateIn(ctx.now, CHINA_ZONE));
  const options = bureau ? composition : composition.filter((x) => x.xuequId === user.xuequId);
  const base = { user, district, composition, canViewDistrict: bureau, options };
  if (input.scope === 'district') {
    if (!bureau) throw forbidden('学区长只能查看本学区的数据，全区数据由教育局查看');
    return { ...base, xuequ: null };
  }
  const xuequId = input.xuequId ?? (bureau ? undefined : (user.xuequId ?? undefined));
  if (!xuequId) throw new AppError('INVALID_INPUT', '请选择学区（xuequId）', 'xuequId');
  if (!bureau && xuequId !== user.xuequId) throw forbidden('学区长只能查看本学区的数据');
  const xuequ = composition.find((x) => x.xuequId === xuequId);
  if (!xuequ) throw forbidden('只能查看本区当前的学区');
  return { ...base, xuequ };
}
