import type { ActionContext } from '@/server/handler';
import { forbidden, notFound } from '@/server/errors';
import { districtData, type DistrictData } from '@/server/district-cache';
import type { UserProfile } from '@/domain/roles';

/** Imports and exports act on the caller's own district only. */
export interface ImportScope {
  user: UserProfile;
  districtCode: string;
  data: DistrictData;
}

export async function importScope(ctx: ActionContext): Promise<ImportScope> {
  const user = await ctx.user();
  if (!user?.roles.includes('bureau') || !user.districtCode) throw forbidden('只有区教育局可以导入或导出数据');
  const data = await districtData(user.districtCode, ctx.referenceVersion());
  if (!data) throw notFound('本区数据');
  return { user, districtCode: user.districtCode, data };
}

/** The issuer of a document the file does not name one for: the district's bureau. */
export const issuerOf = (scope: ImportScope) => `${scope.data.district.name}教育局`;
