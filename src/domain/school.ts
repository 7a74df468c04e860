import type { Stage } from './stages';

export type SchoolKind = 'primary' | 'middle' | 'nine-year';

export interface School {
  _id: string;
  districtCode: string;
  name: string;
  kind: SchoolKind;
  stages: Stage[];
  /** What the document adds to the name, e.g. 项目名称 (a school still being built). */
  note: string | null;
  /** GCJ-02 coordinates (what Taro.getLocation and the map use); null when unknown. */
  location: { latitude: number; longitude: number } | null;
  /** True when the coordinates are invented sample data (the seeds give none). */
  locationSample: boolean;
  /** Teachers on the staff (the base of the rotation share); null when not registered. */
  teacherCount: number | null;
  /** True when teacherCount is invented sample data (the seeds give none). */
  teacherCountSample: boolean;
  /** 骨干教师 on the staff (target: all of them in exchange, seed 001); null when not registered. */
  keyTeacherCount: number | null;
}

/** Stages a school teaches, by kind: a 九年一贯 school teaches both. */
export function stagesOfKind(kind: SchoolKind): Stage[] {
  return kind === 'nine-year' ? ['primary', 'middle'] : [kind];
}

/** The kind of a school that teaches these stages: both make it a 九年一贯 school. */
export function kindOfStages(stages: readonly Stage[]): SchoolKind {
  const primary = stages.includes('primary');
  const middle = stages.includes('middle');
  return primary && middle ? 'nine-year' : middle ? 'middle' : 'primary';
}

export const SCHOOL_KIND_LABELS: Record<SchoolKind, string> = {
  primary: '小学',
  middle: '初中',
  'nine-year': '九年一贯制',
};
