import type { DivisionsView } from '@/contracts/school';
import { notFound } from '@/server/errors';
import { getDistrict, listDivisions as readDivisions } from '@/server/repositories/reference';

/** 街道 with their 社区 of a district, in official code order, for the pickers. */
export async function listDivisions(input: { districtCode: string }): Promise<DivisionsView> {
  const [district, divisions] = await Promise.all([getDistrict(input.districtCode), readDivisions(input.districtCode)]);
  if (!district) throw notFound('该区县');
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  const streets = divisions.filter((d) => d.level === 'street').sort(byCode);
  return {
    districtCode: district.code,
    streets: streets.map((s) => ({
      code: s.code,
      name: s.name,
      communities: divisions
        .filter((c) => c.level === 'community' && c.parentCode === s.code)
        .sort(byCode)
        .map((c) => ({ code: c.code, name: c.name })),
    })),
  };
}
