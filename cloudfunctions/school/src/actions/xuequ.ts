import type { XuequView } from '@/contracts/school';
import type { ActionContext } from '@/server/handler';
import { CHINA_ZONE, localDate } from '@/domain/time';
import { compositionOn } from '@/domain/xuequ';
import { notFound } from '@/server/errors';
import { xuequVersionsById } from '@/server/repositories/reference';
import { loadDistrict } from '../district-context';
import { withUpcoming } from '../upcoming';

/** The 学区 of a district as composed on a date (default: today in China). */
export async function listXuequ(
  input: { districtCode: string; date?: string },
  ctx: ActionContext,
): Promise<XuequView[]> {
  const today = localDate(ctx.now, CHINA_ZONE);
  const district = await loadDistrict(input.districtCode, input.date ?? today);
  // Changes planned after today show with each 学区 (only when the list is of today's composition).
  return district.composition.map((x) =>
    input.date === undefined || input.date === today ? withUpcoming(district, x, today) : district.view(x),
  );
}

export async function getXuequ(input: { xuequId: string }, ctx: ActionContext): Promise<XuequView> {
  const today = localDate(ctx.now, CHINA_ZONE);
  const versions = await xuequVersionsById(input.xuequId);
  const [current] = compositionOn(versions, today);
  if (!current) throw notFound('该学区');
  const district = await loadDistrict(current.districtCode, today);
  return withUpcoming(district, current, today);
}
