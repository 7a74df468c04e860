import { CHINA_ZONE, schoolYearOf } from '@/domain/time';
import { callFn, TEST_NOW, useTestApp } from '../helpers/local-app';

// 入学条件 through the built `school` bundle, the local runtime and the real wx-server-sdk.
const app = useTestApp();

const school = async (data: Record<string, unknown>) =>
  ((await app.cloud.invoke('school', data, null)) as { result: any }).result;
const FIVE = [
  '全家户口簿',
  '父母在本区的居住证',
  '在本区的房产证明或租赁合同',
  '父母在本区的务工或经商证明',
  '户籍所在地无人监护证明',
];

describe('school.enrolmentRules', () => {
  it.each([
    ['120102', '河东区'],
    ['350205', '海沧区'],
    ['110101', '东城区'],
  ])('%s %s: 小学入学 and 小升初 of the 2026 school year, intake autumn 2027, all sample', async (code, name) => {
    const r = await school({ action: 'enrolmentRules', districtCode: code, schoolYear: 2026 });
    expect(r.ok).toBe(true);
    expect(r.data).toMatchObject({
      district: { code, name },
      schoolYear: 2026,
      schoolYearLabel: '2026—2027学年',
      intakeYear: 2027,
      intakeLabel: '2027年秋季入学',
      sample: true,
      availableSchoolYears: [2026],
    });
    expect(r.data.ruleSets.map((s: any) => s.stage)).toEqual(['primary', 'middle']);
    for (const s of r.data.ruleSets) {
      expect(s.sample).toBe(true);
      expect(s.classCap).toBe(45);
      expect(s.sources.find((x: any) => x.part === 'classCap').document.seed).toBe('004');
      expect(s.categories[0].label).toBe('第一类');
      expect(s.timeline.length).toBeGreaterThanOrEqual(4);
    }
    expect(r.data.ruleSets[0].ageCutoff).toEqual({ minAge: 6, month: 8, day: 31 });
    const migrant = r.data.ruleSets[0].categories.find((c: any) => c.code === 'migrant');
    expect(migrant.checklist.filter((i: any) => i.fiveCertificates).map((i: any) => i.name)).toEqual(FIVE);
  });

  it('defaults to the current school year in China (the server clock is at TEST_NOW)', async () => {
    const year = schoolYearOf(TEST_NOW, CHINA_ZONE);
    expect(year).toBe(2026);
    const byDefault = await school({ action: 'enrolmentRules', districtCode: '120102' });
    const explicit = await school({ action: 'enrolmentRules', districtCode: '120102', schoolYear: year });
    expect(byDefault).toEqual(explicit);
  });

  it('a school year without rules is NOT_FOUND, in Chinese, naming the years there are', async () => {
    const r = await school({ action: 'enrolmentRules', districtCode: '120102', schoolYear: 2030 });
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND', field: 'schoolYear' });
    expect(r.message).toBe('暂无河东区2030—2031学年的入学规则（已有：2026—2027学年），请以区教育局公布为准');
  });

  it('a district without rules is NOT_FOUND', async () => {
    const r = await school({ action: 'enrolmentRules', districtCode: '310101' });
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND', field: 'districtCode' });
    expect(r.message).toContain('未找到该区县的入学规则');
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{}, 'districtCode', '缺少区县代码（districtCode）'],
    [{ districtCode: '1201' }, 'districtCode', '区县代码（districtCode）应为6位数字'],
    [{ districtCode: '120102', schoolYear: '2026' }, 'schoolYear', '学年（schoolYear）应为数字'],
    [{ districtCode: '120102', schoolYear: 2026.5 }, 'schoolYear', '学年（schoolYear）应为整数'],
    [{ districtCode: '120102', extra: 1 }, 'extra', '不支持的字段：extra'],
  ])('bad input %j → INVALID_INPUT on %s', async (input, field, message) => {
    const r = await school({ action: 'enrolmentRules', ...input });
    expect(r).toEqual({ ok: false, code: 'INVALID_INPUT', field, message });
  });
});

