import { useTestApp } from '../helpers/local-app';

// The bureau's 招生规则 and the family questions they raise, through the built admin and school bundles.
const app = useTestApp();
const BUREAU = { OPENID: 'o-local-hd-bureau', APPID: 'wx-test' };
const call = async (fn: string, data: Record<string, unknown>, who: typeof BUREAU | null = null) =>
  ((await app.cloud.invoke(fn, data, who)) as { result: any }).result;
const lookup = (input: Record<string, unknown>) =>
  call('school', { action: 'lookup', districtCode: '120102', address: '互助道15号', ...input });
const RULES = {
  withoutZone: 'ask',
  middleRule: null,
  acquiredCutoff: '2020-07-31',
  placeEveryYears: 6,
  basis: 'hukou',
  document: '河东区义务教育招生入学工作实施意见（示例）',
};

describe('招生规则 that depend on the family', () => {
  it('with no rules set, a zoned address asks nothing', async () => {
    const result = await lookup({});
    expect(result.data.questions).toEqual([]);
    expect(result.data.years[0].answers[0]).toMatchObject({ mechanism: 'single', schools: [{ name: '互助道小学' }] });
  });

  it('the bureau sets them for its own district; a bad date names the field and writes nothing', async () => {
    const bad = await call('admin', { action: 'setAdmissionSettings', ...RULES, acquiredCutoff: '2020-02-30' }, BUREAU);
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'acquiredCutoff' });
    expect((await call('admin', { action: 'admissionSettings' }, BUREAU)).data.updated).toBeNull();
    const saved = await call('admin', { action: 'setAdmissionSettings', ...RULES }, BUREAU);
    expect(saved.data).toMatchObject({
      districtCode: '120102',
      settings: RULES,
      updated: { by: expect.any(String), at: '2026-11-23 10:00' },
    });
    const other = await call(
      'admin',
      { action: 'admissionSettings' },
      { OPENID: 'o-local-hc-bureau', APPID: 'wx-test' },
    );
    expect(other.data).toMatchObject({ districtCode: '350205', updated: null });
  });

  it('then the lookup asks only what changes this answer, and each answer changes it', async () => {
    const asked = await lookup({});
    expect(asked.data.questions.map((q: any) => q.key)).toEqual([
      'homeAcquired',
      'placeUsedRecently',
      'hukouAtAddress',
    ]);
    expect(asked.data.questions[0].why).toContain('2020-07-31');

    const before = await lookup({
      family: { homeAcquired: '2019-05-01', placeUsedRecently: false, hukouAtAddress: true },
    });
    expect(before.data.questions).toEqual([]);
    expect(before.data.years[0].answers[0]).toMatchObject({ mechanism: 'single', schools: [{ name: '互助道小学' }] });
    expect(before.data.years[0].answers[1]).toMatchObject({ mechanism: 'feeder' });

    const after = await lookup({ family: { homeAcquired: '2021-03-01' } });
    const primary = after.data.years[0].answers[0];
    expect(primary.mechanism).toBe('multi');
    expect(primary.statement).toContain('不对应互助道小学，按多校划片在第一学区内派位');
    expect(primary.schools.map((s: any) => s.name)).toContain('友爱道小学');
    expect(after.data.years[0].answers[1].mechanism).not.toBe('feeder');

    const used = await lookup({ family: { homeAcquired: '2019-05-01', placeUsedRecently: true } });
    expect(used.data.years[0].answers[0].statement).toContain('6年内已使用过单校划片名额');

    const hukou = await lookup({
      family: { homeAcquired: '2019-05-01', placeUsedRecently: false, hukouAtAddress: false },
    });
    expect(hukou.data.years[0].answers[0]).toMatchObject({ mechanism: 'unknown', decidedBy: '河东区教育局' });
  });

  it('a place no list names asks nothing: the rules only matter for a 单校划片 school', async () => {
    const result = await lookup({ address: '互助道500号' });
    expect(result.data.questions).toEqual([]);
  });

  it('refuses a family date that is not a date, naming the field', async () => {
    const result = await lookup({ family: { homeAcquired: '2021-13-01' } });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'family.homeAcquired' });
  });
});
