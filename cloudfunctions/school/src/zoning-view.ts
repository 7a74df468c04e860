import type { YearZoning, ZonedSchool, ZoningHistoryEntry } from '@/contracts/school';
import { middleAnswer, primaryAnswer, type AnswerContext, type PathInput, type ZonedInput } from '@/domain/answer';
import { applyFamilyRules, type AdmissionSettings, type FamilyFacts } from '@/domain/admission';
import { feederPath } from '@/domain/feeder';
import { STAGE_LABELS, type Stage } from '@/domain/stages';
import { intakeLabel } from '@/domain/time';
import { zoningChanges, zonedIds, type ZoningRule } from '@/domain/zoning';
import { matchIndexed, resolveHits, type ZoningHit, type ZoningQuery } from '@/domain/zoning-match';
import { feederView, schoolRef } from '@/server/xuequ-view';
import type { ZonedDistrictContext as DistrictContext } from './district-context';

/** The rules that decide for a place in one intake: 除外 applied, the most specific place per stage. */
export function zoningHits(d: DistrictContext, query: ZoningQuery, year: number): Array<ZoningHit<ZoningRule>> {
  return resolveHits(matchIndexed(d.zoningIndex(year), query));
}

/** What the answer needs besides the matched rules: the 学区 around, the district's rules, the family. */
export interface AnswerInputs {
  ctx: AnswerContext;
  admission: AdmissionSettings;
  family: FamilyFacts;
}

/** The zoned schools of one intake for a place, each with the rule, why, and the 对口 path; one answer per stage. */
export function zoningForYear(
  d: DistrictContext,
  query: ZoningQuery,
  schoolYear: number,
  place: string,
  inputs: AnswerInputs,
): YearZoning {
  const { ctx } = inputs;
  const zoned: ZonedSchool[] = [];
  for (const hit of zoningHits(d, query, schoolYear)) {
    for (const id of hit.rule.schoolIds) {
      const school = d.schoolsById.get(id);
      if (!school || zoned.some((z) => z.stage === hit.rule.stage && z.school.id === id)) continue;
      const path = hit.rule.stage === 'primary' ? feederPath(school, d.feeders, schoolYear) : null;
      zoned.push({
        stage: hit.rule.stage,
        stageLabel: STAGE_LABELS[hit.rule.stage],
        school: schoolRef(school),
        rule: {
          id: hit.rule._id,
          kind: hit.why,
          text: hit.rule.text,
          document: hit.rule.document,
          schoolYear,
          sample: hit.rule.sample,
        },
        reason: `${hit.why === 'community' ? `${place}：` : ''}${hit.detail}，属${school.name}的${STAGE_LABELS[hit.rule.stage]}登记范围（${schoolYear}年秋季入学）`,
        mechanism: hit.rule.mechanism === 'multi' ? 'multi' : hit.rule.mechanism === 'single' ? 'single' : null,
        feeder: feederView(path, d.schoolsById),
      });
    }
  }
  zoned.sort((a, b) => (a.stage === b.stage ? 0 : a.stage === 'primary' ? -1 : 1));
  const of = (stage: Stage): ZonedInput[] =>
    zoned
      .filter((z) => z.stage === stage)
      .map((z) => ({ id: z.school.id, name: z.school.name, mechanism: z.mechanism }));
  const listed = primaryAnswer(of('primary'), ctx);
  const primary = applyFamilyRules(listed, inputs.admission, inputs.family, ctx);
  // The 对口 path follows the zoned primary school only while the family is placed there.
  const onlyPrimary = primary.mechanism === 'single' ? zoned.find((z) => z.stage === 'primary') : undefined;
  const path: PathInput | null = onlyPrimary?.feeder
    ? {
        kind: onlyPrimary.feeder.kind,
        from: { id: onlyPrimary.school.id, name: onlyPrimary.school.name },
        to: onlyPrimary.feeder.schools.map((s) => ({ id: s.id, name: s.name })),
      }
    : null;
  const answers = [primary, middleAnswer(of('middle'), path, ctx)];
  const ambiguous = answers.filter((a) => a.mechanism === 'ambiguous').map((a) => a.stage);
  return { schoolYear, label: intakeLabel(schoolYear), zoned, ambiguous, answers, changes: [] };
}

/** The place's zoned schools in every intake on record, with what changed from the year before. */
export function zoningHistory(d: DistrictContext, query: ZoningQuery): ZoningHistoryEntry[] {
  const nameOf = (id: string) => d.schoolsById.get(id)?.name ?? id;
  const out: ZoningHistoryEntry[] = [];
  let previous: ReturnType<typeof zonedIds> | null = null;
  for (const year of d.schoolYears) {
    const ids = zonedIds(zoningHits(d, query, year));
    if (ids.primary.length + ids.middle.length === 0 && previous === null) continue;
    out.push({
      schoolYear: year,
      label: `${year}年秋季入学`,
      schools: { primary: ids.primary.map(nameOf), middle: ids.middle.map(nameOf) },
      changes: previous ? zoningChanges(previous, ids, nameOf, STAGE_LABELS) : [],
    });
    previous = ids;
  }
  return out;
}
