import {
  answersFromQuery,
  answersToQuery,
  assessEligibility,
  whatApplies,
  type EnrolmentAnswers,
} from '@/domain/enrolment';
import { NOW, ZONE, ruleSet } from './fixtures';

const HEDONG = ruleSet('120102', 'primary');
const HEDONG_MIDDLE = ruleSet('120102', 'middle');

describe('what of an assessment applies to the family', () => {
  it('an eligible family: category, documents, class cap and timeline', () => {
    const r = assessEligibility(
      HEDONG,
      { stage: 'primary', hukouInDistrict: true, housing: 'own', hukouAtHome: true, birthDate: '2021-05-01' },
      NOW,
      ZONE,
    );
    expect(whatApplies(r)).toEqual({
      standing: 'eligible',
      category: true,
      checklist: true,
      timeline: true,
      classCap: true,
      why: null,
      instead: null,
    });
  });

  it('born the day after the cut-off: not 第一类 of this intake, no documents, no countdown; the intake the child is old enough for', () => {
    const r = assessEligibility(
      HEDONG,
      { stage: 'primary', hukouInDistrict: true, housing: 'own', hukouAtHome: true, birthDate: '2021-09-01' },
      NOW,
      ZONE,
    );
    expect(r.category.priority).toBe(1); // the rules' category is still there…
    const w = whatApplies(r);
    expect(w).toMatchObject({
      standing: 'too-young',
      category: false,
      checklist: false,
      timeline: false,
      classCap: false,
    });
    expect(w.why).toContain('未满6周岁');
    expect(w.instead).toContain('2027年的入学登记不用参加');
    expect(w.instead).toContain('2028年秋季入学');
  });

  it.each<[string, EnrolmentAnswers, string]>([
    [
      '随迁 without 居住证',
      { stage: 'primary', hukouInDistrict: false, residencePermit: false, birthDate: '2021-05-01' },
      '居住证',
    ],
    [
      'no home in the district',
      { stage: 'primary', hukouInDistrict: false, residencePermit: true, housing: 'none', birthDate: '2021-05-01' },
      '租赁合同',
    ],
  ])('%s: only what to do instead', (_label, answers, instead) => {
    const w = whatApplies(assessEligibility(HEDONG, answers, NOW, ZONE));
    expect(w).toMatchObject({
      standing: 'not-eligible',
      category: false,
      checklist: false,
      timeline: false,
      classCap: false,
    });
    expect(w.instead).toContain(instead);
  });

  it('小升初 not yet in 六年级: come back in the spring of 六年级', () => {
    const w = whatApplies(assessEligibility(HEDONG_MIDDLE, { stage: 'middle', primarySchool: 'not-yet' }, NOW, ZONE));
    expect(w.standing).toBe('not-eligible');
    expect(w.checklist).toBe(false);
    expect(w.timeline).toBe(false);
    expect(w.instead).toContain('六年级');
  });
});

describe('the wizard answers in the URL', () => {
  it('round-trips every answer, 是/否 as 1/0', () => {
    const answers: EnrolmentAnswers = {
      stage: 'primary',
      hukouInDistrict: false,
      residencePermit: true,
      housing: 'rent',
      birthDate: '2021-08-31',
    };
    const query = answersToQuery(answers);
    expect(query).toEqual({
      stage: 'primary',
      hukouInDistrict: '0',
      residencePermit: '1',
      housing: 'rent',
      birthDate: '2021-08-31',
    });
    expect(answersFromQuery(query)).toEqual(answers);
  });

  it('drops values that are no option, impossible dates and answers made moot by earlier ones', () => {
    expect(
      answersFromQuery({ stage: 'primary', hukouInDistrict: 'yes', housing: 'castle', birthDate: '2021-02-30' }),
    ).toEqual({ stage: 'primary' });
    // 本区户籍 makes the 居住证 question moot; 小学 makes 六年级 moot.
    expect(
      answersFromQuery({ stage: 'primary', primarySchool: 'district', hukouInDistrict: '1', residencePermit: '0' }),
    ).toEqual({ stage: 'primary', hukouInDistrict: true });
    expect(answersFromQuery({})).toEqual({});
  });
});
