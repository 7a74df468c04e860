import { rotationShare } from '../approval/checks';
import { schoolIdsOf, type XuequVersion } from '../xuequ';
import { KEY_TARGET, ROTATION_TARGET } from './targets';
import {
  type BookingFacts,
  type Facts,
  type KpiDuty,
  type KpiRow,
  type KpiSchool,
  type RecordFacts,
  type SchoolYearPeriod,
  type ShareFigure,
  addSums,
  exchangeDutiesIn,
  newFacts,
  zeroSums,
} from './facts';

// The dashboard figures of a district and its 学区, from the facts.

export interface KpiInput {
  schools: readonly KpiSchool[];
  duties: readonly KpiDuty[];
  /** What verified clock records add (recordFactsFromRollups live; recordFactsFromRecords as the oracle). */
  recordFacts: RecordFacts;
  /** Facility sharing (bookingFactsFromBookings; the dashboard has the database sum it). */
  bookingFacts: BookingFacts;
  period: SchoolYearPeriod;
}

/** Per-school facts, and Chinese notes on what was left out. */
export class KpiFacts {
  private readonly facts = new Map<string, Facts>();
  readonly schools: ReadonlyMap<string, KpiSchool>;
  readonly notes: string[] = [];
  /** Some duty or booking counted is sample data. */
  sampleRecords = false;

  constructor(input: KpiInput) {
    this.schools = new Map(input.schools.map((s) => [s.id, s]));
    const { period } = input;
    for (const d of exchangeDutiesIn(input.duties, period)) {
      const f = this.of(d.homeSchoolId);
      f.teachers.add(d.teacherOpenid);
      if (d.teacherKey === true) f.keyTeachers.add(d.teacherOpenid);
      this.sampleRecords ||= d.sample;
    }
    for (const [schoolId, r] of input.recordFacts.bySchool) addSums(this.of(schoolId), r);
    for (const [schoolId, b] of input.bookingFacts.bySchool) addSums(this.of(schoolId), b);
    this.sampleRecords ||= input.bookingFacts.sample;
    const { unverified, noCode, orphan } = input.recordFacts;
    if (unverified > 0)
      this.notes.push(
        `${unverified} 条签到记录未核验（未扫签到码、不在范围内签到且无补卡，或尚未结束），未计入工时和节次`,
      );
    if (noCode > 0) this.notes.push(`其中 ${noCode} 条签到未扫任务学校的签到码（或扫码时超出范围），只记录、不计入`);
    if (orphan > 0) this.notes.push(`${orphan} 条签到记录找不到对应任务，只计入任务学校`);
  }

  private of(schoolId: string): Facts {
    let f = this.facts.get(schoolId);
    if (!f) this.facts.set(schoolId, (f = newFacts()));
    return f;
  }

  /** One row for a group of schools (a school, a 学区, the district). */
  row(id: string, name: string, level: KpiRow['level'], schoolIds: readonly string[]): KpiRow {
    const ids = [...new Set(schoolIds)];
    const teachers = new Set<string>();
    const keyTeachers = new Set<string>();
    let base = 0;
    let keyBase = 0;
    let withoutCount = 0;
    let keyRegistered = false;
    let sample = false;
    const row: KpiRow = {
      id,
      name,
      level,
      schoolIds: ids,
      rotation: { count: 0, base: null, share: null, target: ROTATION_TARGET, met: null, schoolsWithoutCount: 0 },
      key: { count: 0, base: null, share: null, target: KEY_TARGET, met: null, registered: false },
      ...zeroSums(),
      teacherCountSample: false,
    };
    for (const sid of ids) {
      const school = this.schools.get(sid);
      const f = this.facts.get(sid) ?? newFacts();
      addSums(row, f);
      if (school && school.teacherCount !== null && school.teacherCount > 0) {
        base += school.teacherCount;
        sample ||= school.teacherCountSample;
        for (const t of f.teachers) teachers.add(t);
      } else withoutCount += 1;
      if (school && school.keyTeacherCount !== null && school.keyTeacherCount > 0) {
        keyRegistered = true;
        keyBase += school.keyTeacherCount;
        for (const t of f.keyTeachers) keyTeachers.add(t);
      }
    }
    row.rotation = { ...share(teachers.size, base, ROTATION_TARGET), schoolsWithoutCount: withoutCount };
    row.key = keyRegistered ? { ...share(keyTeachers.size, keyBase, KEY_TARGET), registered: true } : { ...row.key };
    row.teacherCountSample = sample;
    return row;
  }
}

function share(count: number, base: number, target: number): ShareFigure {
  const s = rotationShare(count, base);
  // Compared in tenths of a percent, so 0.3 reached by 3/10 is not lost to floating point.
  return {
    count,
    base: s === null ? null : base,
    share: s,
    target,
    met: s === null ? null : Math.round(s * 1000) >= Math.round(target * 1000),
  };
}

export interface Scope {
  kind: 'district' | 'xuequ';
  /** The 学区 (scope 'xuequ'). */
  xuequId?: string;
}

export interface DashboardKpis {
  /** The district or the 学区. */
  total: KpiRow;
  /** One per 学区 of the composition (district scope; empty for a 学区). */
  xuequ: KpiRow[];
  /** Every school in scope, in the district's / 学区's order. */
  schools: KpiRow[];
  notes: string[];
  /** Some duty or booking counted is sample data. */
  sampleRecords: boolean;
}

/**
 * The dashboard's rows. District scope: every school of the district, each 学区 of the composition;
 * 学区 scope: the 学区's schools. Throws when the 学区 is not in the composition (the caller checks first).
 */
export function dashboardKpis(
  input: KpiInput & { composition: readonly XuequVersion[]; district: { code: string; name: string }; scope: Scope },
): DashboardKpis {
  const facts = new KpiFacts(input);
  const school = (id: string) => facts.row(id, facts.schools.get(id)?.name ?? id, 'school', [id]);
  if (input.scope.kind === 'district') {
    const ids = input.schools.map((s) => s.id);
    return {
      total: facts.row(input.district.code, input.district.name, 'district', ids),
      xuequ: input.composition.map((x) => facts.row(x.xuequId, x.name, 'xuequ', schoolIdsOf(x))),
      schools: ids.map(school),
      notes: facts.notes,
      sampleRecords: facts.sampleRecords,
    };
  }
  const x = input.composition.find((v) => v.xuequId === input.scope.xuequId);
  if (!x) throw new Error(`学区 ${input.scope.xuequId} 不在当前组成中`);
  const ids = schoolIdsOf(x);
  return {
    total: facts.row(x.xuequId, x.name, 'xuequ', ids),
    xuequ: [],
    schools: ids.map(school),
    notes: facts.notes,
    sampleRecords: facts.sampleRecords,
  };
}
