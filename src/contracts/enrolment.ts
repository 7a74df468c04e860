import { z } from 'zod';
import { calendarDate, districtCode, schoolYear } from './fields';
import type { EnrolmentAssessment, EnrolmentRuleSet } from '../domain/enrolment/types';

/** An enum answer whose messages name the field: missing → 缺少…, wrong → the allowed values. */
const choice = <const T extends [string, ...string[]]>(values: T, key: string, label: string, meaning: string) =>
  z.enum(values, {
    errorMap: (issue, ctx) => ({
      message:
        issue.code === 'invalid_type' && ctx.data === undefined
          ? `缺少${label}（${key}）`
          : `${label}（${key}）应为${meaning}`,
    }),
  });
const yesNo = (key: string, label: string) => z.boolean({ invalid_type_error: `${label}（${key}）应为 true 或 false` });

/**
 * A family's answers to the 入学条件 wizard. Only `stage` is always needed; which others are needed
 * depends on the answers (see nextQuestion in src/domain/enrolment); answers that do not matter are ignored.
 */
export const enrolmentAnswers = z
  .object(
    {
      stage: choice(['primary', 'middle'], 'answers.stage', '入学类型', ' primary（小学入学）或 middle（小升初）'),
      hukouInDistrict: yesNo('answers.hukouInDistrict', '户口是否在本区').optional(),
      residencePermit: yesNo('answers.residencePermit', '是否有本区居住证').optional(),
      housing: choice(
        ['own', 'rent', 'none'],
        'answers.housing',
        '住房情况',
        ' own（自有住房）、rent（租房）或 none（都不是）',
      ).optional(),
      hukouAtHome: yesNo('answers.hukouAtHome', '户口是否在自有住房上').optional(),
      primarySchool: choice(
        ['district', 'outside', 'not-yet'],
        'answers.primarySchool',
        '六年级就读情况',
        ' district（本区小学）、outside（外区或外地）或 not-yet（未到六年级）',
      ).optional(),
      birthDate: calendarDate('answers.birthDate', '出生日期').optional(),
    },
    { required_error: '缺少回答（answers）', invalid_type_error: '回答（answers）应为对象' },
  )
  .strict();

/** `school` actions about enrolment rules (招生入学规则) per district and school year. */
export const enrolmentInputs = {
  /** The rule sets (小学入学 and 小升初) of a district for a school year (default: the current one in China). */
  enrolmentRules: z.object({ districtCode, schoolYear: schoolYear.optional() }).strict(),
  /** The same assessment the wizard computes on the client, computed by the function. */
  assessEnrolment: z.object({ districtCode, schoolYear: schoolYear.optional(), answers: enrolmentAnswers }).strict(),
};

export interface EnrolmentRulesView {
  district: { code: string; name: string };
  /** The school year whose 招生 work these rules govern (2026 = 2026—2027学年). */
  schoolYear: number;
  schoolYearLabel: string;
  /** Children start school in September of this year: schoolYear + 1. */
  intakeYear: number;
  /** 2027年秋季入学 */
  intakeLabel: string;
  /** True when any rule set is sample data (shown as 示例数据). */
  sample: boolean;
  /** 小学入学 first, then 小升初. */
  ruleSets: EnrolmentRuleSet[];
  /** Every school year the district has rules for. */
  availableSchoolYears: number[];
}

export interface EnrolmentOutputs {
  enrolmentRules: EnrolmentRulesView;
  assessEnrolment: EnrolmentAssessment;
}
