/**
 * Policy dashboard figures of a district and its 学区, computed from verified records only. Pure: the
 * caller passes the data, the school year, the instant `now` and the zone.
 *
 * Seed 001 sets the targets: 优秀干部教师轮岗交流资源共享比率不少于30%；中青年优秀校长、骨干教师轮岗交流达100%.
 */
import { DEFAULT_ROTATION_POLICY, rotationShare } from './approval/checks';
import type { RequestType } from './approval/types';
import { addDays, instantAt } from './time';
import { recordHours } from './duty/hours';
import { DEFAULT_DUTY_POLICY } from './duty/types';
import type { ClockRecord, Duty, DutyKind, DutyPolicy } from './duty/types';
import { schoolIdsOf, type XuequVersion } from './xuequ';
import { presenceVerified } from './presence';

/** Every form of 教师交流 that counts for the share (资源共享 counts each form; 联合教研 moves nobody). */
export const EXCHANGE_KINDS: readonly DutyKind[] = ['rotation', 'cross-teaching', 'itinerant', 'support', 'mentoring'];
export const ROTATION_TARGET = DEFAULT_ROTATION_POLICY.targetShare;
/** 骨干教师轮岗交流达100%. */
export const KEY_TARGET = 1;
export const NO_KEY_DATA = '未登记骨干教师';

/** A document that sets a 交流 share, and the area it applies to. */
export interface TargetDocument {
  /** district: one district (code); city / province: the districts in it (by name); national: every district. */
  applies:
    | { level: 'district'; code: string }
    | { level: 'city'; city: string }
    | { level: 'province'; province: string }
    | { level: 'national' };
  title: string;
  issuer: string;
  number: string | null;
  date: string;
  /** The share of teachers exchanged it asks for at least. */
  rotationShare: number;
  /** The words of the document. */
  quote: string;
}

/**
 * The documents known to set a share. 东城区's is seed 001; the national one is the 2014 opinion every
 * 县（区） answers to. A district's own document comes first, then city, province, national.
 */
export const TARGET_DOCUMENTS: readonly TargetDocument[] = [
  {
    applies: { level: 'district', code: '110101' },
    title: '关于《东城区实施学区制综合改革方案》的通知',
    issuer: '中共东城区委教育工作委员会、东城区教育委员会',
    number: null,
    date: '2014-01-17',
    rotationShare: 0.3,
    quote: '优秀干部教师轮岗交流资源共享比率不少于30%',
  },
  {
    applies: { level: 'national' },
    title: '关于推进县（区）域内义务教育学校校长教师交流轮岗的意见',
    issuer: '教育部、财政部、人力资源社会保障部',
    number: '教师〔2014〕4号',
    date: '2014-08-13',
    rotationShare: 0.1,
    quote: '城镇学校、优质学校每学年教师交流轮岗的比例应不低于符合交流条件教师总数的10%',
  },
];

const LEVEL_ORDER = { district: 0, city: 1, province: 2, national: 3 } as const;
const LEVEL_LABELS = { district: '本区', city: '市级', province: '省级', national: '国家' } as const;

/** The documents that apply to a district, its own first; never another district's. */
export function applicableTargetDocuments(
  district: { code: string; city?: string; province?: string },
  docs: readonly TargetDocument[] = TARGET_DOCUMENTS,
): TargetDocument[] {
  return docs
    .filter((d) => {
      const a = d.applies;
      if (a.level === 'district') return a.code === district.code;
      if (a.level === 'city') return !!district.city && a.city === district.city;
      if (a.level === 'province') return !!district.province && a.province === district.province;
      return true;
    })
    .sort((a, b) => LEVEL_ORDER[a.applies.level] - LEVEL_ORDER[b.applies.level]);
}

// A title quoted inside 《》 takes 〈〉 for the marks it holds itself, as Chinese typesetting does.
const citeText = (d: TargetDocument) =>
  `${d.issuer}《${d.title.replace(/《/g, '〈').replace(/》/g, '〉')}》${d.number ? `（${d.number}）` : ''}，${d.date}`;
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * Where a district's 交流 share target comes from, as one sentence: the most local applicable document that
 * sets that very share; when none does, says so and names what the applicable documents do ask for.
 */
