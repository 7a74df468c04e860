import type { School } from './school';
import type { SourceDocument } from './xuequ';

/** 对口: the middle school(s) a primary school's pupils go on to, for a school year. */
export interface FeederRule {
  _id: string;
  districtCode: string;
  schoolYear: number;
  primarySchoolId: string;
  middleSchoolIds: string[];
  text: string;
  document: SourceDocument;
  sample: boolean;
}

export interface FeederPath {
  kind: 'nine-year' | 'feeder';
  middleSchoolIds: string[];
  text: string;
  sample: boolean;
  document: SourceDocument | null;
}

/**
 * Where a primary school leads: a 九年一贯 school continues into its own middle section (no rule needed);
 * otherwise the 对口 rule of that year, if any.
 */
export function feederPath(school: School, feeders: readonly FeederRule[], schoolYear: number): FeederPath | null {
  if (school.kind === 'nine-year') {
    return {
      kind: 'nine-year',
      middleSchoolIds: [school._id],
      text: `${school.name}为九年一贯制学校，小学毕业直升本校初中部`,
      sample: false,
      document: null,
    };
  }
  const rule = feeders.find((f) => f.primarySchoolId === school._id && f.schoolYear === schoolYear);
  return rule
    ? {
        kind: 'feeder',
        middleSchoolIds: rule.middleSchoolIds,
        text: rule.text,
        sample: rule.sample,
        document: rule.document,
      }
    : null;
}
