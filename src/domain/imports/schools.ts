import type { School, SchoolKind } from '../school';
import { stagesOfKind } from '../school';
import { byLabel, hash, KIND_BY_LABEL, label, numberCell, type RawRow, type RowResult } from './common';

/** Rows of the schools table: name, kind, coordinates, teacher count; keyed by name within a district. */
export const schoolKey = (districtCode: string, name: string) => `${districtCode}|${name.trim()}`;
export const newSchoolId = (districtCode: string, name: string) =>
  `sch-${districtCode}-${hash(schoolKey(districtCode, name))}`;

/** A school an import adds by name: nothing known yet but its kind (no coordinates, no teacher count). */
export function newSchool(districtCode: string, name: string, kind: SchoolKind): School {
  return {
    _id: newSchoolId(districtCode, name),
    districtCode,
    name,
    kind,
    stages: stagesOfKind(kind),
    note: null,
    location: null,
    locationSample: false,
    teacherCount: null,
    teacherCountSample: false,
    keyTeacherCount: null,
  };
}

/** What is wrong with a 学校名称 cell, or null. */
export function schoolNameError(name: string): string | null {
  if (!name) return '学校名称：不能为空';
  if (Array.from(name).length > 40) return '学校名称：不超过40字';
  return null;
}

const sameSchool = (a: School, b: School) =>
  a.name === b.name &&
  a.kind === b.kind &&
  a.teacherCount === b.teacherCount &&
  (a.location?.latitude ?? null) === (b.location?.latitude ?? null) &&
  (a.location?.longitude ?? null) === (b.location?.longitude ?? null);

export function validateSchoolRows(
  districtCode: string,
  rows: ReadonlyArray<{ row: number; values: RawRow }>,
  existing: readonly School[],
): Array<RowResult<School>> {
  const byName = new Map(existing.map((s) => [s.name, s]));
  const firstRow = new Map<string, number>();
  return rows.map(({ row, values }) => {
    const messages: string[] = [];
    const name = values['学校名称'] ?? '';
    const nameError = schoolNameError(name);
    if (nameError) messages.push(nameError);
    else if (firstRow.has(name)) messages.push(`学校名称：与第${firstRow.get(name)}行重复`);
    else firstRow.set(name, row);
    const kind = byLabel(KIND_BY_LABEL, values['学段']);
    if (!kind) messages.push(`学段：应为小学、初中或九年一贯制（现为“${values['学段'] ?? ''}”）`);
    const lat = numberCell(values['纬度']);
    const lng = numberCell(values['经度']);
    if (lat !== null && !(lat >= 3 && lat <= 54)) messages.push('纬度：应为3到54之间的数字（中国境内）');
    if (lng !== null && !(lng >= 73 && lng <= 136)) messages.push('经度：应为73到136之间的数字（中国境内）');
    if ((lat === null) !== (lng === null)) messages.push('纬度、经度：应同时填写或同时留空');
    const teachers = numberCell(values['教师人数']);
    if (teachers !== null && !(Number.isInteger(teachers) && teachers >= 0 && teachers <= 5000))
      messages.push('教师人数：应为0到5000之间的整数');
    if (messages.length || !kind) return { row, outcome: 'error', messages, doc: null };

    const old = byName.get(name);
    const location = lat !== null && lng !== null ? { latitude: lat, longitude: lng } : null;
    const doc: School = {
      ...newSchool(districtCode, name, kind),
      _id: old?._id ?? newSchoolId(districtCode, name),
      note: old?.note ?? null,
      location,
      teacherCount: teachers,
      keyTeacherCount: old?.keyTeacherCount ?? null,
    };
    if (!old) return { row, outcome: 'new', messages: [], doc };
    if (sameSchool(old, doc)) return { row, outcome: 'unchanged', messages: [], doc: old };
    // Only what the file gives counts as imported; sample flags stay on the columns it leaves as they were.
    const keep = {
      locationSample:
        (old.location?.latitude ?? null) === lat && (old.location?.longitude ?? null) === lng
          ? old.locationSample
          : false,
      teacherCountSample: old.teacherCount === teachers ? old.teacherCountSample : false,
    };
    return { row, outcome: 'changed', messages: [], doc: { ...doc, ...keep }, previous: old };
  });
}

export function schoolToRow(s: School): string[] {
  return [
    s.name,
    label(KIND_BY_LABEL, s.kind),
    s.location ? String(s.location.latitude) : '',
    s.location ? String(s.location.longitude) : '',
    s.teacherCount === null ? '' : String(s.teacherCount),
  ];
}
