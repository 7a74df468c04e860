import { TEST_NOW, useTestApp } from '../helpers/local-app';

// A composition change recorded with a future effective date, as parents see it on the school page, the
// 学区 list and the 学区 detail (built `school` bundle), with the source the bureau entered or 未附文件.
const app = useTestApp();
const at = (iso: string) => jest.setSystemTime(Date.parse(iso));

const BUREAU = { OPENID: 'o-local-hd-bureau', APPID: 'wx-test' };
const invoke = async (fn: string, data: Record<string, unknown>, as: typeof BUREAU | null) =>
  ((await app.cloud.invoke(fn, data, as)) as { result: any }).result;
const admin = (data: Record<string, unknown>) => invoke('admin', data, BUREAU);
const school = async (data: Record<string, unknown>) => {
  const r = await invoke('school', data, null);
  expect(r.ok).toBe(true);
  return r.data;
};
const schoolId = (name: string) => (app.seed.schools.find((s) => s.name === name) as { _id: string })._id;
const versions = () => app.cloud.store.count('xuequ', { districtCode: '120102' });

const DOC = { title: '关于调整河东区第一、第二学区组成的通知', number: '河东教发〔2026〕21号', date: '2026-11-20' };
const DOC_LABEL = '河东区教育局《关于调整河东区第一、第二学区组成的通知》（河东教发〔2026〕21号）（2026-11-20）';
const move = (name: string, effectiveFrom: string, from = 'hd-x1', to = 'hd-x2') => ({
  kind: 'moveSchool',
  schoolId: schoolId(name),
  fromXuequId: from,
  toXuequId: to,
  effectiveFrom,
});

describe('the source of an edit', () => {
  /** Applies the move of 友爱道小学 to 第二学区 from 2027-09-01, citing `source`. */
  const moveYouai = (requestId: string, source: Record<string, unknown>) =>
    admin({ action: 'applyEdit', requestId, edit: move('友爱道小学', '2027-09-01'), source });

  it('refuses a source without a title or with a bad date, naming the field; nothing is written', async () => {
    const before = versions();
    const refusals: Array<[string, Record<string, unknown>, { field: string; message?: string }]> = [
      ['req-up-0001', { ...DOC, title: '' }, { field: 'source.title', message: '文件标题（source.title）至少2字' }],
      ['req-up-0002', { ...DOC, date: '2026/11/20' }, { field: 'source.date' }],
      [
        'req-up-0003',
        { ...DOC, date: '2026-02-30' },
        { field: 'source.date', message: '发文日期（source.date）不是有效日期' },
      ],
    ];
    for (const [requestId, source, refusal] of refusals)
      expect({ source, ...(await moveYouai(requestId, source)) }).toMatchObject({
        source,
        ok: false,
        code: 'INVALID_INPUT',
        ...refusal,
      });
    expect(versions()).toBe(before);
  });

  it('records the document as entered on the new versions', async () => {
    const r = await moveYouai('req-up-0010', DOC);
    expect(r.ok).toBe(true);
    const added = app.cloud.store.find('xuequ', { effectiveFrom: '2027-09-01' }) as any[];
    expect(added.map((v) => v._id).sort()).toEqual(['hd-x1@2027-09-01', 'hd-x2@2027-09-01']);
    for (const v of added)
      expect(v.source).toEqual({ title: DOC.title, issuer: '河东区教育局', date: DOC.date, number: DOC.number });
  });

  it('without a document records 未附文件 with the day it was entered, and no title', async () => {
    const r = await admin({
      action: 'applyEdit',
      requestId: 'req-up-0011',
      edit: move('街坊小学', '2028-02-20', 'hd-x2', 'hd-x3'),
    });
    expect(r.ok).toBe(true);
    const v = app.cloud.store.find('xuequ', { _id: 'hd-x3@2028-02-20' })[0] as any;
    expect(v.source).toEqual({
      title: '',
      issuer: '河东区教育局',
      date: '2026-11-23',
      number: null,
      undocumented: true,
    });
  });
});

describe('what parents see before the date', () => {
  it('the school page says what changes for 本校, from when, and by which document', async () => {
    const p = await school({ action: 'getSchool', schoolId: schoolId('友爱道小学') });
    expect(p.memberships.map((m: any) => m.xuequName)).toEqual(['第一学区']);
    expect(p.upcoming).toHaveLength(1);
    expect(p.upcoming[0]).toMatchObject({
      effectiveFrom: '2027-09-01',
      dateLabel: '2027年9月1日',
      changes: ['本校由第一学区划入第二学区'],
      sources: [DOC_LABEL],
    });
    expect(p.upcoming[0].xuequ.map((x: any) => x.name)).toEqual(['第二学区']);
    // A school the edits leave alone has nothing coming.
    expect((await school({ action: 'getSchool', schoolId: schoolId('互助道小学') })).upcoming).toEqual([]);
  });

  it("the 学区 list shows each touched 学区's coming changes with the source; the others none", async () => {
    const list = await school({ action: 'listXuequ', districtCode: '120102' });
    const of = (id: string) => list.find((x: any) => x.id === id).upcoming;
    expect(of('hd-x1')).toEqual([
      {
        effectiveFrom: '2027-09-01',
        dateLabel: '2027年9月1日',
        changes: ['友爱道小学划出第一学区'],
        sources: [DOC_LABEL],
      },
    ]);
    expect(of('hd-x2').map((u: any) => [u.dateLabel, u.changes, u.sources])).toEqual([
      ['2027年9月1日', ['友爱道小学划入第二学区'], [DOC_LABEL]],
      ['2028年2月20日', ['街坊小学划出第二学区'], ['河东区教育局调整（未附文件，2026-11-23录入）']],
    ]);
    expect(of('hd-x4')).toEqual([]);
    // The list of a future date is that composition itself: nothing is "coming" in it.
    const later = await school({ action: 'listXuequ', districtCode: '120102', date: '2027-09-01' });
    expect(later.every((x: any) => x.upcoming === undefined)).toBe(true);
  });

  it('the 学区 detail shows the same', async () => {
    const x = await school({ action: 'getXuequ', xuequId: 'hd-x3' });
    expect(x.upcoming).toEqual([
      {
        effectiveFrom: '2028-02-20',
        dateLabel: '2028年2月20日',
        changes: ['街坊小学划入第三学区'],
        sources: ['河东区教育局调整（未附文件，2026-11-23录入）'],
      },
    ]);
    // The current composition's own document is still the one shown as the 学区's source.
    expect(x.source.title).not.toBe('');
  });
});

describe('on and after the date (China time)', () => {
  afterEach(() => at(new Date(TEST_NOW).toISOString()));

  it('the change is current, not coming: 2027-08-31 23:59 in China is still before it', async () => {
    at('2027-08-31T15:59:00Z'); // 23:59 China time
    expect((await school({ action: 'getSchool', schoolId: schoolId('友爱道小学') })).upcoming).toHaveLength(1);
    at('2027-08-31T16:00:00Z'); // 00:00 on 9月1日 China time
    const p = await school({ action: 'getSchool', schoolId: schoolId('友爱道小学') });
    expect(p.memberships.map((m: any) => m.xuequName)).toEqual(['第二学区']);
    expect(p.upcoming).toEqual([]);
    const x = await school({ action: 'getXuequ', xuequId: 'hd-x2' });
    expect(x.upcoming.map((u: any) => u.effectiveFrom)).toEqual(['2028-02-20']);
  });
});