export function rotationTargetCitation(
  district: { code: string; name: string; city?: string; province?: string },
  target: number,
  docs: readonly TargetDocument[] = TARGET_DOCUMENTS,
): { document: TargetDocument | null; text: string } {
  const applicable = applicableTargetDocuments(district, docs);
  const exact = applicable.find((d) => Math.round(d.rotationShare * 1000) === Math.round(target * 1000));
  if (exact)
    return {
      document: exact,
      text: `目标不少于${percent(target)}（${LEVEL_LABELS[exact.applies.level]}文件：${citeText(exact)}：“${exact.quote}”）`,
    };
  const nearest = applicable[0];
  const asked = nearest
    ? `；${LEVEL_LABELS[nearest.applies.level]}文件要求不低于${percent(nearest.rotationShare)}（${citeText(nearest)}）`
    : '';
  return {
    document: null,
    text: `目标不少于${percent(target)}：${district.name}及上级文件未规定这一比例，为本系统的默认目标${asked}`,
  };
}

/** 1 September of `schoolYear` to 31 August of the next year, China dates, as dates and instants. */
export interface SchoolYearPeriod {
  schoolYear: number;
  first: string;
  last: string;
  startMs: number;
  /** Exclusive: 1 September of the next year, 00:00 in the zone. */
  endMs: number;
}

export function schoolYearPeriod(schoolYear: number, zone: string): SchoolYearPeriod {
  const first = `${schoolYear}-09-01`;
  const next = `${schoolYear + 1}-09-01`;
  return {
    schoolYear,
    first,
    last: addDays(next, -1),
    startMs: instantAt(first, '00:00', zone),
    endMs: instantAt(next, '00:00', zone),
  };
}

/** A school as the figures need it. keyTeacherCount: 骨干教师 on the staff; null until registered. */
export interface KpiSchool {
  id: string;
  name: string;
  teacherCount: number | null;
  keyTeacherCount: number | null;
  /** The teacher count is sample data (the seeds give none). */
  teacherCountSample: boolean;
}

/** A duty; teacherKey marks a 骨干教师 (no source sets it yet: absent = not known to be one). */
export type KpiDuty = Pick<
  Duty,
  '_id' | 'teacherOpenid' | 'homeSchoolId' | 'hostSchoolId' | 'kind' | 'termStart' | 'termEnd' | 'status' | 'sample'
> & {
  teacherKey?: boolean;
};

export interface KpiBooking {
  /** The owning school (lends). */
  schoolId: string;
  /** The booking school (borrows). */
  bookingSchoolId: string;
  start: number;
  end: number;
  status: 'confirmed' | 'cancelled';
  sample?: boolean;
}

export interface KpiApproval {
  _id: string;
  type: RequestType;
  status: string;
  createdAt: number;
  current: number;
  steps: ReadonlyArray<{ schoolId: string | null; xuequId: string | null }>;
}

/** Counted / base against a target; share and met are null when the base is unknown. */
export interface ShareFigure {
  count: number;
  base: number | null;
  share: number | null;
  target: number;
  met: boolean | null;
}

export interface RotationFigure extends ShareFigure {
  /** Schools of the group without a teacher count: left out of both count and base. */
  schoolsWithoutCount: number;
}

export interface KeyFigure extends ShareFigure {
  /** False when no school of the group registered its 骨干教师: show NO_KEY_DATA, not a number. */
  registered: boolean;
}

export interface KpiRow {
  id: string;
  name: string;
  level: 'district' | 'xuequ' | 'school';
  schoolIds: string[];
  rotation: RotationFigure;
  key: KeyFigure;
  /** Verified minutes worked at the group's schools as host school, within the school year. */
  hostMinutes: number;
  /** Verified sessions held at the group's schools (as host) and by their teachers elsewhere (as home). */
  hostSessions: number;
  homeSessions: number;
  /** Sessions at the group's schools (as host) not verified at nowMs: shown apart, never counted above. */
  unverifiedSessions: number;
  /** Confirmed bookings by other schools of the group's facilities (lent) and of others' (borrowed). */
  lentMinutes: number;
  borrowedMinutes: number;
  /** Some teacher count used is sample data. */
  teacherCountSample: boolean;
}

/**
 * A verified record: clocked in with presence verified (the host school's rotating code within the
 * geofence, or an approved 补卡; a record from before 扫码签到 by geofence or 补卡, see
 * presenceVerified), and ended by a clock-out or by a capped end (the slot is over). A session still
 * running at nowMs is not counted yet.
 */
export function isVerified(
  record: ClockRecord,
  zone: string,
  nowMs: number,
  policy: DutyPolicy = DEFAULT_DUTY_POLICY,
): boolean {
  if (record.clockInAt === null || !presenceVerified(record)) return false;
  return record.clockOutAt !== null || recordHours(record, zone, policy, nowMs).capped;
}

