/**
 * The district's teacher roster (教师名册), imported by the bureau. It is what makes the dashboard's
 * denominators real: a school with roster entries counts its teachers and 骨干教师 from them, and a
 * duty's teacher is a 骨干教师 when the roster lists the same name at the same home school.
 */
/** 工号: letters, digits and '-', up to 32. */
export const STAFF_NO = /^[A-Za-z0-9-]{1,32}$/;

export interface RosterTeacher {
  _id: string;
  districtCode: string;
  schoolId: string;
  /** 工号: unique within the district. */
  staffNo: string;
  name: string;
  subject: string | null;
  /** 骨干教师. */
  key: boolean;
}

export interface RosterCount {
  teacherCount: number;
  keyTeacherCount: number;
}

/** Teachers and 骨干教师 per school of the roster (schools without entries are absent). */
export function rosterCounts(roster: readonly RosterTeacher[]): Map<string, RosterCount> {
  const counts = new Map<string, RosterCount>();
  for (const t of roster) {
    const c = counts.get(t.schoolId) ?? { teacherCount: 0, keyTeacherCount: 0 };
    c.teacherCount += 1;
    if (t.key) c.keyTeacherCount += 1;
    counts.set(t.schoolId, c);
  }
  return counts;
}

const personKey = (schoolId: string, name: string) => `${schoolId}|${name.trim()}`;

/** A duty's teacher as the lookup needs it. */
export interface DutyTeacher {
  teacherOpenid: string;
  homeSchoolId: string;
  teacherName: string;
}

/**
 * Whether a duty's teacher is a 骨干教师 of the roster: by the 工号 the account was invited with, else
 * (accounts invited without one) by home school and name.
 */
export function keyTeacherLookup(
  roster: readonly RosterTeacher[],
  staffNoOf: (openid: string) => string | undefined,
): (d: DutyTeacher) => boolean {
  const byStaffNo = new Map(roster.map((t) => [t.staffNo, t]));
  const keyNames = new Set(roster.filter((t) => t.key).map((t) => personKey(t.schoolId, t.name)));
  return (d) => {
    const staffNo = staffNoOf(d.teacherOpenid);
    const listed = staffNo === undefined ? undefined : byStaffNo.get(staffNo);
    return listed ? listed.key : keyNames.has(personKey(d.homeSchoolId, d.teacherName));
  };
}
