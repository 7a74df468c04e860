import { daysFrom, localDate } from '../time';
import { STAGE_LABELS } from '../stages';
import { birthDateProblem, formatChineseDate, nextQuestion, pruneAnswers } from './questions';
import type {
  AgeCheck,
  AgeCutoff,
  CategoryCondition,
  CategoryRule,
  EnrolmentAnswers,
  EnrolmentAssessment,
  EnrolmentRuleSet,
  TimelineEntry,
  TimelineRule,
  TimelineStatus,
} from './types';

/** Answers that cannot be assessed: names the answer at fault (answers.<id>) in Chinese. */
export class EnrolmentAnswerError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** Whole years of age on a date (both YYYY-MM-DD): born 2021-08-31 is 满6周岁 on 2027-08-31. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [oy, om, od] = parts(onDate);
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

/** Days from one calendar date to another (YYYY-MM-DD), whatever zone the process runs in. */
export function daysBetween(from: string, to: string): number {
  return daysFrom(from, to);
}

/** The age check of 小学入学: 满 minAge 周岁 on the cut-off date of the intake year. */
export function checkAge(
  cutoff: AgeCutoff,
  intakeYear: number,
  birthDate: string,
): AgeCheck & { latestBirthDate: string } {
  const cutoffDate = `${intakeYear}-${pad(cutoff.month)}-${pad(cutoff.day)}`;
  const latestBirthDate = `${intakeYear - cutoff.minAge}-${pad(cutoff.month)}-${pad(cutoff.day)}`;
  const age = ageOn(birthDate, cutoffDate);
  const [by, bm, bd] = parts(birthDate);
  const bornByCutoffDay = bm < cutoff.month || (bm === cutoff.month && bd <= cutoff.day);
  const firstIntakeYear = by + cutoff.minAge + (bornByCutoffDay ? 0 : 1);
  const ok = age >= cutoff.minAge;
  const born = `孩子${formatChineseDate(birthDate)}出生`;
  const cut = formatChineseDate(cutoffDate);
  const rule = `${intakeYear}年秋季入学须在${formatChineseDate(latestBirthDate)}及以前出生`;
  const message = ok
    ? `${born}，到${cut}已满${age}周岁，符合年龄要求（${rule}）`
    : `${born}，到${cut}未满${cutoff.minAge}周岁（${rule}），可在${firstIntakeYear}年秋季入学`;
  return { cutoffDate, latestBirthDate, childAgeOnCutoff: age, ok, firstIntakeYear, message };
}

/** Where today (in the zone) stands against a step: before it, within it (inclusive), or after it. */
export function stepStatus(step: Pick<TimelineRule, 'from' | 'to'>, today: string): TimelineStatus {
  if (today < step.from) return 'upcoming';
  if (today > step.to) return 'past';
  return 'current';
}

/** The timeline with each step's status relative to now, judged by the calendar date in the zone. */
export function timelineAt(timeline: readonly TimelineRule[], nowMs: number, zone: string): TimelineEntry[] {
  const today = localDate(nowMs, zone);
  return timeline.map((t) => ({ ...t, status: stepStatus(t, today) }));
}

/** 2027年5月10日至5月31日; one day: 2027年9月1日. */
export function dateSpan(t: Pick<TimelineRule, 'from' | 'to'>): string {
  if (t.from === t.to) return formatChineseDate(t.from);
  const to = formatChineseDate(t.to);
  return `${formatChineseDate(t.from)}至${t.from.slice(0, 4) === t.to.slice(0, 4) ? to.replace(/^\d+年/, '') : to}`;
}

/** One sentence for people: the step on now, else the next one and how many days away, else done. */
export function timelineSummary(entries: readonly TimelineEntry[], today: string): string {
  const current = entries.filter((e) => e.status === 'current');
  if (current.length > 0)
    return `现在是“${current.map((e) => e.step).join('、')}”阶段（${current.map(dateSpan).join('；')}）`;
  const next = entries.find((e) => e.status === 'upcoming');
  if (next) {
    const days = daysBetween(today, next.from);
    return `下一步：${next.step}，${formatChineseDate(next.from)}开始${days === 1 ? '（明天）' : `，还有${days}天`}`;
  }
  const last = entries[entries.length - 1];
  return last ? `本次招生各阶段已结束（最后一步：${last.step}，${dateSpan(last)}）` : '暂无时间安排';
}

/** Whether the answers meet a category's conditions (an unanswered condition does not match). */
export function meets(when: CategoryCondition, answers: EnrolmentAnswers): boolean {
  return (Object.keys(when) as Array<keyof CategoryCondition>).every((key) => {
    const want = when[key];
    const got = answers[key];
    if (got === undefined) return false;
    return Array.isArray(want) ? (want as unknown[]).includes(got) : want === got;
  });
}

