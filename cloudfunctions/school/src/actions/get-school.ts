import type { SchoolProfile } from '@/contracts/school';
import type { ActionContext } from '@/server/handler';
import { notFound } from '@/server/errors';
import { feederPath } from '@/domain/feeder';
import { STAGE_LABELS } from '@/domain/stages';
import { CHINA_ZONE, localDate, schoolYearOf } from '@/domain/time';
import { schoolIdsOf, xuequOfSchool } from '@/domain/xuequ';
import { COLLECTIONS } from '@/contracts/collections';
import type { School } from '@/domain/school';
import { fetchById } from '@/server/repositories/query';
import { feederView, schoolRef } from '@/server/xuequ-view';
import { loadSchoolDistrict } from '../district-context';
import { upcomingFor } from '../upcoming';
import { intakeYearOf } from '@/domain/enrolment/rules';
import { MECHANISM_LABELS } from '@/domain/catchment';

/** A school's profile: its 学区 and role there, the other schools of that 学区, its 对口 path, its place. */
export async function getSchool(input: { schoolId: string }, ctx: ActionContext): Promise<SchoolProfile> {
  const found = await fetchById<School>(COLLECTIONS.schools, input.schoolId);
  if (!found) throw notFound('该学校');
  const today = localDate(ctx.now, CHINA_ZONE);
  const d = await loadSchoolDistrict(found.districtCode, found._id, today);
  const school = d.schoolsById.get(found._id) ?? found;
  const hits = xuequOfSchool(d.composition, school._id);
  const neighbourIds = new Set(hits.flatMap((h) => schoolIdsOf(h.xuequ)).filter((id) => id !== school._id));
  // The intake parents ask about, as in the lookup: in November 2026, autumn 2027.
  const intake = intakeYearOf(schoolYearOf(ctx.now, CHINA_ZONE));
  const path = school.stages.includes('primary') ? feederPath(school, d.feeders, intake) : null;
  const own = d.catchments.filter((c) => c.schoolId === school._id && c.intakeYear <= intake);
  const latest = Math.max(...own.map((c) => c.intakeYear));
  return {
    school: { ...schoolRef(school), stages: school.stages },
    districtName: d.district.name,
    memberships: hits.map((h) => ({
      xuequId: h.xuequ.xuequId,
      xuequName: h.xuequ.name,
      role: h.role,
      roleLabel:
        h.role === 'lead' ? (h.stage === 'all' ? '牵头学校' : (h.xuequ.leadTitle[h.stage] ?? '学区长学校')) : '成员校',
      stageLabel: STAGE_LABELS[h.stage],
    })),
    neighbours: [...neighbourIds]
      .map((id) => d.schoolsById.get(id))
      .filter((s): s is School => !!s)
      .map((s) => ({ ...schoolRef(s), location: s.location })),
    feeder: feederView(path, d.schoolsById),
    location: school.location ? { ...school.location, sample: school.locationSample } : null,
    catchments: own
      .filter((c) => c.intakeYear === latest)
      .map((c) => ({
        intakeYear: c.intakeYear,
        stageLabel: STAGE_LABELS[c.stage],
        mechanismLabel: MECHANISM_LABELS[c.mechanism],
        text: c.text,
        document: c.document,
        sample: c.sample,
      })),
    upcoming: upcomingFor(d, today, [school._id], [], school._id),
  };
}
