import type { z } from 'zod';
import type { LookupResult, schoolInputs } from '../../../../src/contracts/school';
import type { ActionContext } from '../../../../src/server/handler';
import { AppError } from '../../../../src/server/errors';
import { CHINA_ZONE, localDate, schoolYearLabel, schoolYearOf } from '../../../../src/domain/time';
import { divisionsNamedIn } from '../../../../src/domain/divisions';
import { searchByName } from '../../../../src/domain/text';
import { STAGE_LABELS } from '../../../../src/domain/stages';
import { compositionOn, xuequOfSchool, xuequServingStreet, type XuequVersion } from '../../../../src/domain/xuequ';
import { upcomingChanges } from '../../../../src/domain/composition';
import type { DivisionDoc } from '../../../../src/server/repositories/reference';
import { schoolRef } from '../../../../src/server/xuequ-view';
import { loadDistrict, type DistrictContext } from '../district-context';
import { zoningForYear, zoningHistory } from '../zoning-view';

type LookupInput = z.output<(typeof schoolInputs)['lookup']>;

/** The 街道 and 社区 the input names: picked codes win; otherwise read out of the typed address. */
function resolvePlace(d: DistrictContext, input: LookupInput, notes: string[]): { street: DivisionDoc | null; community: DivisionDoc | null } {
  const byCode = new Map(d.divisions.map((x) => [x.code, x]));
  if (input.communityCode) {
    const community = byCode.get(input.communityCode);
    if (!community || community.level !== 'community') throw new AppError('INVALID_INPUT', '社区（communityCode）不属于所选区县', 'communityCode');
    if (input.streetCode && input.streetCode !== community.parentCode) throw new AppError('INVALID_INPUT', '社区（communityCode）不属于所选街道', 'communityCode');
    return { street: byCode.get(community.parentCode) ?? null, community };
  }
  if (input.streetCode) {
    const street = byCode.get(input.streetCode);
    if (!street || street.level !== 'street') throw new AppError('INVALID_INPUT', '街道（streetCode）不属于所选区县', 'streetCode');
    return { street, community: null };
  }
  if (!input.address) return { street: null, community: null };
  const named = divisionsNamedIn(d.divisions, input.address);
  if (named.length === 1) {
    const one = named[0];
    return one.level === 'community' ? { street: byCode.get(one.parentCode) ?? null, community: one } : { street: one, community: null };
  }
  if (named.length > 1) notes.push(`地址可能对应多个地点：${named.slice(0, 5).map((n) => n.name).join('、')}，可从列表中选择街道和社区`);
  return { street: null, community: null };
}

/** Which 学区 and which zoned schools serve a place, and why. The address is matched, never stored. */
export async function lookup(input: LookupInput, ctx: ActionContext): Promise<LookupResult> {
  const schoolYear = input.schoolYear ?? schoolYearOf(ctx.now, CHINA_ZONE);
  const d = await loadDistrict(input.districtCode, localDate(ctx.now, CHINA_ZONE));
  const notes: string[] = [];
  const { street, community } = resolvePlace(d, input, notes);
  const query = { communityCode: community?.code, address: input.address };
  const asked = Boolean(community || input.address);
  const place = input.address?.trim() || community?.name || '';

  const years = asked ? [schoolYear, schoolYear + 1].filter((y) => d.schoolYears.includes(y)).map((y) => zoningForYear(d, query, y, place)) : [];
  const current = years.find((y) => y.schoolYear === schoolYear) ?? { schoolYear, label: schoolYearLabel(schoolYear), zoned: [], ambiguous: [] };

  // The 学区 of the zoned schools decide; without zoning, the 学区 serving the 街道.
  const xuequ = new Map<string, XuequVersion>();
  for (const z of current.zoned) for (const hit of xuequOfSchool(d.composition, z.school.id)) xuequ.set(hit.xuequ.xuequId, hit.xuequ);
  if (xuequ.size === 0 && street) for (const x of xuequServingStreet(d.composition, street.code)) xuequ.set(x.xuequId, x);

  const schools = input.schoolName
    ? searchByName(d.schools, input.schoolName).map((s) => ({ school: schoolRef(s), xuequIds: [...new Set(xuequOfSchool(d.composition, s._id).map((h) => h.xuequ.xuequId))] }))
    : [];
  for (const s of schools) for (const id of s.xuequIds) if (!xuequ.has(id)) xuequ.set(id, d.composition.find((x) => x.xuequId === id)!);

  if (input.schoolName && schools.length === 0) notes.push(`${d.district.name}未找到名称含“${input.schoolName}”的学校`);
  if (street && xuequ.size === 0) notes.push(`文件未列出${street.name}所属的学区，请咨询${d.district.name}教育局`);
  if (street && xuequ.size > 1 && current.zoned.length === 0) notes.push(`${street.name}分属${xuequ.size}个学区，选择社区或填写门牌可确定具体学区`);
  for (const stage of current.ambiguous) notes.push(`该地址对应多所${STAGE_LABELS[stage]}，以下均列出依据；请向学校确认`);
  if (asked && current.zoned.length === 0) notes.push(`${place}在${schoolYearLabel(schoolYear)}没有匹配的划片规则，可请学校确认`);
  if (!street && !input.schoolName && !input.address) notes.push('请选择街道和社区，或输入学校名称');

  return {
    district: { code: d.district.code, name: d.district.name },
    street: street ? { code: street.code, name: street.name } : null,
    community: community ? { code: community.code, name: community.name } : null,
    schoolYear,
    xuequ: [...xuequ.values()].map(d.view),
    zoned: current.zoned,
    years,
    history: asked ? zoningHistory(d, query) : [],
    canAskSchool: asked && (current.zoned.length === 0 || current.ambiguous.length > 0),
    schools,
    notes,
    upcoming: upcoming(d, [...current.zoned.map((z) => z.school.id), ...schools.map((s) => s.school.id)], street && current.zoned.length === 0 ? [street.code] : [], localDate(ctx.now, CHINA_ZONE)),
  };
}

/** Composition changes after today for these schools / 街道, each with the 学区 as composed from its date. */
function upcoming(d: DistrictContext, schoolIds: string[], streetCodes: string[], today: string): LookupResult['upcoming'] {
  const streetName = (code: string) => d.divisions.find((x) => x.code === code)?.name ?? code;
  const nameOf = (id: string) => d.schoolsById.get(id)?.name ?? id;
  return upcomingChanges(d.versions, today, [...new Set(schoolIds)], streetCodes, nameOf, streetName).map((u) => {
    const then = compositionOn(d.versions, u.effectiveFrom);
    return { effectiveFrom: u.effectiveFrom, changes: u.changes, xuequ: then.filter((x) => u.xuequIds.includes(x.xuequId)).map(d.view) };
  });
}
