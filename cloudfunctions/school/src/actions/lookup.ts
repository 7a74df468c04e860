import type { z } from 'zod';
import type { LookupResult, ZonedSchool } from '../../../../src/contracts/school';
import type { schoolInputs } from '../../../../src/contracts/school';
import type { ActionContext } from '../../../../src/server/handler';
import { AppError } from '../../../../src/server/errors';
import { CHINA_ZONE, localDate, schoolYearLabel, schoolYearOf } from '../../../../src/domain/time';
import { divisionsNamedIn } from '../../../../src/domain/divisions';
import { searchByName } from '../../../../src/domain/text';
import { STAGE_LABELS } from '../../../../src/domain/stages';
import { rulesForCommunity } from '../../../../src/domain/zoning';
import { xuequOfSchool, xuequServingStreet, type XuequVersion } from '../../../../src/domain/xuequ';
import { zoningForCommunity } from '../../../../src/server/repositories/reference';
import { schoolRef } from '../../../../src/server/xuequ-view';
import { loadDistrict } from '../district-context';
import type { DivisionDoc } from '../../../../src/server/repositories/reference';

type LookupInput = z.output<(typeof schoolInputs)['lookup']>;

/** Which 学区 and which zoned schools serve a place, and why. The address is matched, never stored. */
export async function lookup(input: LookupInput, ctx: ActionContext): Promise<LookupResult> {
  const date = localDate(ctx.now, CHINA_ZONE);
  const schoolYear = input.schoolYear ?? schoolYearOf(ctx.now, CHINA_ZONE);
  const d = await loadDistrict(input.districtCode, date);
  const notes: string[] = [];
  const byCode = new Map(d.divisions.map((x) => [x.code, x]));

  let community: DivisionDoc | null = null;
  let street: DivisionDoc | null = null;
  if (input.communityCode) {
    community = byCode.get(input.communityCode) ?? null;
    if (!community || community.level !== 'community') {
      throw new AppError('INVALID_INPUT', '社区（communityCode）不属于所选区县', 'communityCode');
    }
    street = byCode.get(community.parentCode) ?? null;
    if (input.streetCode && input.streetCode !== community.parentCode) {
      throw new AppError('INVALID_INPUT', '社区（communityCode）不属于所选街道', 'communityCode');
    }
  } else if (input.streetCode) {
    street = byCode.get(input.streetCode) ?? null;
    if (!street || street.level !== 'street') throw new AppError('INVALID_INPUT', '街道（streetCode）不属于所选区县', 'streetCode');
  } else if (input.address) {
    const named = divisionsNamedIn(d.divisions, input.address);
    if (named.length === 1) {
      if (named[0].level === 'community') community = named[0];
      street = named[0].level === 'street' ? named[0] : (byCode.get(named[0].parentCode) ?? null);
    } else if (named.length > 1) {
      notes.push(`地址可能对应多个地点：${named.slice(0, 5).map((n) => n.name).join('、')}，请从列表中选择街道和社区`);
    } else {
      notes.push('未能从地址中识别出街道或社区，请从列表中选择');
    }
  }

  const rules = community
    ? rulesForCommunity(await zoningForCommunity(d.district.code, community.code, schoolYear), community.code, schoolYear)
    : [];
  const zoned: ZonedSchool[] = [];
  for (const rule of rules) {
    for (const id of rule.schoolIds) {
      const school = d.schoolsById.get(id);
      if (!school) continue;
      zoned.push({
        stage: rule.stage,
        stageLabel: STAGE_LABELS[rule.stage],
        school: schoolRef(school),
        rule: { text: rule.text, document: rule.document, schoolYear: rule.schoolYear, sample: rule.sample },
        reason: `${community!.name}在${school.name}的${STAGE_LABELS[rule.stage]}划片范围内（${schoolYearLabel(rule.schoolYear)}）`,
      });
    }
  }

  // The 学区 of the zoned schools decide; without zoning, the 学区 serving the 街道.
  const xuequ = new Map<string, XuequVersion>();
  for (const z of zoned) for (const hit of xuequOfSchool(d.composition, z.school.id)) xuequ.set(hit.xuequ.xuequId, hit.xuequ);
  if (xuequ.size === 0 && street) for (const x of xuequServingStreet(d.composition, street.code)) xuequ.set(x.xuequId, x);

  const schools = input.schoolName
    ? searchByName(d.schools, input.schoolName).map((s) => ({
        school: schoolRef(s),
        xuequIds: [...new Set(xuequOfSchool(d.composition, s._id).map((h) => h.xuequ.xuequId))],
      }))
    : [];
  if (input.schoolName && schools.length === 0) notes.push(`${d.district.name}未找到名称含“${input.schoolName}”的学校`);
  for (const s of schools) for (const id of s.xuequIds) if (!xuequ.has(id)) xuequ.set(id, d.composition.find((x) => x.xuequId === id)!);

  if (street && xuequ.size === 0) notes.push(`文件未列出${street.name}所属的学区，请咨询${d.district.name}教育局`);
  if (street && xuequ.size > 1 && zoned.length === 0) notes.push(`${street.name}分属${xuequ.size}个学区，选择社区可确定具体学区`);
  if (community && zoned.length === 0) notes.push(`${community.name}在${schoolYearLabel(schoolYear)}暂无划片信息，请以${d.district.name}教育局公布为准`);
  if (!street && !input.schoolName && !input.address) notes.push('请选择街道和社区，或输入学校名称');

  return {
    district: { code: d.district.code, name: d.district.name },
    street: street ? { code: street.code, name: street.name } : null,
    community: community ? { code: community.code, name: community.name } : null,
    schoolYear,
    xuequ: [...xuequ.values()].map(d.view),
    zoned,
    schools,
    notes,
  };
}
