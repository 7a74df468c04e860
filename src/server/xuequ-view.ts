import type { AllianceView, SchoolRef, XuequView, ZonedSchool } from '../contracts/school';
import type { FeederPath } from '../domain/feeder';
import type { School } from '../domain/school';
import { STAGE_LABELS } from '../domain/stages';
import type { XuequVersion } from '../domain/xuequ';

export function schoolRef(s: School): SchoolRef {
  return { id: s._id, name: s.name, kind: s.kind, note: s.note };
}

/** A 学区 version as parents see it: school names instead of ids, 街道 names, the document. */
export function toXuequView(
  x: XuequVersion,
  schoolsById: ReadonlyMap<string, School>,
  districtName: string,
  streetNames: ReadonlyMap<string, string>,
): XuequView {
  const refs = (ids: string[]) =>
    ids
      .map((id) => schoolsById.get(id))
      .filter((s): s is School => !!s)
      .map(schoolRef);
  const alliances: AllianceView[] = x.alliances.map((a) => ({
    stage: a.stage,
    stageLabel: STAGE_LABELS[a.stage],
    leadTitle: a.stage === 'all' ? '' : (x.leadTitle[a.stage] ?? '学区长学校'),
    leads: refs(a.leadSchoolIds),
    members: refs(a.memberSchoolIds),
  }));
  return {
    id: x.xuequId,
    name: x.name,
    districtCode: x.districtCode,
    districtName,
    effectiveFrom: x.effectiveFrom,
    alliances,
    streets: x.streetCodes.map((code) => ({ code, name: streetNames.get(code) ?? code })),
    source: x.source,
    sample: x.sample,
    streetsSample: x.streetsSample,
  };
}

/** A 对口 / 九年一贯 path with school names, as the lookup and the school profile show it. */
export function feederView(path: FeederPath | null, schoolsById: ReadonlyMap<string, School>): ZonedSchool['feeder'] {
  if (!path) return null;
  const schools = path.middleSchoolIds
    .map((id) => schoolsById.get(id))
    .filter((s): s is School => !!s)
    .map(schoolRef);
  return { kind: path.kind, schools, text: path.text, sample: path.sample };
}