/** Active exchange duties whose term overlaps the school year. */
export const exchangeDutiesIn = <D extends KpiDuty>(duties: readonly D[], period: SchoolYearPeriod): D[] =>
  duties.filter(
    (d) =>
      d.status === 'active' &&
      EXCHANGE_KINDS.includes(d.kind) &&
      d.termStart <= period.last &&
      d.termEnd >= period.first,
  );

interface Facts {
  teachers: Set<string>;
  keyTeachers: Set<string>;
  hostMinutes: number;
  hostSessions: number;
  homeSessions: number;
  unverifiedSessions: number;
  lentMinutes: number;
  borrowedMinutes: number;
}

const newFacts = (): Facts => ({
  teachers: new Set(),
  keyTeachers: new Set(),
  hostMinutes: 0,
  hostSessions: 0,
  homeSessions: 0,
  unverifiedSessions: 0,
  lentMinutes: 0,
  borrowedMinutes: 0,
});

/** What clock records add to the figures, per school: from rollups (live) or a full scan (the oracle). */
export interface SchoolRecordFacts {
  hostMinutes: number;
  hostSessions: number;
  homeSessions: number;
  /** Records of the school year at this host school not verified at nowMs (in `unverified` too). */
  unverifiedSessions: number;
}

export interface RecordFacts {
  bySchool: Map<string, SchoolRecordFacts>;
  /** Records of the school year not verified (yet) at nowMs. */
  unverified: number;
  /** Of those, clocked in without a valid presence code (or with one, out of range): presence 'unverified'. */
  noCode: number;
  /** Verified sessions whose duty is unknown: counted for the host school only. */
  orphan: number;
}

export const emptyRecordFacts = (): RecordFacts => ({ bySchool: new Map(), unverified: 0, noCode: 0, orphan: 0 });

export function recordFactsOf(facts: RecordFacts, schoolId: string): SchoolRecordFacts {
  let f = facts.bySchool.get(schoolId);
  if (!f)
    facts.bySchool.set(schoolId, (f = { hostMinutes: 0, hostSessions: 0, homeSessions: 0, unverifiedSessions: 0 }));
  return f;
}

/**
 * The record figures of a school year from every record of it (those of the day before too, for a
 * night session's minutes after midnight). The definition the rollups must equal: tests compare them;
 * the dashboard itself reads rollups (see kpi-rollup.ts). homeOf: a duty's home school.
 */
export function recordFactsFromRecords(
  records: readonly ClockRecord[],
  homeOf: (dutyId: string) => string | undefined,
  period: SchoolYearPeriod,
  zone: string,
  nowMs: number,
  policy: DutyPolicy = DEFAULT_DUTY_POLICY,
): RecordFacts {
  const out = emptyRecordFacts();
  for (const r of records) {
    if (!isVerified(r, zone, nowMs, policy)) {
      if (r.sessionDate >= period.first && r.sessionDate <= period.last) {
        out.unverified += 1;
        recordFactsOf(out, r.hostSchoolId).unverifiedSessions += 1;
        if (r.presence === 'unverified') out.noCode += 1;
      }
      continue;
    }
    const h = recordHours(r, zone, policy, nowMs);
    const host = recordFactsOf(out, r.hostSchoolId);
    for (const [date, m] of Object.entries(h.byDate))
      if (date >= period.first && date <= period.last) host.hostMinutes += m;
    if (r.sessionDate < period.first || r.sessionDate > period.last) continue;
    host.hostSessions += 1;
    const home = homeOf(r.dutyId);
    if (home !== undefined) recordFactsOf(out, home).homeSessions += 1;
    else out.orphan += 1;
  }
  return out;
}

/** A duty's home school, from the duties given. */
export const homeOfDuties = (
  duties: readonly Pick<Duty, '_id' | 'homeSchoolId'>[],
): ((dutyId: string) => string | undefined) => {
  const home = new Map(duties.map((d) => [d._id, d.homeSchoolId]));
  return (id) => home.get(id);
};

/** Minutes of confirmed bookings by other schools, per school: lent (owner) and borrowed (booker). */
export interface BookingFacts {
  bySchool: Map<string, { lentMinutes: number; borrowedMinutes: number }>;
  /** Some booking counted is sample data. */
  sample: boolean;
}

/**
 * A booking's minutes within the school year, floored; 0 when it is not a confirmed booking by another
 * school. The dashboard's database sum computes exactly this (cloudfunctions/admin/src/dashboard/data.ts).
 */
