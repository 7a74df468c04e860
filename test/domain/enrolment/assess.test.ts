import {
  ageOn,
  assessEligibility,
  checkAge,
  dateSpan,
  daysBetween,
  EnrolmentAnswerError,
  stepStatus,
  timelineAt,
  timelineSummary,
  type EnrolmentAnswers,
  type EnrolmentRuleSet,
} from '@/domain/enrolment';
import { NOW, ZONE, ruleSet } from './fixtures';

const HEDONG = ruleSet('120102', 'primary');
const HEDONG_MIDDLE = ruleSet('120102', 'middle');
const ok = '2021-05-01';
/** A 河东区 family with local 户口 in rented housing, asking about a child born on `birthDate`. */
const localRenter = (birthDate: string, now = NOW, zone = ZONE) =>
  assessEligibility(HEDONG, { stage: 'primary', hukouInDistrict: true, housing: 'rent', birthDate }, now, zone);
const FIVE = [
  '全家户口簿',
  '父母在本区的居住证',
  '在本区的房产证明或租赁合同',
  '父母在本区的务工或经商证明',
  '户籍所在地无人监护证明',
];

describe('category for 小学入学, in priority order', () => {
  it.each<[string, EnrolmentAnswers, string, string, boolean, number | null]>([
    [
      '本区户籍, 人户一致',
      { hukouInDistrict: true, housing: 'own', hukouAtHome: true },
      'local-home',
      '第一类',
      true,
      1,
    ],
    [
      '本区户籍, 人户分离',
      { hukouInDistrict: true, housing: 'own', hukouAtHome: false },
      'local-split',
      '第二类',
      true,
      2,
    ],
    ['本区户籍, 租房', { hukouInDistrict: true, housing: 'rent' }, 'local-rent', '第三类', true, 3],
    ['本区户籍, 无住房', { hukouInDistrict: true, housing: 'none' }, 'local-other', '第四类', true, 4],
    [
      '随迁子女, 居住证 + 租房',
      { hukouInDistrict: false, residencePermit: true, housing: 'rent' },
      'migrant',
      '第五类',
      true,
      5,
    ],
    [
      '随迁子女, 居住证 + 自有住房',
      { hukouInDistrict: false, residencePermit: true, housing: 'own' },
      'migrant',
      '第五类',
      true,
      5,
    ],
    ['非本区户籍, 无居住证', { hukouInDistrict: false, residencePermit: false }, 'no-permit', '暂不符合', false, null],
    [
      '非本区户籍, 居住证 but no home',
      { hukouInDistrict: false, residencePermit: true, housing: 'none' },
      'no-home',
      '暂不符合',
      false,
      null,
    ],
  ])('%s → %s', (_label, answers, code, label, eligible, priority) => {
    const r = assessEligibility(HEDONG, { stage: 'primary', birthDate: ok, ...answers }, NOW, ZONE);
    expect(r.category).toMatchObject({ code, label, eligible, priority });
    expect(r.category.why.length).toBeGreaterThan(10);
    expect(r.category.placement.length).toBeGreaterThan(4);
    expect(r.eligible).toBe(eligible);
  });
});

describe('category for 小升初', () => {
  it.each<[EnrolmentAnswers, string]>([
    [{ primarySchool: 'district', hukouInDistrict: true, housing: 'own', hukouAtHome: true }, 'local-home-district'],
    [{ primarySchool: 'district', hukouInDistrict: true, housing: 'own', hukouAtHome: false }, 'local-district'],
    [{ primarySchool: 'district', hukouInDistrict: true, housing: 'rent' }, 'local-district'],
    [{ primarySchool: 'outside', hukouInDistrict: true, housing: 'own', hukouAtHome: true }, 'local-outside'],
    [{ primarySchool: 'district', hukouInDistrict: false, residencePermit: true, housing: 'rent' }, 'migrant-district'],
    [{ primarySchool: 'outside', hukouInDistrict: false, residencePermit: true, housing: 'own' }, 'migrant-outside'],
    [{ primarySchool: 'district', hukouInDistrict: false, residencePermit: false }, 'no-permit'],
    [{ primarySchool: 'not-yet' }, 'not-sixth-grade'],
  ])('%j → %s', (answers, code) => {
    const r = assessEligibility(HEDONG_MIDDLE, { stage: 'middle', ...answers }, NOW, ZONE);
    expect(r.category.code).toBe(code);
    expect(r.ageCheck).toBeNull();
  });
});

