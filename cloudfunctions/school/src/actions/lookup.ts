import type { z } from 'zod';
import type { LookupResult, schoolInputs } from '@/contracts/school';
import type { ActionContext } from '@/server/handler';
import { AppError } from '@/server/errors';
import { CHINA_ZONE, localDate, schoolYearOf } from '@/domain/time';
import { intakeYearOf } from '@/domain/enrolment/rules';
import type { AnswerContext } from '@/domain/answer';
import { admissionOf, familyQuestions } from '@/domain/admission';
import { normalizeAddress } from '@/domain/zoning-match';
import { divisionsNamedInAddress } from '@/domain/divisions';
import { searchByName } from '@/domain/text';
import { STAGE_LABELS } from '@/domain/stages';
import { xuequOfSchool, xuequServingStreet, type XuequVersion } from '@/domain/xuequ';
import { upcomingFor } from '../upcoming';
import { zonedIds, zoningChanges } from '@/domain/zoning';
import type { DivisionDoc } from '@/server/repositories/reference';
import { schoolRef } from '@/server/xuequ-view';
import { loadZonedDistrict, type ZonedDistrictContext as DistrictContext } from '../district-context';
import { zoningForYear, zoningHistory, zoningHits, type AnswerInputs } from '../zoning-view';

type LookupInput = z.output<(typeof schoolInputs)['lookup']>;

/** The 街道 and 社区 the input names: picked codes win; otherwise read out of the typed address. */
function resolvePlace(
  d: Pick<DistrictContext, 'divisions'>,
  input: LookupInput,
  notes: string[],
): { street: DivisionDoc | null; community: DivisionDoc | null } {
  const byCode = new Map(d.divisions.map((x) => [x.code, x]));
  if (input.communityCode) {
    const community = byCode.get(input.communityCode);
    if (!community || community.level !== 'community')
      throw new AppError('INVALID_INPUT', '社区（communityCode）不属于所选区县', 'communityCode');
    if (input.streetCode && input.streetCode !== community.parentCode)
      throw new AppError('INVALID_INPUT', '社区（communityCode）不属于所选街道', 'communityCode');
    return { street: byCode.get(community.parentCode) ?? null, community };
  }
  if (input.streetCode) {
    const street = byCode.get(input.streetCode);
    if (!street || street.level !== 'street')
      throw new AppError('INVALID_INPUT', '街道（streetCode）不属于所选区县', 'streetCode');
    return { street, community: null };
  }
  if (!input.address) return { street: null, community: null };
  const named = divisionsNamedInAddress(d.divisions, input.address);
  if (named.length === 1) {
    const one = named[0];
    return one.level === 'community'
      ? { street: byCode.get(one.parentCode) ?? null, community: one }
      : { street: one, community: null };
  }
  if (named.length > 1)
    notes.push(
      `地址可能对应多个地点：${named
        .slice(0, 5)
        .map((n) => n.name)
        .join('、')}，可从列表中选择街道和社区`,
    );
  return { street: null, community: null };
}