/** The category of a family: the first exclusion that applies, else the first category in priority order. */
export function categoryOf(
  rules: EnrolmentRuleSet,
  answers: EnrolmentAnswers,
): { rule: CategoryRule; priority: number | null } | null {
  const excluded = rules.exclusions.find((c) => meets(c.when, answers));
  if (excluded) return { rule: excluded, priority: null };
  const i = rules.categories.findIndex((c) => meets(c.when, answers));
  return i >= 0 ? { rule: rules.categories[i], priority: i + 1 } : null;
}

/** The first reason the answers cannot be assessed against these rules, or null. */
export function answersProblem(
  rules: EnrolmentRuleSet,
  answers: EnrolmentAnswers,
  nowMs: number,
  zone: string,
): EnrolmentAnswerError | null {
  if (answers.stage !== undefined && answers.stage !== rules.stage) {
    return new EnrolmentAnswerError(
      'answers.stage',
      `入学类型（stage）与规则不符：这是${STAGE_LABELS[rules.stage]}的规则`,
    );
  }
  const kept = pruneAnswers(answers);
  const missing = nextQuestion(kept);
  if (missing) return new EnrolmentAnswerError(`answers.${missing.id}`, `请先回答：${missing.title}（${missing.id}）`);
  if (kept.birthDate !== undefined) {
    const problem = birthDateProblem(kept.birthDate, nowMs, zone);
    if (problem) return new EnrolmentAnswerError('answers.birthDate', problem);
  }
  return null;
}

/**
 * What the rules say for a family: its category and why, the documents to bring (the 五证 for 随迁子女),
 * the age check on the cut-off date, the class cap, and the timeline with each step's status today.
 * Every date is judged in `zone` (Asia/Shanghai for the product). Throws EnrolmentAnswerError when an
 * answer is missing or wrong; answers that do not matter are ignored.
 */
export function assessEligibility(
  rules: EnrolmentRuleSet,
  input: EnrolmentAnswers,
  nowMs: number,
  zone: string,
): EnrolmentAssessment {
  const answers = pruneAnswers({ ...input, stage: input.stage ?? rules.stage });
  const problem = answersProblem(rules, answers, nowMs, zone);
  if (problem) throw problem;
  const today = localDate(nowMs, zone);
  const found = categoryOf(rules, answers);
  const notes: string[] = [];

  const category = found
    ? {
        code: found.rule.code,
        label: found.rule.label,
        title: found.rule.title,
        why: found.rule.why,
        placement: found.rule.placement,
        eligible: found.rule.eligible,
        priority: found.priority,
      }
    : {
        code: 'unknown',
        label: '待咨询',
        title: '情况特殊',
        why: '规则中没有与您的情况对应的类别',
        placement: `请向${rules.districtName}教育局咨询`,
        eligible: false,
        priority: null,
      };
  const checklist = found ? found.rule.checklist : [];

  let ageCheck: AgeCheck | null = null;
  if (rules.ageCutoff && answers.birthDate) {
    const { latestBirthDate: _latest, ...check } = checkAge(rules.ageCutoff, rules.intakeYear, answers.birthDate);
    ageCheck = check;
    if (check.childAgeOnCutoff >= rules.ageCutoff.minAge + 2) {
      notes.push(
        `孩子到${formatChineseDate(check.cutoffDate)}已满${check.childAgeOnCutoff}周岁，年龄偏大；如曾办理缓学或有其他情况，请在登记时向学校说明`,
      );
    }
  }

  const timeline = timelineAt(rules.timeline, nowMs, zone);
  if (rules.timeline.length > 0 && timeline.every((t) => t.status === 'past')) {
    notes.push(`${rules.intakeYear}年秋季的招生已结束，下一年的规则公布后再来查看`);
  }
  notes.push(...rules.notes);

  return {
    ruleSetId: rules.id,
    districtCode: rules.districtCode,
    districtName: rules.districtName,
    schoolYear: rules.schoolYear,
    intakeYear: rules.intakeYear,
    stage: rules.stage,
    today,
    category,
    eligible: category.eligible && (ageCheck ? ageCheck.ok : true),
    checklist,
    fiveCertificates: checklist.some((i) => i.fiveCertificates),
    ageCheck,
    classCap: rules.classCap,
    principle: rules.principle,
    timeline,
    timelineSummary: timelineSummary(timeline, today),
    notes,
    sample: rules.sample,
    sampleNote: rules.sampleNote,
    sources: rules.sources,
  };
}