describe('document checklist per category', () => {
  it.each<[string, EnrolmentAnswers, string[]]>([
    [
      '第一类',
      { hukouInDistrict: true, housing: 'own', hukouAtHome: true },
      ['户口簿', '房产证（不动产权证书）', '出生医学证明', '预防接种证'],
    ],
    [
      '第三类 租房',
      { hukouInDistrict: true, housing: 'rent' },
      ['户口簿', '租赁合同（经房管部门登记备案）', '出生医学证明', '预防接种证'],
    ],
    [
      '第四类 无住房',
      { hukouInDistrict: true, housing: 'none' },
      ['户口簿', '实际居住情况说明', '出生医学证明', '预防接种证'],
    ],
    [
      '随迁子女: the 五证 first',
      { hukouInDistrict: false, residencePermit: true, housing: 'rent' },
      [...FIVE, '出生医学证明', '预防接种证'],
    ],
    ['无居住证: nothing to bring yet', { hukouInDistrict: false, residencePermit: false }, []],
  ])('%s', (_label, answers, names) => {
    const r = assessEligibility(HEDONG, { stage: 'primary', birthDate: ok, ...answers }, NOW, ZONE);
    expect(r.checklist.map((i) => i.name)).toEqual(names);
    for (const i of r.checklist) expect(i.why.length).toBeGreaterThan(6);
  });

  it('marks the 五证 of 随迁子女 as such, each with its why, in every district and stage', () => {
    for (const code of ['120102', '350205', '110101']) {
      const p = assessEligibility(
        ruleSet(code, 'primary'),
        { stage: 'primary', hukouInDistrict: false, residencePermit: true, housing: 'own', birthDate: ok },
        NOW,
        ZONE,
      );
      const m = assessEligibility(
        ruleSet(code, 'middle'),
        { stage: 'middle', primarySchool: 'outside', hukouInDistrict: false, residencePermit: true, housing: 'rent' },
        NOW,
        ZONE,
      );
      for (const r of [p, m]) {
        expect(r.fiveCertificates).toBe(true);
        const five = r.checklist.filter((i) => i.fiveCertificates);
        expect(five.map((i) => i.name)).toEqual(FIVE);
        for (const i of five) expect(i.why).toMatch(/^“五证”之一：/);
      }
    }
    const local = localRenter(ok);
    expect(local.fiveCertificates).toBe(false);
  });
});

