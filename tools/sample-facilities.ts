/**
 * Sample shared facilities (the seeds list none): for each 学区, its lead schools share 1–3 facilities
 * and a few member schools one each, open after school on weekdays and on Saturday. All `sample: true`;
 * ids are stable (`fc-<schoolId>-<kind>`), so reseeding and tests find the same documents.
 */
import type { FacilityKind, OpeningHours } from '../src/domain/approval/facility';
import type { Weekday } from '../src/domain/duty/types';
import type { School } from '../src/domain/school';
import { schoolIdsOf, type XuequVersion } from '../src/domain/xuequ';
import type { FacilityDoc } from '../src/server/repositories/facilities';

const weekly = (days: Weekday[], start: string, end: string): OpeningHours[] =>
  days.map((weekday) => ({ weekday, start, end }));
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];

interface Template {
  name: string;
  hours: OpeningHours[];
  rules: FacilityDoc['rules'];
  notes: string[];
}

const TEMPLATES: Record<FacilityKind, Template> = {
  gym: {
    name: '体育馆',
    hours: [...weekly(WEEKDAYS, '16:30', '18:30'), ...weekly([6], '09:00', '17:00')],
    rules: { maxDurationMin: 120, maxDaysAhead: 14, minNoticeHours: 24 },
    notes: ['须穿运动鞋入场', '使用后恢复器材原位'],
  },
  field: {
    name: '操场',
    hours: [...weekly(WEEKDAYS, '16:30', '18:30'), ...weekly([6], '08:30', '17:30')],
    rules: { maxDurationMin: 180, maxDaysAhead: 30, minNoticeHours: 24 },
    notes: ['雨雪天气暂停开放', '须有带队教师在场'],
  },
  library: {
    name: '图书馆',
    hours: [...weekly(WEEKDAYS, '16:00', '18:00'), ...weekly([6], '09:00', '12:00')],
    rules: { maxDurationMin: 120, maxDaysAhead: 21, minNoticeHours: 24 },
    notes: ['保持安静，不得带入饮食', '借阅须凭本校借阅证'],
  },
  lab: {
    name: '科学实验室',
    hours: [...weekly([2, 4], '16:30', '18:30'), ...weekly([6], '09:00', '12:00')],
    rules: { maxDurationMin: 150, maxDaysAhead: 14, minNoticeHours: 24 },
    notes: ['须由本校实验员陪同', '危险化学品不外借'],
  },
};

/** Lead schools share more (the kinds rotate so a 学区 offers a mix); members share one. */
const LEAD_KINDS: FacilityKind[][] = [['gym', 'library', 'field'], ['field', 'lab'], ['library', 'gym'], ['lab']];
const MEMBER_KINDS: FacilityKind[] = ['library', 'gym', 'field', 'lab'];
/** How many member schools of each 学区 share a facility. */
const MEMBERS_SHARING = 2;

function facility(school: School, kind: FacilityKind): FacilityDoc {
  const t = TEMPLATES[kind];
  return {
    _id: `fc-${school._id}-${kind}`,
    schoolId: school._id,
    districtCode: school.districtCode,
    kind,
    name: t.name,
    openingHours: t.hours.map((h) => ({ ...h })),
    rules: { ...t.rules },
    notes: [...t.notes],
    shareable: true,
    sample: true,
  };
}

/** The sample facilities of the schools named in the 学区 versions (each school once). */
export function sampleFacilities(schools: readonly School[], versions: readonly XuequVersion[]): FacilityDoc[] {
  const byId = new Map(schools.map((s) => [s._id, s]));
  const out = new Map<string, FacilityDoc>();
  const done = new Set<string>();
  const add = (schoolId: string, kinds: FacilityKind[]) => {
    const school = byId.get(schoolId);
    if (!school || done.has(schoolId)) return;
    done.add(schoolId);
    for (const k of kinds) out.set(`fc-${schoolId}-${k}`, facility(school, k));
  };
  // The latest version of each 学区 names who is in it now.
  const latest = new Map<string, XuequVersion>();
  for (const v of versions)
    if (!latest.get(v.xuequId) || latest.get(v.xuequId)!.effectiveFrom < v.effectiveFrom) latest.set(v.xuequId, v);
  for (const x of [...latest.values()].sort((a, b) => a._id.localeCompare(b._id))) {
    const leads = [...new Set(x.alliances.flatMap((a) => a.leadSchoolIds))];
    leads.forEach((id, i) => add(id, LEAD_KINDS[i % LEAD_KINDS.length]));
    const members = schoolIdsOf(x).filter((id) => !leads.includes(id));
    members.slice(0, MEMBERS_SHARING).forEach((id, i) => add(id, [MEMBER_KINDS[i % MEMBER_KINDS.length]]));
  }
  return [...out.values()];
}
