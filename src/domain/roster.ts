/**
 * The district's teacher roster (教师名册), imported by the bureau. It is what makes the dashboard's
 * denominators real: a school with roster entries counts its teachers and 骨干教师 from them, and a
 * duty's teacher is a 骨干教师 when the roster lists the same name at the same home school.
 */
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

/** Whether a teacher (by home school and name) is a 骨干教师 of the roster. */
export function keyTeacherLookup(roster: readonly RosterTeacher[]): (schoolId: string, name: string) => boolean {
  const keys = new Set(roster.filter((t) => t.key).map((t) => personKey(t.schoolId, t.name)));
  return (schoolId, name) => keys.has(personKey(schoolId, name));
}