describe('age check: 满6周岁 on 31 August of the intake year', () => {
  it.each<[string, number, boolean, number]>([
    ['2021-08-31', 6, true, 2027], // 6th birthday on the cut-off day itself
    ['2021-09-01', 5, false, 2028], // one day too young
    ['2021-01-01', 6, true, 2027],
    ['2020-09-01', 6, true, 2027], // nearly 7: the oldest of the class
    ['2020-08-31', 7, true, 2026],
    ['2024-02-29', 3, false, 2030],
  ])('born %s: %i on the cut-off, ok=%s, first intake %i', (birthDate, age, isOk, first) => {
    const c = checkAge({ minAge: 6, month: 8, day: 31 }, 2027, birthDate);
    expect(c).toMatchObject({
      cutoffDate: '2027-08-31',
      latestBirthDate: '2021-08-31',
      childAgeOnCutoff: age,
      ok: isOk,
      firstIntakeYear: first,
    });
  });

  it('says it plainly, with the date rule and when the child can start', () => {
    const yes = localRenter('2021-08-31');
    expect(yes.ageCheck!.message).toBe(
      '孩子2021年8月31日出生，到2027年8月31日已满6周岁，符合年龄要求（2027年秋季入学须在2021年8月31日及以前出生）',
    );
    expect(yes.eligible).toBe(true);
    const no = localRenter('2021-09-01');
    expect(no.ageCheck!.ok).toBe(false);
    expect(no.ageCheck!.message).toContain('未满6周岁');
    expect(no.ageCheck!.message).toContain('可在2028年秋季入学');
    expect(no.category.eligible).toBe(true);
    expect(no.eligible).toBe(false);
  });

  it('notes a child who is already 8 or older', () => {
    const r = localRenter('2019-03-01');
    expect(r.ageCheck!.childAgeOnCutoff).toBe(8);
    expect(r.notes[0]).toContain('年龄偏大');
  });

  it('counts whole years by the calendar, leap days included', () => {
    expect(ageOn('2020-02-29', '2027-02-28')).toBe(6);
    expect(ageOn('2020-02-29', '2027-03-01')).toBe(7);
    expect(ageOn('2021-08-31', '2027-08-30')).toBe(5);
  });
});

describe('timeline status relative to now, in China time', () => {
  const step = { from: '2027-05-10', to: '2027-05-23' };
  it.each<[string, string]>([
    ['2027-05-09', 'upcoming'],
    ['2027-05-10', 'current'],
    ['2027-05-23', 'current'],
    ['2027-05-24', 'past'],
  ])('on %s the 网上登记 step is %s', (today, status) => {
    expect(stepStatus(step, today)).toBe(status);
  });

  it.each<[string, string, string]>([
    // 2027-05-09T16:00Z is midnight of 10 May in Shanghai: the step opens, although UTC still says 9 May.
    ['2027-05-09T15:59:59Z', 'upcoming', 'upcoming'],
    ['2027-05-09T16:00:00Z', 'current', 'upcoming'],
    ['2027-05-23T15:59:59Z', 'current', 'current'],
    ['2027-05-23T16:00:00Z', 'past', 'current'],
  ])('at %s: %s in Shanghai (%s by UTC)', (instant, china, utc) => {
    const t = Date.parse(instant);
    expect(timelineAt([{ step: '网上登记', detail: '', ...step }], t, ZONE)[0].status).toBe(china);
    expect(timelineAt([{ step: '网上登记', detail: '', ...step }], t, 'UTC')[0].status).toBe(utc);
  });

  it('now = 2027-08-31T16:30:00Z is already 9月1日 in China: 报到 day has come in 河东区', () => {
    const now = Date.parse('2027-08-31T16:30:00Z');
    const r = localRenter('2021-08-31', now);
    expect(r.today).toBe('2027-09-01');
    expect(r.timeline.map((t) => t.status)).toEqual(['past', 'past', 'past', 'current']);
    expect(r.timelineSummary).toBe('现在是“新生报到”阶段（2027年9月1日）');
    // The age check is about dates, not instants: the same in any zone.
    expect(r.ageCheck).toMatchObject({ cutoffDate: '2027-08-31', childAgeOnCutoff: 6, ok: true });
    const utc = localRenter('2021-08-31', now, 'UTC');
    expect(utc.timeline.map((t) => t.status)).toEqual(['past', 'past', 'past', 'upcoming']);
    expect(utc.timelineSummary).toBe('下一步：新生报到，2027年9月1日开始（明天）');
  });

  it('on 2026-11-23 every step is ahead, and the summary counts the days to the first one', () => {
    const r = localRenter(ok);
    expect(r.today).toBe('2026-11-23');
    expect(r.timeline.every((t) => t.status === 'upcoming')).toBe(true);
    expect(r.timelineSummary).toBe(
      `下一步：网上登记（信息采集），2027年5月10日开始，还有${daysBetween('2026-11-23', '2027-05-10')}天`,
    );
    expect(daysBetween('2026-11-23', '2027-05-10')).toBe(168);
  });

  it('after 报到 everything is past and the result says the intake is over', () => {
    const r = localRenter(ok, Date.parse('2027-09-01T16:00:00Z'));
    expect(r.timeline.every((t) => t.status === 'past')).toBe(true);
    expect(r.timelineSummary).toContain('已结束');
    expect(r.notes[0]).toContain('2027年秋季的招生已结束');
  });

  it('names a span of days plainly', () => {
    expect(dateSpan({ from: '2027-05-10', to: '2027-05-23' })).toBe('2027年5月10日至5月23日');
    expect(dateSpan({ from: '2027-12-20', to: '2028-01-05' })).toBe('2027年12月20日至2028年1月5日');
    expect(timelineSummary([], '2027-01-01')).toBe('暂无时间安排');
  });
});