export function bookingMinutes(b: KpiBooking, period: SchoolYearPeriod): number {
  if (b.status !== 'confirmed' || b.schoolId === b.bookingSchoolId) return 0;
  return Math.max(0, Math.floor((Math.min(b.end, period.endMs) - Math.max(b.start, period.startMs)) / 60_000));
}

/** Facility sharing from every booking of the year: the definition the database sum must equal. */
export function bookingFactsFromBookings(bookings: readonly KpiBooking[], period: SchoolYearPeriod): BookingFacts {
  const out: BookingFacts = { bySchool: new Map(), sample: false };
  const of = (id: string) => {
    let f = out.bySchool.get(id);
    if (!f) out.bySchool.set(id, (f = { lentMinutes: 0, borrowedMinutes: 0 }));
    return f;
  };
  for (const b of bookings) {
    const minutes = bookingMinutes(b, period);
    if (minutes <= 0) continue;
    of(b.schoolId).lentMinutes += minutes;
    of(b.bookingSchoolId).borrowedMinutes += minutes;
    out.sample ||= b.sample === true;
  }
  return out;
}

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
    for (const [schoolId, r] of input.recordFacts.bySchool) {
      const f = this.of(schoolId);
      f.hostMinutes += r.hostMinutes;
      f.hostSessions += r.hostSessions;
      f.homeSessions += r.homeSessions;
      f.unverifiedSessions += r.unverifiedSessions;
    }
    for (const [schoolId, b] of input.bookingFacts.bySchool) {
      const f = this.of(schoolId);
      f.lentMinutes += b.lentMinutes;
      f.borrowedMinutes += b.borrowedMinutes;
    }
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
      hostMinutes: 0,
      hostSessions: 0,
      homeSessions: 0,
      unverifiedSessions: 0,
      lentMinutes: 0,
      borrowedMinutes: 0,
      teacherCountSample: false,
    };
    for (const sid of ids) {
      const school = this.schools.get(sid);
      const f = this.facts.get(sid) ?? newFacts();
      row.hostMinutes += f.hostMinutes;
      row.hostSessions += f.hostSessions;
      row.homeSessions += f.homeSessions;
      row.unverifiedSessions += f.unverifiedSessions;
      row.lentMinutes += f.lentMinutes;
      row.borrowedMinutes += f.borrowedMinutes;
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

export const AGE_BUCKETS = ['under1d', 'd1to3', 'over3d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
export const AGE_BUCKET_LABELS: Readonly<Record<AgeBucket, string>> = {
  under1d: '不足1天',
  d1to3: '1–3天',
  over3d: '超过3天',
};

export interface PendingAges {
  total: number;
  buckets: Record<AgeBucket, number>;
  byType: Partial<Record<RequestType, number>>;
  /** Age of the oldest pending request in whole days (floored); null when none. */
  oldestDays: number | null;
}

const DAY_MS = 86_400_000;

/** < 1 day, 1–3 days (both ends included), > 3 days, by time since submission. */
export function ageBucket(createdAt: number, nowMs: number): AgeBucket {
  const age = nowMs - createdAt;
  return age < DAY_MS ? 'under1d' : age <= 3 * DAY_MS ? 'd1to3' : 'over3d';
}

/**
 * Pending requests by age. With `schoolIds` / `xuequId`, only those whose pending step waits at one of
 * those schools or at that 学区 (what the 学区 itself holds up).
 */
export function pendingAges(
  approvals: readonly KpiApproval[],
  nowMs: number,
  within?: { schoolIds: readonly string[]; xuequId: string },
): PendingAges {
  const out: PendingAges = { total: 0, buckets: { under1d: 0, d1to3: 0, over3d: 0 }, byType: {}, oldestDays: null };
  for (const a of approvals) {
    if (a.status !== 'pending') continue;
    if (within) {
      const step = a.steps[a.current];
      if (!step || !((step.schoolId && within.schoolIds.includes(step.schoolId)) || step.xuequId === within.xuequId))
        continue;
    }
    out.total += 1;
    out.buckets[ageBucket(a.createdAt, nowMs)] += 1;
    out.byType[a.type] = (out.byType[a.type] ?? 0) + 1;
    const days = Math.max(0, Math.floor((nowMs - a.createdAt) / DAY_MS));
    out.oldestDays = out.oldestDays === null ? days : Math.max(out.oldestDays, days);
  }
  return out;
}

/** Minutes as hours with one decimal. */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;
