import { z } from 'zod';
import { communityCode, districtCode, entityId, freeText, schoolYear, streetCode } from './fields';
import type { AllianceStage, Stage } from '../domain/stages';
import type { SchoolKind } from '../domain/school';
import type { SourceDocument } from '../domain/xuequ';

/** Function `school`: public lookups for parents (no sign-in needed). */
export const schoolInputs = {
  listDistricts: z.object({}).strict(),
  listDivisions: z.object({ districtCode }).strict(),
  listXuequ: z.object({ districtCode, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期（date）应为YYYY-MM-DD').optional() }).strict(),
  getXuequ: z.object({ xuequId: entityId('xuequId', '学区编号') }).strict(),
  lookup: z
    .object({
      districtCode,
      streetCode: streetCode.optional(),
      communityCode: communityCode.optional(),
      /** Free text: a 社区/街道 name or part of an address. Used for matching only, never stored. */
      address: freeText('address', '地址', 100).optional(),
      schoolName: freeText('schoolName', '学校名称', 40).optional(),
      schoolYear: schoolYear.optional(),
    })
    .strict(),
};

export type SchoolAction = keyof typeof schoolInputs;

export interface DistrictView {
  code: string;
  name: string;
  city: string;
  province: string;
  xuequCount: number;
}

export interface DivisionsView {
  districtCode: string;
  streets: Array<{ code: string; name: string; communities: Array<{ code: string; name: string }> }>;
}

export interface SchoolRef {
  id: string;
  name: string;
  kind: SchoolKind;
  note: string | null;
}

export interface AllianceView {
  stage: AllianceStage;
  stageLabel: string;
  leadTitle: string;
  leads: SchoolRef[];
  members: SchoolRef[];
}

export interface XuequView {
  id: string;
  name: string;
  districtCode: string;
  districtName: string;
  effectiveFrom: string;
  alliances: AllianceView[];
  streets: Array<{ code: string; name: string }>;
  source: SourceDocument;
  sample: boolean;
  streetsSample: boolean;
}

export interface ZonedSchool {
  stage: Stage;
  stageLabel: string;
  school: SchoolRef;
  /** Why: the rule that matched, as written, with its document and year. */
  rule: { text: string; document: SourceDocument; schoolYear: number; sample: boolean };
  reason: string;
}

export interface LookupResult {
  district: { code: string; name: string };
  street: { code: string; name: string } | null;
  community: { code: string; name: string } | null;
  schoolYear: number;
  xuequ: XuequView[];
  zoned: ZonedSchool[];
  /** Schools whose name matched schoolName, with their 学区. */
  schools: Array<{ school: SchoolRef; xuequIds: string[] }>;
  /** Plain-language notes when something could not be decided. */
  notes: string[];
}

export interface SchoolOutputs {
  listDistricts: DistrictView[];
  listDivisions: DivisionsView;
  listXuequ: XuequView[];
  getXuequ: XuequView;
  lookup: LookupResult;
}