describe('school.assessEnrolment (the wizard’s result, computed by the function)', () => {
  const assess = (answers: Record<string, unknown>, districtCode = '120102') =>
    school({ action: 'assessEnrolment', districtCode, schoolYear: 2026, answers });

  it('a 随迁 family with 居住证 and a rented home: 第五类, the 五证, and the age check', async () => {
    const r = await assess({
      stage: 'primary',
      hukouInDistrict: false,
      residencePermit: true,
      housing: 'rent',
      birthDate: '2021-08-31',
    });
    expect(r.ok).toBe(true);
    const d = r.data;
    expect(d.category).toMatchObject({ code: 'migrant', label: '第五类', eligible: true, priority: 5 });
    expect(d.eligible).toBe(true);
    expect(d.fiveCertificates).toBe(true);
    expect(d.checklist.filter((i: any) => i.fiveCertificates).map((i: any) => i.name)).toEqual(FIVE);
    expect(d.ageCheck).toMatchObject({
      cutoffDate: '2027-08-31',
      childAgeOnCutoff: 6,
      ok: true,
      firstIntakeYear: 2027,
    });
    expect(d.classCap).toBe(45);
    expect(d.sample).toBe(true);
    expect(d.timeline.map((t: any) => t.step)).toEqual([
      '网上登记（信息采集）',
      '材料审核',
      '录取公示、发放入学通知书',
      '新生报到',
    ]);
    for (const t of d.timeline) expect(['past', 'current', 'upcoming']).toContain(t.status);
    expect(d.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a child born 1 September 2021 is one day too young for autumn 2027', async () => {
    const r = await assess({
      stage: 'primary',
      hukouInDistrict: true,
      housing: 'own',
      hukouAtHome: true,
      birthDate: '2021-09-01',
    });
    expect(r.data.category.code).toBe('local-home');
    expect(r.data.ageCheck).toMatchObject({ childAgeOnCutoff: 5, ok: false, firstIntakeYear: 2028 });
    expect(r.data.eligible).toBe(false);
  });

  it('小升初 in 东城区: 对口 from seed 001, no age check', async () => {
    const r = await assess(
      { stage: 'middle', primarySchool: 'district', hukouInDistrict: true, housing: 'own', hukouAtHome: true },
      '110101',
    );
    expect(r.data.category).toMatchObject({ code: 'local-home-district', label: '第一类' });
    expect(r.data.ageCheck).toBeNull();
    expect(r.data.principle).toContain('对口');
    expect(r.data.sources.map((s: any) => s.document.seed)).toContain('001');
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ hukouInDistrict: true }, 'answers.stage', '缺少入学类型（answers.stage）'],
    [
      { stage: 'kindergarten' },
      'answers.stage',
      '入学类型（answers.stage）应为 primary（小学入学）或 middle（小升初）',
    ],
    [
      { stage: 'primary', hukouInDistrict: 'yes' },
      'answers.hukouInDistrict',
      '户口是否在本区（answers.hukouInDistrict）应为 true 或 false',
    ],
    [
      { stage: 'primary', hukouInDistrict: true, housing: 'rent', birthDate: '31/08/2021' },
      'answers.birthDate',
      '出生日期（answers.birthDate）应为YYYY-MM-DD',
    ],
    [
      { stage: 'primary', hukouInDistrict: true, housing: 'rent', birthDate: '2099-01-01' },
      'answers.birthDate',
      '出生日期（birthDate）不能晚于今天',
    ],
    [{ stage: 'primary', hukouInDistrict: true }, 'answers.housing', '请先回答：家里在本区住的是什么房子？（housing）'],
    [{ stage: 'primary', nickname: '小明' }, 'answers', '不支持的字段：nickname'],
  ])('bad answers %j → INVALID_INPUT on %s', async (answers, field, message) => {
    const r = await assess(answers);
    expect(r).toEqual({ ok: false, code: 'INVALID_INPUT', field, message });
  });

  it('missing answers object → INVALID_INPUT naming answers', async () => {
    const r = await school({ action: 'assessEnrolment', districtCode: '120102' });
    expect(r).toEqual({ ok: false, code: 'INVALID_INPUT', field: 'answers', message: '缺少回答（answers）' });
  });

  it('works through the gateway without a session (public)', async () => {
    const { status, body } = await callFn(app, 'school', {
      action: 'assessEnrolment',
      districtCode: '350205',
      schoolYear: 2026,
      answers: { stage: 'middle', primarySchool: 'not-yet' },
    });
    expect(status).toBe(200);
    expect(body.result.data.category).toMatchObject({ code: 'not-sixth-grade', eligible: false });
    expect(body.result.data.checklist).toEqual([]);
  });
});