describe('the result carries class cap, principle, sample flag and sources', () => {
  it('gives 班额 45 with seed 004 behind it, and 示例数据', () => {
    const r = assessEligibility(
      HEDONG,
      { stage: 'primary', hukouInDistrict: true, housing: 'own', hukouAtHome: true, birthDate: ok },
      NOW,
      ZONE,
    );
    expect(r).toMatchObject({
      classCap: 45,
      sample: true,
      intakeYear: 2027,
      schoolYear: 2026,
      districtName: '河东区',
      ruleSetId: '120102-2026-primary',
    });
    expect(r.sources.find((s) => s.part === 'classCap')!.document.seed).toBe('004');
    expect(r.principle).toContain('就近入学');
    expect(r.notes.join()).toContain('每班不超过45人');
  });
});

describe('answers that cannot be assessed', () => {
  const problem = (rules: EnrolmentRuleSet, answers: EnrolmentAnswers, now = NOW) => {
    try {
      assessEligibility(rules, answers, now, ZONE);
      return null;
    } catch (err) {
      expect(err).toBeInstanceOf(EnrolmentAnswerError);
      return { field: (err as EnrolmentAnswerError).field, message: (err as Error).message };
    }
  };
  it.each<[string, EnrolmentAnswers, string, string]>([
    [
      'a missing answer names the question',
      { stage: 'primary', hukouInDistrict: true },
      'answers.housing',
      '家里在本区住的是什么房子',
    ],
    [
      'a missing birth date',
      { stage: 'primary', hukouInDistrict: true, housing: 'rent' },
      'answers.birthDate',
      '出生日期',
    ],
    [
      'a birth date in the future',
      { stage: 'primary', hukouInDistrict: true, housing: 'rent', birthDate: '2027-01-01' },
      'answers.birthDate',
      '不能晚于今天',
    ],
    [
      'an impossible date',
      { stage: 'primary', hukouInDistrict: true, housing: 'rent', birthDate: '2021-02-30' },
      'answers.birthDate',
      '不是有效的日期',
    ],
    ['the wrong stage for these rules', { stage: 'middle', primarySchool: 'not-yet' }, 'answers.stage', '小学'],
  ])('%s', (_label, answers, field, text) => {
    const p = problem(HEDONG, answers);
    expect(p).toMatchObject({ field });
    expect(p!.message).toContain(text);
  });

  it('ignores answers that do not matter (a 居住证 answer for a 本区 family)', () => {
    expect(
      problem(HEDONG, {
        stage: 'primary',
        hukouInDistrict: true,
        residencePermit: false,
        housing: 'rent',
        birthDate: ok,
      }),
    ).toBeNull();
  });

  it('takes the stage from the rules when the answers leave it out', () => {
    expect(assessEligibility(HEDONG, { hukouInDistrict: true, housing: 'rent', birthDate: ok }, NOW, ZONE).stage).toBe(
      'primary',
    );
  });
});
