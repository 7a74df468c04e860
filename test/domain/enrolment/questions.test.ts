import {
  answeredQuestions,
  answerLabel,
  birthDateProblem,
  isCalendarDate,
  nextQuestion,
  pruneAnswers,
  stepBack,
  type EnrolmentAnswers,
  type QuestionId,
} from '@/domain/enrolment';
import { NOW, ZONE } from './fixtures';

/** The questions asked, in order, when a family answers with `given` (each answered as it comes). */
function path(given: EnrolmentAnswers): QuestionId[] {
  const asked: QuestionId[] = [];
  let answers: EnrolmentAnswers = {};
  for (let q = nextQuestion(answers); q; q = nextQuestion(answers)) {
    asked.push(q.id);
    if (given[q.id] === undefined) throw new Error(`asked ${q.id}, not given`);
    answers = { ...answers, [q.id]: given[q.id] };
  }
  return asked;
}

describe('nextQuestion asks only what matters for the answers so far', () => {
  it.each<[string, EnrolmentAnswers, QuestionId[]]>([
    [
      '本区户籍 in own home: asks whether the 户口 is on that home, then the birth date',
      { stage: 'primary', hukouInDistrict: true, housing: 'own', hukouAtHome: true, birthDate: '2021-05-01' },
      ['stage', 'hukouInDistrict', 'housing', 'hukouAtHome', 'birthDate'],
    ],
    [
      '本区户籍 renting: no 人户一致 question, no 居住证 question',
      { stage: 'primary', hukouInDistrict: true, housing: 'rent', birthDate: '2021-05-01' },
      ['stage', 'hukouInDistrict', 'housing', 'birthDate'],
    ],
    [
      '随迁 with 居住证: asks the 居住证, then the home',
      { stage: 'primary', hukouInDistrict: false, residencePermit: true, housing: 'rent', birthDate: '2021-05-01' },
      ['stage', 'hukouInDistrict', 'residencePermit', 'housing', 'birthDate'],
    ],
    [
      '随迁 without 居住证: the home does not matter',
      { stage: 'primary', hukouInDistrict: false, residencePermit: false, birthDate: '2021-05-01' },
      ['stage', 'hukouInDistrict', 'residencePermit', 'birthDate'],
    ],
    [
      '随迁 owning a home: 人户一致 is not asked (户口 is elsewhere by definition)',
      { stage: 'primary', hukouInDistrict: false, residencePermit: true, housing: 'own', birthDate: '2021-05-01' },
      ['stage', 'hukouInDistrict', 'residencePermit', 'housing', 'birthDate'],
    ],
    [
      '小升初: asks where the child is in 六年级, never the birth date',
      { stage: 'middle', primarySchool: 'district', hukouInDistrict: true, housing: 'own', hukouAtHome: false },
      ['stage', 'primarySchool', 'hukouInDistrict', 'housing', 'hukouAtHome'],
    ],
    [
      '小升初 not yet in 六年级: nothing else to ask',
      { stage: 'middle', primarySchool: 'not-yet' },
      ['stage', 'primarySchool'],
    ],
  ])('%s', (_label, given, expected) => {
    expect(path(given)).toEqual(expected);
  });

  it('asks nothing more once everything relevant is answered', () => {
    expect(nextQuestion({ stage: 'middle', primarySchool: 'not-yet' })).toBeNull();
    expect(nextQuestion({})?.id).toBe('stage');
  });

  it('each question has big-button options (or a date) in Chinese', () => {
    const q = nextQuestion({ stage: 'primary', hukouInDistrict: true })!;
    expect(q.id).toBe('housing');
    expect(q.options.map((o) => o.label)).toEqual(['自己家的房子', '租的房子', '都不是']);
    expect(nextQuestion({ stage: 'primary', hukouInDistrict: true, housing: 'none' })).toMatchObject({
      id: 'birthDate',
      kind: 'date',
    });
  });
});

describe('changing an answer drops the answers it made moot', () => {
  it('switching 户籍 to 本区 drops the 居住证 answer', () => {
    expect(pruneAnswers({ stage: 'primary', hukouInDistrict: true, residencePermit: false, housing: 'rent' })).toEqual({
      stage: 'primary',
      hukouInDistrict: true,
      housing: 'rent',
    });
  });
  it('switching the home from own to rent drops 人户一致', () => {
    expect(pruneAnswers({ stage: 'primary', hukouInDistrict: true, housing: 'rent', hukouAtHome: true })).toEqual({
      stage: 'primary',
      hukouInDistrict: true,
      housing: 'rent',
    });
  });
  it('switching stage drops the stage-specific answer', () => {
    expect(pruneAnswers({ stage: 'middle', birthDate: '2015-01-01', primarySchool: 'district' })).toEqual({
      stage: 'middle',
      primarySchool: 'district',
    });
  });
  it('stepBack removes the last answered question; answeredQuestions lists them in order', () => {
    const a: EnrolmentAnswers = { stage: 'primary', hukouInDistrict: false, residencePermit: true, housing: 'rent' };
    expect(answeredQuestions(a).map((q) => q.id)).toEqual(['stage', 'hukouInDistrict', 'residencePermit', 'housing']);
    expect(stepBack(a)).toEqual({ stage: 'primary', hukouInDistrict: false, residencePermit: true });
    expect(stepBack({})).toEqual({});
  });
  it('labels answers as people tapped them', () => {
    expect(answerLabel('housing', 'rent')).toBe('租的房子');
    expect(answerLabel('hukouInDistrict', false)).toBe('不在本区（外区或外地户口）');
    expect(answerLabel('birthDate', '2021-08-31')).toBe('2021年8月31日');
  });
});

describe('birth dates are checked in China time', () => {
  it.each<[string, string | null]>([
    ['2021-08-31', null],
    ['2026-11-23', null], // born today
    ['2026-11-24', '不能晚于今天'],
    ['2010-11-24', null],
    ['2010-11-23', null], // 16 today: still plausible
    ['2010-11-22', '不合理'],
    ['2021-02-29', '不是有效的日期'],
    ['2020-02-29', null],
    ['2021-13-01', '不是有效的日期'],
    ['2021/08/31', 'YYYY-MM-DD'],
  ])('%s → %s', (date, problem) => {
    const got = birthDateProblem(date, NOW, ZONE);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });

  it('a baby born on 1 September (China) at 00:30 is not "in the future" although it is still 31 August in UTC', () => {
    const now = Date.parse('2027-08-31T16:30:00Z');
    expect(birthDateProblem('2027-09-01', now, ZONE)).toBeNull();
    expect(birthDateProblem('2027-09-01', now, 'UTC')).toContain('不能晚于今天');
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-04-31')).toBe(false);
  });
});
