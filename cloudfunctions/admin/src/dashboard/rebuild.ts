import type { RebuildInput, RebuildView } from '@/contracts/admin-dashboard';
import { schoolYearPeriod } from '@/domain/kpi';
import { CHINA_ZONE, schoolYearOf } from '@/domain/time';
import { districtData } from '@/server/district-cache';
import { AppError, forbidden } from '@/server/errors';
import type { ActionContext } from '@/server/handler';
import { REBUILD_SCHOOLS_PER_CALL, rebuildRollupsOf } from '@/server/repositories/kpi-rollups';

/**
 * The one-off rebuild of the dashboard's rollups from existing clock records, a few schools a call
 * (bounded time per call): the bureau calls it with `next` until it answers null.
 */
export async function rebuildKpiRollups(input: RebuildInput, ctx: ActionContext): Promise<RebuildView> {
  const user = await ctx.user();
  if (!user?.districtCode || !user.roles.includes('bureau')) throw forbidden('只有教育局可以重建数据看板的统计');
  const district = await districtData(user.districtCode, ctx.referenceVersion());
  if (!district) throw forbidden('当前账号绑定的区县不存在');
  const schoolYear = input.schoolYear ?? schoolYearOf(ctx.now, CHINA_ZONE);
  const ids = district.schools.map((s) => s._id).sort();
  const cursor = input.cursor ?? 0;
  if (cursor > ids.length) throw new AppError('INVALID_INPUT', `进度（cursor）不能超过学校数 ${ids.length}`, 'cursor');
  const batch = ids.slice(cursor, cursor + REBUILD_SCHOOLS_PER_CALL);
  const period = schoolYearPeriod(schoolYear, CHINA_ZONE);
  const { written, records } = await rebuildRollupsOf(batch, period.first, period.last, ctx.now);
  const done = cursor + batch.length;
  return { schoolYear, done, total: ids.length, next: done < ids.length ? done : null, written, records };
}
