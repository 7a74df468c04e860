import type { Stage } from '../stages';
import type { SourceDocument } from '../xuequ';

/**
 * Enrolment rules (招生入学规则) of one district, one school year and one stage.
 *
 * Years: the 招生 work of school year N (e.g. the 2026—2027学年, Sept 2026 – Aug 2027) admits children
 * into school in September of N + 1, the `intakeYear`. A parent asking on 2026-11-23 is in school year
 * 2026 and wants the autumn 2027 intake: registration in spring 2027, 报到 on 1 September 2027.
 */
export interface EnrolmentRuleSet {
  id: string;
  districtCode: string;
  districtName: string;
  /** The school year in which the 招生 work happens (named by the year it starts). */
  schoolYear: number;
  /** The September the children start school: always schoolYear + 1. */
  intakeYear: number;
  stage: Stage;
  /** True: not a published rule set. Every rule set in data/enrolment-rules.json is sample data. */
  sample: boolean;
  /** What of this rule set is invented, in one sentence for people. */
  sampleNote: string;
  /** Parts that do come from a seed document, with the words of the document. */
  sources: RuleSource[];
  /** Principle of placement (就近入学 / 对口入学), shown on the result. */
  principle: string;
  /** 满 minAge 周岁 on month/day of the intake year; null for 小升初 (decided by grade, not age). */
  ageCutoff: AgeCutoff | null;
  /** Most pupils per class in the new grade. */
  classCap: number;
  /** Reasons a family cannot be admitted in this intake; checked before the categories. */
  exclusions: CategoryRule[];
  /** Admission categories in priority order (第一类 first). */
  categories: CategoryRule[];
  timeline: TimelineRule[];
  notes: string[];
}

export interface AgeCutoff {
  minAge: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** A part of a rule set backed by a seed document. */
export interface RuleSource {
  /** Which part: classCap, fiveCertificates, principle, articulation … */
  part: string;
  /** The part in Chinese, e.g. 班额上限. */
  label: string;
  document: SourceDocument & { seed: string };
  /** The sentence of the document the part rests on. */
  quote: string;
}

/** Conditions on the answers: every key given must match (a list = one of). */
export interface CategoryCondition {
  hukouInDistrict?: boolean;
  residencePermit?: boolean;
  housing?: Housing[];
  hukouAtHome?: boolean;
  primarySchool?: PrimarySchool[];
}

export interface CategoryRule {
  code: string;
  /** 第一类 … or 暂不符合. */
  label: string;
  /** The family situation in a few words, e.g. 本区户籍，人户一致. */
  title: string;
  when: CategoryCondition;
  eligible: boolean;
  /** Where the child is placed (对口划片学校 / 统筹安排) or what to do instead. */
  placement: string;
  /** Why the family falls in this category. */
  why: string;
  checklist: ChecklistItem[];
}

export interface ChecklistItem {
  id: string;
  name: string;
  /** Why the school asks for it. */
  why: string;
  /** One of the 五证 of 随迁子女. */
  fiveCertificates: boolean;
  /** 'seed' when the seeds name the item, 'practice' when it follows common practice. */
  basis: 'seed' | 'practice';
}

export interface TimelineRule {
  step: string;
  /** YYYY-MM-DD, China calendar dates, inclusive. */
  from: string;
  to: string;
  detail: string;
}

export type Housing = 'own' | 'rent' | 'none';
export type PrimarySchool = 'district' | 'outside' | 'not-yet';

/** A family's answers to the wizard; questions not relevant to earlier answers stay unanswered. */
export interface EnrolmentAnswers {
  stage?: Stage;
  hukouInDistrict?: boolean;
  /** Only when 户籍 is not in the district. */
  residencePermit?: boolean;
  housing?: Housing;
  /** Only for a 本区户籍 family in its own home: is the 户口 registered at that home (人户一致)? */
  hukouAtHome?: boolean;
  /** 小升初 only: where the child is in 六年级. */
  primarySchool?: PrimarySchool;
  /** 小学入学 only: YYYY-MM-DD. */
  birthDate?: string;
}

export type QuestionId = keyof EnrolmentAnswers;
export type TimelineStatus = 'past' | 'current' | 'upcoming';

export interface AgeCheck {
  cutoffDate: string;
  /** Whole years of age on the cut-off date. */
  childAgeOnCutoff: number;
  ok: boolean;
  /** The first intake (September of that year) the child is old enough for. */
  firstIntakeYear: number;
  message: string;
}

export interface TimelineEntry extends TimelineRule {
  status: TimelineStatus;
}

export interface EnrolmentAssessment {
  ruleSetId: string;
  districtCode: string;
  districtName: string;
  schoolYear: number;
  intakeYear: number;
  stage: Stage;
  /** Today in the zone of the assessment (YYYY-MM-DD). */
  today: string;
  category: {
    code: string;
    label: string;
    title: string;
    why: string;
    placement: string;
    eligible: boolean;
    priority: number | null;
  };
  /** Category eligible and (for 小学) old enough. */
  eligible: boolean;
  checklist: ChecklistItem[];
  /** True when the checklist is the 五证 of 随迁子女 (plus what every child needs). */
  fiveCertificates: boolean;
  ageCheck: AgeCheck | null;
  classCap: number;
  principle: string;
  timeline: TimelineEntry[];
  /** One sentence: which step is on now, or which comes next and when. */
  timelineSummary: string;
  notes: string[];
  sample: boolean;
  sampleNote: string;
  sources: RuleSource[];
}
