import { TEST_NOW } from '../helpers/local-app';
import { h5Session } from './h5-session';

// 入学条件 on the H5 build served by the gateway: a parent answers the wizard in chromium.
const s = h5Session();
const { byTestId, open, textOf } = s;

const tap = (id: string) => byTestId(id).click();
const pickDate = async (y: number, m: number, d: number) => {
  await tap(`date-year-${y}`);
  await tap(`date-month-${m}`);
  await tap(`date-day-${d}`);
  await tap('date-confirm');
};

/** 小学入学, 户口不在本区, 有居住证, 租房, born 2021-08-31. */
async function answerAsMigrantFamily(onSecondStep?: () => Promise<void>) {
  await tap('answer-stage-primary');
  await byTestId('question-hukouInDistrict').waitFor();
  await onSecondStep?.();
  await tap('answer-hukouInDistrict-false');
  await tap('answer-residencePermit-true');
  await tap('answer-housing-rent');
  await byTestId('question-birthDate').waitFor();
  expect(await textOf('enrol-age-rule')).toContain('须在2021年8月31日及以前出生');
  await pickDate(2021, 8, 31);
}

describe('a parent finds the enrolment rules for a family like theirs', () => {
  it('a 随迁 family in 河东区 (居住证, rented home, child born 31 Aug 2021) gets 第五类, the 五证 and the age check', async () => {
    await open('/pages/enrol/index');
    await tap('enrol-district-120102');
    await byTestId('question-stage').waitFor();
    expect(await textOf('enrol-header')).toContain('河东区');
    expect(await textOf('enrol-header')).toContain('2027年秋季入学（2026—2027学年招生）');
    expect(await textOf('enrol-header')).toContain('示例数据');

    // Big tap targets: every answer is at least 44 px high.
    const box = await byTestId('answer-stage-primary').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);

    await answerAsMigrantFamily(async () => {
      expect(await textOf('question-hukouInDistrict')).toContain('第2步');
    });

    const result = byTestId('enrol-result');
    await result.waitFor();
    expect(await textOf('enrol-verdict')).toContain('可以办理2027年秋季入学');
    const category = await textOf('enrol-category');
    expect(category).toContain('第五类：随迁子女');
    expect(category).toContain('为什么：孩子户口不在本区');
    expect(category).toContain('示例数据');
    const five = await textOf('enrol-five');
    for (const name of [
      '全家户口簿',
      '父母在本区的居住证',
      '在本区的房产证明或租赁合同',
      '父母在本区的务工或经商证明',
      '户籍所在地无人监护证明',
    ])
      expect(five).toContain(name);
    expect(five).toContain('种子文件004');
    expect(await textOf('enrol-age')).toContain('孩子2021年8月31日出生，到2027年8月31日已满6周岁，符合年龄要求');
    expect(await textOf('enrol-cap')).toContain('每班不超过45人');
    const timeline = await textOf('enrol-timeline');
    expect(timeline).toContain('网上登记（信息采集）');
    expect(timeline).toContain('2027年5月10日至5月23日');
    expect(timeline).toContain('新生报到');
    expect(await s.page.locator('[data-testid^="step-"]').count()).toBe(4);

    // Ticking a document is kept on the device.
    expect(await textOf('enrol-checklist')).toContain('已备齐 0/7');
    await tap('check-residence-permit');
    expect(await textOf('enrol-checklist')).toContain('已备齐 1/7');
    // The answers are in the URL: a reload shows the same result, with the ticks kept on the device.
    await s.page.reload();
    await byTestId('enrol-result').waitFor();
    expect(await textOf('enrol-checklist')).toContain('已备齐 1/7');
  });

  it('opened with ?district=: a 本区 family whose child is one day too young, then corrects the date and restarts', async () => {
    await open('/pages/enrol/index?district=120102');
    await byTestId('question-stage').waitFor();
    await tap('answer-stage-primary');
    await tap('answer-hukouInDistrict-true');
    await tap('answer-housing-own');
    await byTestId('question-hukouAtHome').waitFor();
    await tap('answer-hukouAtHome-true');
    await pickDate(2021, 9, 1);
    await byTestId('enrol-result').waitFor();
    expect(await textOf('enrol-verdict')).toContain('暂不能办理2027年秋季入学');
    expect(await textOf('enrol-age')).toContain('未满6周岁');
    expect(await textOf('enrol-age')).toContain('可在2028年秋季入学');
    // This intake is not the child's: no 第一类 with its 优先录取, no documents, no countdown to its registration.
    expect(await textOf('enrol-instead-what')).toContain('2027年的入学登记不用参加');
    const tooYoung = await textOf('enrol-result');
    for (const absent of ['第一类', '优先录取', '还有', '已备齐']) expect(tooYoung).not.toContain(absent);
    expect(
      await s.page
        .locator('[data-testid="enrol-category"], [data-testid="enrol-checklist"], [data-testid="enrol-timeline"]')
        .count(),
    ).toBe(0);

    await tap('enrol-back');
    await byTestId('question-birthDate').waitFor();
    await pickDate(2021, 8, 31);
    await byTestId('enrol-result').waitFor();
    expect(await textOf('enrol-age')).toContain('符合年龄要求');
    expect(await textOf('enrol-category')).toContain('第一类：本区户籍，人户一致');
    expect(await textOf('enrol-answers')).toContain('2021年8月31日');

    await tap('enrol-restart');
    await byTestId('question-stage').waitFor();
    expect(await s.page.locator('[data-testid="enrol-result"]').count()).toBe(0);
  });

  it('a birth date in the future is refused in plain Chinese', async () => {
    await open('/pages/enrol/index?district=350205');
    await tap('answer-stage-primary');
    await tap('answer-hukouInDistrict-true');
    await tap('answer-housing-rent');
    // The page's clock is at TEST_NOW (2026-11-23 in China): 31 December of that year is in the future.
    const thisYear = new Date(TEST_NOW).getUTCFullYear();
    await pickDate(thisYear, 12, 31);
    await byTestId('date-error').waitFor();
    expect(await textOf('date-error')).toBe('出生日期不能晚于今天');
    expect(await s.page.locator('[data-testid="enrol-result"]').count()).toBe(0);
    expect(await s.page.locator('[data-testid="question-birthDate"]').count()).toBe(1);
  });

  it('小升初: a child not yet in 六年级 is told there is nothing to do yet, after one question', async () => {
    await open('/pages/enrol/index?district=110101');
    await tap('answer-stage-middle');
    await tap('answer-primarySchool-not-yet');
    await byTestId('enrol-result').waitFor();
    expect(await textOf('enrol-instead')).toContain('孩子还没到六年级');
    expect(await textOf('enrol-instead-what')).toContain('到孩子读六年级那年的春季');
    expect(await textOf('enrol-result')).not.toContain('还有');
    expect(await s.page.locator('[data-testid="enrol-checklist"], [data-testid="enrol-timeline"]').count()).toBe(0);
    expect(await s.page.locator('[data-testid="enrol-age"]').count()).toBe(0);
  });

  it('an unknown district in the route says so and offers another', async () => {
    await open('/pages/enrol/index?district=310101');
    await byTestId('status-error').waitFor();
    expect(await textOf('status-error')).toContain('未找到该区县的入学规则');
    await tap('enrol-change-district');
    await byTestId('enrol-district-350205').waitFor();
  });
});
