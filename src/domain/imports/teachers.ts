import type { School } from '../school';
import { STAFF_NO, type RosterTeacher } from '../roster';
import { hash, type RawRow, type RowResult } from './common';

/** Rows of the teacher roster: 工号, 姓名, 学校名称, 学科, 骨干教师; keyed by 工号 within a district. */
export const newTeacherId = (districtCode: string, staffNo: string) =>
  `tch-${districtCode}-${hash(`${districtCode}|${staffNo}`)}`;

const KEY_BY_LABEL: Record<string, boolean> = { 是: true, 否: false, '': false };

const sameTeacher = (a: RosterTeacher, b: RosterTeacher) =>
  a.schoolId === b.schoolId && a.name === b.name && a.subject === b.subject && a.key === b.key;

export function validateTeacherRows(
  districtCode: string,
  rows: ReadonlyArray<{ row: number; values: RawRow }>,
  schools: readonly School[],
  existing: readonly RosterTeacher[],
): Array<RowResult<RosterTeacher>> {
  const schoolsByName = new Map(schools.map((s) => [s.name, s]));
  const byStaffNo = new Map(existing.map((t) => [t.staffNo, t]));
  const firstRow = new Map<string, number>();
  return rows.map(({ row, values: v }) => {
    const messages: string[] = [];
    const staffNo = v['工号'] ?? '';
    if (!STAFF_NO.test(staffNo)) messages.push('工号：应为1到32位字母、数字或“-”');
    else if (firstRow.has(staffNo)) messages.push(`工号：与第${firstRow.get(staffNo)}行重复`);
    else firstRow.set(staffNo, row);
    const name = v['姓名'] ?? '';
    if (!name) messages.push('姓名：不能为空');
    else if (Array.from(name).length > 20) messages.push('姓名：不超过20字');
    const school = schoolsByName.get(v['学校名称'] ?? '');
    if (!v['学校名称']) messages.push('学校名称：不能为空');
    else if (!school) messages.push(`学校名称：本区没有“${v['学校名称']}”（请先导入学校）`);
    const subject = v['学科'] ?? '';
    if (Array.from(subject).length > 10) messages.push('学科：不超过10字');
    const key = KEY_BY_LABEL[v['骨干教师'] ?? ''];
    if (key === undefined) messages.push(`骨干教师：应为“是”或“否”（现为“${v['骨干教师']}”）`);
    if (messages.length || !school || key === undefined) return { row, outcome: 'error', messages, doc: null };

    const old = byStaffNo.get(staffNo);
    const doc: RosterTeacher = {
      _id: old?._id ?? newTeacherId(districtCode, staffNo),
      districtCode,
      schoolId: school._id,
      staffNo,
      name,
      subject: subject || null,
      key,
    };
    if (!old) return { row, outcome: 'new', messages: [], doc };
    if (sameTeacher(old, doc)) return { row, outcome: 'unchanged', messages: [], doc: old };
    return { row, outcome: 'changed', messages: [], doc, previous: old };
  });
}

/** Replace mode: the roster entries whose 工号 the file does not list (blank and bad rows count as listed). */
export function rosterLeftOut(
  existing: readonly RosterTeacher[],
  rows: ReadonlyArray<{ values: RawRow }>,
): RosterTeacher[] {
  const listed = new Set(rows.map((r) => (r.values['工号'] ?? '').trim()));
  return existing.filter((t) => !listed.has(t.staffNo));
}

export function teacherToRow(t: RosterTeacher, schoolName: (id: string) => string): string[] {
  return [t.staffNo, t.name, schoolName(t.schoolId), t.subject ?? '', t.key ? '是' : '否'];
}
