import type { DistrictView } from '@/contracts/school';
import type { ActionContext } from '@/server/handler';
import { CHINA_ZONE, localDate } from '@/domain/time';
import { compositionOn } from '@/domain/xuequ';
import { listAllXuequVersions, listDistricts as readDistricts } from '@/server/repositories/reference';

export async function listDistricts(_input: unknown, ctx: ActionContext): Promise<DistrictView[]> {
  const [districts, versions] = await Promise.all([readDistricts(), listAllXuequVersions()]);
  const current = compositionOn(versions, localDate(ctx.now, CHINA_ZONE));
  return districts
    .map((d) => ({
      code: d.code,
      name: d.name,
      city: d.city,
      province: d.province,
      xuequCount: current.filter((x) => x.districtCode === d.code).length,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