/** Which 学区 and which zoned schools serve a place, and why. The address is matched, never stored. */
export async function lookup(input: LookupInput, ctx: ActionContext): Promise<LookupResult> {
  // Parents ask about the next intake: in November 2026 that is autumn 2027, as in the enrolment wizard.
  const schoolYear = input.schoolYear ?? intakeYearOf(schoolYearOf(ctx.now, CHINA_ZONE));
  const notes: string[] = [];
  // Only the rules that can match what is asked are read: the place, and the 社区 and the address alone (disagreement).
  const { d, place: picked } = await loadZonedDistrict(
    input.districtCode,
    localDate(ctx.now, CHINA_ZONE),
    (district) => {
      const { street, community } = resolvePlace(district, input, notes);
      const query = { communityCode: community?.code, streetCode: street?.code, address: input.address };
      return {
        street,
        community,
        query,
        queries: [query, ...(community ? [{ communityCode: community.code, streetCode: community.parentCode }] : [])],
      };
    },
  );
  const { street, community, query } = picked;
  const asked = Boolean(community || input.address || street);
  const place = input.address?.trim() || community?.name || street?.name || '';

  // The 学区 of the zoned schools decide; without zoning, the 学区 serving the 街道.
  const xuequ = new Map<string, XuequVersion>();
  const hits = asked ? zoningHits(d, query, schoolYear) : [];
  for (const h of hits)
    for (const id of h.rule.schoolIds)
      for (const x of xuequOfSchool(d.composition, id)) xuequ.set(x.xuequ.xuequId, x.xuequ);
  if (xuequ.size === 0 && street)
    for (const x of xuequServingStreet(d.composition, street.code)) xuequ.set(x.xuequId, x);

  const schools = input.schoolName
    ? searchByName(d.schools, input.schoolName).map((s) => ({
        school: schoolRef(s),
        xuequIds: [...new Set(xuequOfSchool(d.composition, s._id).map((h) => h.xuequ.xuequId))],
      }))
    : [];
  const placeXuequ = [...xuequ.values()];
  for (const s of schools)
    for (const id of s.xuequIds)
      if (!xuequ.has(id))
        xuequ.set(
          id,
          d.composition.find((x) => x.xuequId === id)!,
        );

  const admission = admissionOf(d.district.admission);
  const ctxOfAnswer: AnswerContext = {
    districtName: d.district.name,
    withoutZone: admission.withoutZone,
    middleRule: admission.middleRule,
    xuequ: placeXuequ.map((x) => ({ name: x.name, schools: schoolsOfXuequ(d, x) })),
  };
  const inputs: AnswerInputs = { ctx: ctxOfAnswer, admission, family: input.family ?? {} };
  const current = zoningForYear(d, query, schoolYear, place, inputs);
  const years = asked ? [current, ...earlierList(d, query, schoolYear, place, inputs)] : [];
  // Asked against the answer before the family's facts, so an answered question stays answerable.
  const listedPrimary = input.family
    ? zoningForYear(d, query, schoolYear, place, { ...inputs, family: {} }).answers[0]
    : current.answers[0];

  if (input.schoolName && schools.length === 0) notes.push(`${d.district.name}未找到名称含“${input.schoolName}”的学校`);
  if (street && xuequ.size === 0 && d.composition.length > 0)
    notes.push(`文件未列出${street.name}所属的学区，请咨询${d.district.name}教育局`);
  if (street && xuequ.size > 1 && current.zoned.length === 0)
    notes.push(`${street.name}分属${xuequ.size}个学区，选择社区或填写门牌可确定具体学区`);
  if (community && input.address) notes.push(...disagreement(d, community, input.address, schoolYear));
  const typed = input.address ? normalizeAddress(input.address) : null;
  if (typed?.road && typed.number === null && current.zoned.length === 0)
    notes.push(`请填写门牌号：${typed.road}的登记范围按门牌号划分`);
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
    canAskSchool:
      asked &&
      current.answers.some((a) => a.mechanism === 'ambiguous' || a.mechanism === 'unknown' || a.mechanism === 'xuequ'),
    schools,
    notes,
    questions: asked ? familyQuestions(admission, listedPrimary, input.family ?? {}) : [],
    upcoming: upcomingFor(
      d,
      localDate(ctx.now, CHINA_ZONE),
      [...current.zoned.map((z) => z.school.id), ...schools.map((s) => s.school.id)],
      street && current.zoned.length === 0 ? [street.code] : [],
    ),
  };
}

/** The schools of each stage a 学区 holds (a member list not split by stage counts for the stages a school teaches). */
function schoolsOfXuequ(d: DistrictContext, x: XuequVersion): AnswerContext['xuequ'][number]['schools'] {
  const out: AnswerContext['xuequ'][number]['schools'] = { primary: [], middle: [] };
  for (const a of x.alliances) {
    for (const id of [...a.leadSchoolIds, ...a.memberSchoolIds]) {
      const s = d.schoolsById.get(id);
      if (!s) continue;
      for (const stage of s.stages)
        if ((a.stage === 'all' || a.stage === stage) && !out[stage].some((t) => t.id === id))
          out[stage].push({ id, name: s.name });
    }
  }
  return out;
}

/** The list in force now (the intake before the asked one), only when it differs, saying what changed. */
function earlierList(
  d: DistrictContext,
  query: Parameters<typeof zoningHits>[1],
  year: number,
  place: string,
  inputs: AnswerInputs,
): LookupResult['years'] {
  if (!d.schoolYears.includes(year - 1)) return [];
  const nameOf = (id: string) => d.schoolsById.get(id)?.name ?? id;
  const ids = (y: number) => zonedIds(zoningHits(d, query, y));
  const changes = zoningChanges(ids(year - 1), ids(year), nameOf, STAGE_LABELS).map(
    (c) => `${year}年秋季与${year - 1}年秋季相比，${c}`,
  );
  return changes.length ? [{ ...zoningForYear(d, query, year - 1, place, inputs), changes }] : [];
}

/** A picked 社区 and a typed address that lead to different schools: the address may lie outside the 社区. */
function disagreement(d: DistrictContext, community: DivisionDoc, address: string, year: number): string[] {
  const names = (q: Parameters<typeof zoningHits>[1]) =>
    [...new Set(zoningHits(d, q, year).flatMap((h) => h.rule.schoolIds))]
      .map((id) => d.schoolsById.get(id)?.name ?? id)
      .sort();
  const byCommunity = names({ communityCode: community.code, streetCode: community.parentCode });
  const byAddress = names({ address });
  if (byCommunity.length === 0 || byAddress.length === 0 || byCommunity.join() === byAddress.join()) return [];
  return [
    `所选${community.name}对应${byCommunity.join('、')}，而输入的地址对应${byAddress.join('、')}：地址可能不在所选社区内，请核对；下面按地址回答`,
  ];
}
