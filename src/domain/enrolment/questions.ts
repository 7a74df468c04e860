import { DATE_RE, isCalendarDate, localDate } from '../time';
import type { EnrolmentAnswers, QuestionId } from './types';

export interface QuestionOption {
  value: string | boolean;
  label: string;
  hint?: string;
}

export interface Question {
  id: QuestionId;
  title: string;
  hint: string;
  kind: 'choice' | 'date';
  options: QuestionOption[];
  /** Whether the question matters, given the answers so far. */
  relevant(answers: EnrolmentAnswers): boolean;
}

const yesNo = (yes: string, no: string): QuestionOption[] => [
  { value: true, label: yes },
  { value: false, label: no },
];

/**
 * Every question of the wizard, in the order asked. Each is asked only when it can change the result;
 * the wizard asks the first relevant question not yet answered (see nextQuestion).
 */
export const QUESTIONS: readonly Question[] = [
  {
    id: 'stage',
    title: '孩子要办理哪一种入学？',
    hint: '上一年级选“小学入学”，六年级毕业升初中选“小升初”',
    kind: 'choice',
    options: [
      { value: 'primary', label: '小学入学', hint: '上一年级' },
      { value: 'middle', label: '小升初', hint: '小学毕业升初中' },
    ],
    relevant: () => true,
  },
  {
    id: 'primarySchool',
    title: '孩子现在在哪里读六年级？',
    hint: '小升初在小学六年级毕业的那年夏天办理',
    kind: 'choice',
    options: [
      { value: 'district', label: '在本区的小学', hint: '学籍在本区' },
      { value: 'outside', label: '在外区或外地的小学' },
      { value: 'not-yet', label: '还没到六年级' },
    ],
    relevant: (a) => a.stage === 'middle',
  },
  {
    id: 'hukouInDistrict',
    title: '孩子的户口在本区吗？',
    hint: '看户口簿上孩子的户籍地址是否在本区',
    kind: 'choice',
    options: yesNo('在本区', '不在本区（外区或外地户口）'),
    // A child not yet in 六年级 has nothing to register this year: nothing else matters.
    relevant: (a) => a.primarySchool !== 'not-yet',
  },
  {
    id: 'residencePermit',
    title: '父母有本区的居住证吗？',
    hint: '父亲或母亲一方持有本区公安机关发放、在有效期内的居住证',
    kind: 'choice',
    options: yesNo('有居住证', '没有居住证'),
    relevant: (a) => a.hukouInDistrict === false,
  },
  {
    id: 'housing',
    title: '家里在本区住的是什么房子？',
    hint: '按实际居住的房子选择',
    kind: 'choice',
    options: [
      { value: 'own', label: '自己家的房子', hint: '房产证在父母或孩子名下' },
      { value: 'rent', label: '租的房子', hint: '有租赁合同' },
      { value: 'none', label: '都不是', hint: '如借住亲友家、住在外区' },
    ],
    // Without a 居住证, a family from outside the district cannot register: the home does not matter.
    relevant: (a) => a.hukouInDistrict === true || a.residencePermit === true,
  },
  {
    id: 'hukouAtHome',
    title: '孩子的户口就落在这套房子上吗？',
    hint: '户口簿地址和房产证地址是同一处，叫“人户一致”',
    kind: 'choice',
    options: yesNo('是，同一个地址', '不是，户口在别处'),
    relevant: (a) => a.hukouInDistrict === true && a.housing === 'own',
  },
  {
    id: 'birthDate',
    title: '孩子的出生日期是哪天？',
    hint: '按出生医学证明或户口簿上的日期',
    kind: 'date',
    options: [],
    relevant: (a) => a.stage === 'primary',
  },
];

const QUESTION_BY_ID = new Map(QUESTIONS.map((q) => [q.id, q]));

export function questionById(id: QuestionId): Question {
  return QUESTION_BY_ID.get(id)!;
}

/** Keeps only the answers that matter given the earlier ones (a changed answer can make later ones moot). */
export function pruneAnswers(answers: EnrolmentAnswers): EnrolmentAnswers {
  const kept: EnrolmentAnswers = {};
  for (const q of QUESTIONS) {
    const value = answers[q.id];
    if (value === undefined || !q.relevant(kept)) continue;
    (kept as Record<string, unknown>)[q.id] = value;
  }
  return kept;
}

/** The next question to ask, or null when every relevant question is answered. */
export function nextQuestion(answers: EnrolmentAnswers): Question | null {
  const kept = pruneAnswers(answers);
  return QUESTIONS.find((q) => kept[q.id] === undefined && q.relevant(kept)) ?? null;
}

/** The questions answered so far, in the order asked (for a back button and an answers summary). */
export function answeredQuestions(answers: EnrolmentAnswers): Question[] {
  const kept = pruneAnswers(answers);
  return QUESTIONS.filter((q) => kept[q.id] !== undefined);
}

/** Answers without the last one answered: one step back in the wizard. */
export function stepBack(answers: EnrolmentAnswers): EnrolmentAnswers {
  const answered = answeredQuestions(answers);
  const kept = pruneAnswers(answers);
  if (answered.length === 0) return kept;
  const { [answered[answered.length - 1].id]: _dropped, ...rest } = kept;
  return rest;
}

/** The label of an answer, for the summary (是/否 questions show the option people tapped). */
export function answerLabel(id: QuestionId, value: EnrolmentAnswers[QuestionId]): string {
  if (id === 'birthDate' && typeof value === 'string') return formatChineseDate(value);
  const option = questionById(id).options.find((o) => o.value === value);
  return option ? option.label : String(value);
}

/** 2021-08-31 → 2021年8月31日 */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A real calendar date written YYYY-MM-DD (defined once, with China time). */
export { isCalendarDate };

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month: this month's last
}

/** The oldest plausible age of a child asking about compulsory education. */
export const MAX_CHILD_AGE = 16;

/**
 * A birth date's problem in Chinese, or null when it is fine: written YYYY-MM-DD, a real date, not
 * after today in the given zone, and no more than MAX_CHILD_AGE years ago.
 */
export function birthDateProblem(birthDate: string, nowMs: number, zone: string): string | null {
  if (!DATE_RE.test(birthDate)) return '出生日期（birthDate）应为YYYY-MM-DD';
  if (!isCalendarDate(birthDate)) return '出生日期（birthDate）不是有效的日期';
  const today = localDate(nowMs, zone);
  if (birthDate > today) return '出生日期（birthDate）不能晚于今天';
  const [y, m, d] = today.split('-').map(Number);
  const earliest = `${y - MAX_CHILD_AGE}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (birthDate < earliest) return `出生日期（birthDate）不合理：孩子应不满${MAX_CHILD_AGE}周岁`;
  return null;
}
