import { z } from 'zod';
import {
  TEXT_MAX,
  calendarDate,
  communityCode,
  districtCode,
  entityId,
  freeText,
  requestId,
  schoolYear,
  streetCode,
} from './fields';
import { named } from './messages';
import type { AllianceStage, Stage } from '../domain/stages';
import type { SchoolKind } from '../domain/school';
import type { SourceDocument } from '../domain/xuequ';
import type { MatchReason } from '../domain/zoning-match';
import type { StageAnswer } from '../domain/answer';
import type { FamilyQuestion } from '../domain/admission';
import { enrolmentInputs, type EnrolmentOutputs } from './enrolment';
import { policyInputs, type PolicyOutputs } from './policy';
import { paging } from './approval';

/** Longest address a parent may type (lookup and 请学校确认); the input fields take their maxlength from it. */
export const ADDRESS_MAX = 100;

/** Function `school`: public lookups for parents (no sign-in needed). */
export const schoolInputs = {
  listDistricts: z.object({}).strict(),
  listDivisions: z.object({ districtCode }).strict(),
  listXuequ: z.object({ districtCode, date: calendarDate('date', '日期').optional() }).strict(),
  getXuequ: z.object({ xuequId: entityId('xuequId', '学区编号') }).strict(),
  lookup: z
    .object({
      districtCode,
      streetCode: streetCode.optional(),
      communityCode: communityCode.optional(),
      /** Free text: a 社区/街道 name or part of an address. Used for matching only, never stored. */
      address: freeText('address', '地址', ADDRESS_MAX).optional(),
      schoolName: freeText('schoolName', '学校名称', 40).optional(),
      schoolYear: schoolYear.optional(),
      /** What the family told, only when the answer asked (questions); used for the answer, never stored. */
      family: z
        .object({
          homeAcquired: calendarDate('family.homeAcquired', '房产取得日期', {
            from: '1949-10-01',
            to: '2100-12-31',
          }).optional(),
          placeUsedRecently: z.boolean(named('family.placeUsedRecently', '是否已使用入学名额')).optional(),
          hukouAtAddress: z.boolean(named('family.hukouAtAddress', '户籍是否在该地址')).optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  getSchool: z.object({ schoolId: entityId('schoolId', '学校编号') }).strict(),
  /** 请学校确认: a parent whose address matched no rule, or several, asks the school. */
  askSchool: z
    .object({
      /** Client-generated, so a retried submission is stored once. */
      requestId,
      districtCode,
      schoolId: entityId('schoolId', '学校编号').optional(),
      communityCode: communityCode.optional(),
      address: freeText('address', '地址', ADDRESS_MAX).min(2, '请填写地址（address）'),
      contactName: freeText('contactName', '联系人', TEXT_MAX.contactName).min(1, '请填写联系人（contactName）'),
      phone: z
        .string({ required_error: '请填写手机号（phone）', invalid_type_error: '手机号（phone）应为文本' })
        .regex(/^1\d{10}$/, '手机号（phone）应为11位数字'),
      question: freeText('question', '问题', TEXT_MAX.question).optional(),
    })
    .strict(),
  /** Newest first, a page at a time: `cursor` is the `next` of the previous page. */
  myInquiries: z.object({ ...paging }).strict(),
  /** The 请学校确认 questions for the caller's school (the bureau: those naming no school), pending or answered. */
  inquiryInbox: z
    .object({
      status: z
        .enum(['pending', 'answered'], { errorMap: () => ({ message: '列表（status）应为 pending 或 answered' }) })
        .optional(),
      ...paging,
    })
    .strict(),
  answerInquiry: z
    .object({
      id: entityId('id', '咨询编号'),
      answer: freeText('answer', '答复', TEXT_MAX.answer).min(2, '请填写答复（answer）'),
    })
    .strict(),
  ...enrolmentInputs,
  ...policyInputs,
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
  /** 学区 list and detail: changes of this 学区 recorded with a future effective date, soonest first. */
  upcoming?: XuequUpcomingView[];
}

export interface ZonedSchool {
  stage: Stage;
  stageLabel: string;
  school: SchoolRef;
  /** Why: the rule that matched, as written, with its document and year. */
  rule: { id: string; kind: MatchReason; text: string; document: SourceDocument; schoolYear: number; sample: boolean };
  reason: string;
  /** How the list that matched gives places (单校划片 / 多校划片); null when it does not say. */
  mechanism: 'single' | 'multi' | null;
  /** Where a zoned primary school leads: 对口 middle school(s) or its own 九年一贯 middle section. */
  feeder: { kind: 'feeder' | 'nine-year'; schools: SchoolRef[]; text: string; sample: boolean } | null;
}

export interface YearZoning {
  /** The intake year (September of that year); named schoolYear on the wire since the first release. */
  schoolYear: number;
  /** e.g. 2027年秋季入学 · 2020-09-01至2021-08-31出生 */
  label: string;
  zoned: ZonedSchool[];
  /** Stages with more than one candidate school that no 多校划片 explains: ask the school to confirm. */
  ambiguous: Stage[];
  /** One statement per stage (primary, then middle): the mechanism and what it means for this family. */
  answers: StageAnswer[];
  /** For a list other than the asked intake's: what differs from it, in plain Chinese. */
  changes: string[];
}

export interface ZoningHistoryEntry {
  schoolYear: number;
  label: string;
  schools: Record<Stage, string[]>;
  /** What changed from the previous year, in plain Chinese; empty when nothing did. */
  changes: string[];
}

export interface LookupResult {
  district: { code: string; name: string };
  street: { code: string; name: string } | null;
  community: { code: string; name: string } | null;
  /** The asked intake (default: the next one, whose registration is ahead). */
  schoolYear: number;
  xuequ: XuequView[];
  /** The schools the place is zoned to for the asked intake. */
  zoned: ZonedSchool[];
  /** The asked intake first; the current list beside it only when it differs (with what changed). */
  years: YearZoning[];
  /** The place's zoning in every school year on record, with what changed. */
  history: ZoningHistoryEntry[];
  /** True when no rule or several matched: offer 请学校确认. */
  canAskSchool: boolean;
  /** Schools whose name matched schoolName, with their 学区. */
  schools: Array<{ school: SchoolRef; xuequIds: string[] }>;
  /** Plain-language notes when something could not be decided. */
  notes: string[];
  /** 学区 composition changes after today for the zoned / named schools (or the 街道), with the 学区 then. */
  upcoming: UpcomingXuequChange[];
  /** Questions about the family that would change this answer (the district's rules); empty when none. */
  questions: FamilyQuestion[];
}

export interface UpcomingXuequChange {
  effectiveFrom: string;
  /** effectiveFrom as parents read it: 2027年9月1日. */
  dateLabel: string;
  /** e.g. 华英中学由第一学区划入第二学区 (本校 on the school's own page). */
  changes: string[];
  /** The 学区 of those schools / that 街道 from effectiveFrom. */
  xuequ: XuequView[];
  /** What decided the change, as shown to parents (the document as entered, or 未附文件). */
  sources: string[];
}

/** A change recorded for one 学区 with a future effective date (China time). */
export interface XuequUpcomingView {
  effectiveFrom: string;
  dateLabel: string;
  changes: string[];
  sources: string[];
}

export interface SchoolProfile {
  school: SchoolRef & { stages: Stage[] };
  districtName: string;
  /** Each 学区 the school belongs to, with its role there. */
  memberships: Array<{
    xuequId: string;
    xuequName: string;
    role: 'lead' | 'member';
    roleLabel: string;
    stageLabel: string;
  }>;
  /** Other schools of the same 学区, with their coordinates when known. */
  neighbours: Array<SchoolRef & { location: { latitude: number; longitude: number } | null }>;
  feeder: ZonedSchool['feeder'];
  location: { latitude: number; longitude: number; sample: boolean } | null;
  /** 招生范围: the school's published 登记范围 for the next intake (or the latest before it), verbatim. */
  catchments: Array<{
    intakeYear: number;
    stageLabel: string;
    mechanismLabel: string;
    text: string;
    document: SourceDocument;
    sample: boolean;
  }>;
  /** Composition changes after today that concern this school (本校), with the 学区 then and the source. */
  upcoming: UpcomingXuequChange[];
}

export interface InquiryView {
  id: string;
  districtCode: string;
  schoolName: string | null;
  address: string;
  question: string | null;
  status: 'pending' | 'answered';
  answer: string | null;
  createdAt: string;
}

export type InboxInquiryView = InquiryView & { contactName: string; phone: string; communityName: string | null };

/** One page of a list, newest first; `next` (null on the last page) fetches the following one. */
export interface InquiryPage<T> {
  items: T[];
  next: string | null;
}

export interface SchoolOutputs extends EnrolmentOutputs, PolicyOutputs {
  getSchool: SchoolProfile;
  askSchool: { id: string; duplicate: boolean };
  myInquiries: InquiryPage<InquiryView>;
  inquiryInbox: InquiryPage<InboxInquiryView>;
  answerInquiry: InquiryView;
  listDistricts: DistrictView[];
  listDivisions: DivisionsView;
  listXuequ: XuequView[];
  getXuequ: XuequView;
  lookup: LookupResult;
}
