import type { YearZoning, ZonedSchool, ZoningHistoryEntry } from '../../../src/contracts/school';
import { feederPath } from '../../../src/domain/feeder';
import { STAGE_LABELS, type Stage } from '../../../src/domain/stages';
import { schoolYearLabel } from '../../../src/domain/time';
import { zoningChanges, zonedIds, type ZoningRule } from '../../../src/domain/zoning';
import { matchIndexed, type ZoningHit, type ZoningQuery } from '../../../src/domain/zoning-match';
import { feederView, schoolRef } from '../../../src/server/xuequ-view';
import type { DistrictContext } from './district-context';

/** The zoned schools of one school year for a place, each with the rule, why, and the 对口 path. */
export function zoningForYear(d: DistrictContext, query: ZoningQuery, schoolYear: number, place: string): YearZoning {
  const hits: Array<ZoningHit<ZoningRule>> = matchIndexed(d.zoningIndex(schoolYear), query);
  const zoned: ZonedSchool[] = [];
  for (const hit of hits) {
    for (const id of hit.rule.schoolIds) {
      const school = d.schoolsById.get(id);
      if (!school || zoned.some((z) => z.stage === hit.rule.stage && z.school.id === id)) continue;
      const path = hit.rule.stage === 'primary' ? feederPath(school, d.feeders, schoolYear) : null;
      zoned.push({
        stage: hit.rule.stage,
        stageLabel: STAGE_LABELS[hit.rule.stage],
        school: schoolRef(school),
        rule: { id: hit.rule._id, kind: hit.why, text: hit.rule.text, document: hit.rule.document, schoolYear, sample: hit.rule.sample },
        reason: `${hit.why === 'community' ? `${place}：` : ''}${hit.detail}，属${school.name}的${STAGE_LABELS[hit.rule.stage]}划片范围（${schoolYearLabel(schoolYear)}）`,
        feeder: feederView(path, d.schoolsById),
      });
    }
  }
  zoned.sort((a, b) => (a.stage === b.stage ? 0 : a.stage === 'primary' ? -1 : 1));
  const ambiguous = (['primary', 'middle'] as Stage[]).filter((st) => zoned.filter((z) => z.stage === st).length > 1);
  return { schoolYear, label: schoolYearLabel(schoolYear), zoned, ambiguous };
}

/** The place's zoned schools in every school year on record, with what changed from the year before. */
export function zoningHistory(d: DistrictContext, query: ZoningQuery): ZoningHistoryEntry[] {
  const nameOf = (id: string) => d.schoolsById.get(id)?.name ?? id;
  const out: ZoningHistoryEntry[] = [];
  let previous: ReturnType<typeof zonedIds> | null = null;
  for (const year of d.schoolYears) {
    const ids = zonedIds(matchIndexed(d.zoningIndex(year), query));
    if (ids.primary.length + ids.middle.length === 0 && previous === null) continue;
    out.push({
      schoolYear: year,
      label: schoolYearLabel(year),
      schools: { primary: ids.primary.map(nameOf), middle: ids.middle.map(nameOf) },
      changes: previous ? zoningChanges(previous, ids, nameOf, STAGE_LABELS) : [],
    });
    previous = ids;
  }
  return out;
}
