import type { z } from 'zod';
import type { ActionContext, ActionRuns } from '@/server/handler';
import type { enrolmentInputs, EnrolmentOutputs, EnrolmentRulesView } from '@/contracts/enrolment';
import { AppError } from '@/server/errors';
import { CHINA_ZONE, schoolYearLabel } from '@/domain/time';
import {
  assessEligibility,
  EnrolmentAnswerError,
  enrolmentSchoolYearAt,
  intakeYearOf,
  resolveRuleFile,
  ruleSetsFor,
  schoolYearsOf,
  type EnrolmentAssessment,
  type EnrolmentRuleFile,
  type EnrolmentRuleSet,
} from '@/domain/enrolment';
import ruleFile from '../../../../data/enrolment-rules.json';

// The rules are reference data shipped in the bundle (a few KB of sample data); resolved once per instance.
let resolved: EnrolmentRuleSet[] | null = null;
const allRuleSets = () => (resolved ??= resolveRuleFile(ruleFile as unknown as EnrolmentRuleFile));

/** The rule sets of a district for a school year (default: the current one in China), or NOT_FOUND. */
export function enrolmentRules(
  input: { districtCode: string; schoolYear?: number },
  ctx: ActionContext,
): EnrolmentRulesView {
  const sets = allRuleSets();
  const years = schoolYearsOf(sets, input.districtCode);
  if (years.length === 0)
    throw new AppError('NOT_FOUND', '未找到该区县的入学规则，目前只有河东区、海沧区、东城区的规则', 'districtCode');
  const schoolYear = input.schoolYear ?? enrolmentSchoolYearAt(ctx.now, CHINA_ZONE);
  const ruleSets = ruleSetsFor(sets, input.districtCode, schoolYear);
  const name = sets.find((s) => s.districtCode === input.districtCode)!.districtName;
  if (ruleSets.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      `暂无${name}${schoolYearLabel(schoolYear)}的入学规则（已有：${years.map(schoolYearLabel).join('、')}），请以区教育局公布为准`,
      'schoolYear',
    );
  }
  const intakeYear = intakeYearOf(schoolYear);
  return {
    district: { code: input.districtCode, name },
    schoolYear,
    schoolYearLabel: schoolYearLabel(schoolYear),
    intakeYear,
    intakeLabel: `${intakeYear}年秋季入学`,
    sample: ruleSets.some((s) => s.sample),
    ruleSets,
    availableSchoolYears: years,
  };
}

type AssessInput = z.output<(typeof enrolmentInputs)['assessEnrolment']>;

/** The wizard's assessment computed by the function with the same domain code, in China time. */
export function assessEnrolment(input: AssessInput, ctx: ActionContext): EnrolmentAssessment {
  const view = enrolmentRules({ districtCode: input.districtCode, schoolYear: input.schoolYear }, ctx);
  const rules = view.ruleSets.find((s) => s.stage === input.answers.stage);
  if (!rules) throw new AppError('NOT_FOUND', `暂无${view.district.name}该学段的入学规则`, 'answers.stage');
  try {
    return assessEligibility(rules, input.answers, ctx.now, CHINA_ZONE);
  } catch (err) {
    if (err instanceof EnrolmentAnswerError) throw new AppError('INVALID_INPUT', err.message, err.field);
    throw err;
  }
}

export const enrolmentRuns: ActionRuns<typeof enrolmentInputs, EnrolmentOutputs> = {
  enrolmentRules: async (input, ctx) => enrolmentRules(input, ctx),
  assessEnrolment: async (input, ctx) => assessEnrolment(input, ctx),
};
