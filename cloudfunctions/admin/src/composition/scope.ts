import type { UserProfile } from '@/domain/roles';
import { editSource, type EditContext, type SourceInput } from '@/domain/composition';
import { CHINA_ZONE, localDate } from '@/domain/time';
import type { XuequVersion } from '@/domain/xuequ';
import type { XuequView } from '@/contracts/school';
import type { ActionContext } from '@/server/handler';
import { forbidden, notFound } from '@/server/errors';
import { districtData, type DistrictData } from '@/server/district-cache';
import { toXuequView } from '@/server/xuequ-view';

/** The calling bureau's district, its reference data and how to show a 学区 version. */
export interface BureauScope {
  user: UserProfile;
  districtCode: string;
  data: DistrictData;
  today: string;
  view(x: XuequVersion): XuequView;
  nameOf(schoolId: string): string;
}

export async function bureauScope(ctx: ActionContext): Promise<BureauScope> {
  const user = await ctx.user();
  if (!user?.roles.includes('bureau') || !user.districtCode) throw forbidden('只有区教育局可以调整学区组成');
  const data = await districtData(user.districtCode, ctx.referenceVersion());
  if (!data) throw notFound('本区数据');
  const schoolsById = new Map(data.schools.map((s) => [s._id, s]));
  const streetNames = new Map(data.divisions.filter((d) => d.level === 'street').map((d) => [d.code, d.name]));
  return {
    user,
    districtCode: user.districtCode,
    data,
    today: localDate(ctx.now, CHINA_ZONE),
    view: (x) => toXuequView(x, schoolsById, data.district.name, streetNames),
    nameOf: (id) => schoolsById.get(id)?.name ?? id,
  };
}

/** What planEdit needs: the district's versions and schools, today, and the source the bureau entered (or 未附文件). */
export function editContext(scope: BureauScope, source?: SourceInput | null): EditContext {
  return {
    districtCode: scope.districtCode,
    versions: scope.data.versions,
    schools: scope.data.schools,
    today: scope.today,
    source: editSource(source, `${scope.data.district.name}教育局`, scope.today),
  };
}
