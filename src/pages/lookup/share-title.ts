import type { LookupResult } from '@/contracts/school';

/** The share card's title: the place asked and the schools it is zoned to (or its 学区). */
export function shareTitle(r: LookupResult, asked: string): string {
  const place = asked || [r.district.name, r.street?.name, r.community?.name].filter(Boolean).join('');
  const zoned = [...new Set(r.zoned.map((z) => z.school.name))];
  if (zoned.length > 0) return `${place}：划片学校 ${zoned.join('、')}`;
  if (r.xuequ.length > 0) return `${place}：属于${r.xuequ.map((x) => x.name).join('、')}`;
  return `${place}的学区和划片学校`;
}
