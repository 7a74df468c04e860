import { useTestApp } from '../helpers/local-app';

// Published 对口直升 lists, and 初中 lists that would contradict them, through the built admin and school bundles.
const app = useTestApp();
const BUREAU = { OPENID: 'o-local-hd-bureau', APPID: 'wx-test' };
const call = async (fn: string, data: Record<string, unknown>, who: typeof BUREAU | null = null) =>
  ((await app.cloud.invoke(fn, data, who)) as { result: any }).result;
const csv = (...lines: string[]) => ['学校名称,学段,学年,划片方式,登记范围,依据文件', ...lines].join('\n');
const TITLE = '河东区2027年小升初对口安排';
let n = 0;
const apply = (content: string) =>
  call(
    'admin',
    { action: 'importApply', table: 'catchments', format: 'csv', content, requestId: `feeder-list-${++n}-abcdef` },
    BUREAU,
  );
const middleOf = async (address: string) =>
  (await call('school', { action: 'lookup', districtCode: '120102', address })).data.years[0].answers[1];

describe('对口直升 lists', () => {
  it('replace the sample 对口 of the primary schools they name', async () => {
    expect(await middleOf('互助道15号')).toMatchObject({ mechanism: 'feeder', schools: [{ name: '第四十五中学' }] });
    const res = await apply(csv(`第九十八中学,初中,2027,对口直升,对口小学：互助道小学,${TITLE}`));
    expect(res.ok).toBe(true);
    expect(await middleOf('互助道15号')).toMatchObject({ mechanism: 'feeder', schools: [{ name: '第九十八中学' }] });
  });

  it('two middle schools naming one primary school: placement among them', async () => {
    expect((await apply(csv(`二号桥中学,初中,2027,对口直升,互助道小学,${TITLE}`))).ok).toBe(true);
    const middle = await middleOf('互助道15号');
    expect(middle.mechanism).toBe('multi');
    expect(middle.schools.map((s: any) => s.name).sort()).toEqual(['二号桥中学', '第九十八中学']);
  });
});

describe('an 初中 list contradicting a 对口', () => {
  const list = csv(`第四十五中学,初中,2027,单校划片,互助道1-199号（单号）,${TITLE}`);

  it('is refused while the district has no rule on which governs, writing nothing', async () => {
    const before = app.cloud.store.count('catchments', {});
    const res = await apply(list);
    expect(res).toMatchObject({ ok: false });
    const preview = await call(
      'admin',
      { action: 'importPreview', table: 'catchments', format: 'csv', content: list },
      BUREAU,
    );
    expect(preview.data.rows[0].messages[0]).toContain('也在互助道小学的小学登记范围');
    expect(app.cloud.store.count('catchments', {})).toBe(before);
  });

  it('is accepted once the bureau says the 初中 list governs, and the answer follows it', async () => {
    const rules = {
      withoutZone: 'ask',
      middleRule: 'zone',
      acquiredCutoff: null,
      placeEveryYears: null,
      basis: 'residence',
      document: null,
    };
    expect((await call('admin', { action: 'setAdmissionSettings', ...rules }, BUREAU)).ok).toBe(true);
    expect((await apply(list)).ok).toBe(true);
    const middle = await middleOf('互助道15号');
    expect(middle).toMatchObject({ mechanism: 'single', schools: [{ name: '第四十五中学' }] });
    expect(middle.statement).toContain('不按小学对口');
  });
});
