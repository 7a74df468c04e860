import type { SourceDocument } from './xuequ';
import type { Stage } from './stages';

/** A 划片 rule: which school(s) a 社区 is zoned to for one stage in one school year. */
export interface ZoningRule {
  _id: string;
  districtCode: string;
  schoolYear: number;
  stage: Stage;
  communityCode: string;
  schoolIds: string[];
  /** The rule as the document words it. */
  text: string;
  document: SourceDocument;
  /** Generated sample data, not a published rule: shown as 示例数据. */
  sample: boolean;
}

/** The rules of a 社区 for a school year, primary before middle school; empty when nothing is zoned. */
export function rulesForCommunity(rules: readonly ZoningRule[], communityCode: string, schoolYear: number): ZoningRule[] {
  return rules
    .filter((r) => r.communityCode === communityCode && r.schoolYear === schoolYear)
    .sort((a, b) => (a.stage === b.stage ? a._id.localeCompare(b._id) : a.stage === 'primary' ? -1 : 1));
}
