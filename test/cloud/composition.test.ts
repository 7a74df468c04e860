import { TEST_NOW, useTestApp } from '../helpers/local-app';

// The bureau's 学区 composition editor through the built `admin` bundle, and what the `school` lookup and
// the `approval` routing read afterwards. Function time is the process clock: jest fakes Date only.
const app = useTestApp();
const at = (iso: string) => jest.setSystemTime(Date.parse(iso));

beforeAll(async () => {
  // A teacher of 互助道小学, to ask for 跨校兼课 at the school that moves.
  app.cloud.store.insertMany('users', [
    {
      _id: 'o-teacher-huzhu',
      roles: ['teacher'],
      name: '互助道小学教师',
      districtCode: '120102',
      schoolId: schoolId('互助道小学'),
      xuequId: null,
    },
  ]);
});

const who = (OPENID: string) => ({ OPENID, APPID: 'wx-test' });
const BUREAU = who('o-local-hd-bureau');
const OTHER_BUREAU = who('o-local-hc-bureau');
const PRINCIPAL = who('o-local-hd-principal');
const invoke = async (fn: string, data: Record<string, unknown>, as: { OPENID: string; APPID: string } | null) =>
  (await app.cloud.invoke(fn, data, as)) as { result: any; roundTrips: number };
const admin = (data: Record<string, unknown>, as: { OPENID: string; APPID: string } | null = BUREAU) =>
  invoke('admin', data, as);
const schoolId = (name: string) => (app.seed.schools.find((s) => s.name === name) as { _id: string })._id;
const referenceVersion = () => (app.cloud.store.find('meta', { _id: 'reference' })[0] as { version: number }).version;

const move = (effectiveFrom = '2027-02-20') => ({
  kind: 'moveSchool',
  schoolId: schoolId('友爱道小学'),
  fromXuequId: 'hd-x1',
  toXuequId: 'hd-x2',
  effectiveFrom,
});
const lookup = async () =>
  (await invoke('school', { action: 'lookup', districtCode: '120102', address: '友爱道15号' }, null)).result.data;

describe('reading the composition', () => {
  it('gives the bureau its district as composed today, the next term start and every school', async () => {
    const { result } = await admin({ action: 'compositionState' });
    expect(result.ok).toBe(true);
    expect(result.data).toMatchObject({
      districtCode: '120102',
      today: '2026-11-23',
      nextTermStart: '2027-02-20',
      plannedDates: [],
      maxSchoolsPerXuequ: 10,
    });
    expect(result.data.xuequ.map((x: any) => x.name)).toEqual([
      '第一学区',
      '第二学区',
      '第三学区',
      '第四学区',
      '第五学区',
    ]);
    expect(result.data.schools.find((s: any) => s.name === '友爱道小学').xuequIds).toEqual(['hd-x1']);
  });
});

describe('who may edit', () => {
  it('refuses a principal and another district’s bureau; nothing is written', async () => {
    const before = { versions: app.cloud.store.count('xuequ', {}), ref: referenceVersion() };
    const principal = await admin({ action: 'applyEdit', requestId: 'req-comp-0001', edit: move() }, PRINCIPAL);
    expect(principal.result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const other = await admin({ action: 'applyEdit', requestId: 'req-comp-0002', edit: move() }, OTHER_BUREAU);
    // Another district's 学区 and schools are unknown ids to this bureau, as made-up ones are (issue 13, item 4).
    expect(other.result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('学区（hd-x1）在'),
    });
    expect((await admin({ action: 'compositionHistory', xuequId: 'hd-x1' }, OTHER_BUREAU)).result).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '未找到该学区',
    });
    expect((await admin({ action: 'compositionState' }, null)).result).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    expect({ versions: app.cloud.store.count('xuequ', {}), ref: referenceVersion() }).toEqual(before);
  });

  it('explains invalid input in Chinese, naming the field, and writes nothing', async () => {
    const { result } = await admin({
      action: 'applyEdit',
      requestId: 'req-comp-0003',
      edit: { ...move(), effectiveFrom: '2027/02/20' },
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'edit.effectiveFrom',
      message: '生效日期（edit.effectiveFrom）应为YYYY-MM-DD',
    });
    const past = await admin({ action: 'applyEdit', requestId: 'req-comp-0004', edit: move('2026-11-22') });
    expect(past.result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '生效日期（effectiveFrom）不能早于今天（2026-11-23）',
    });
    const kind = await admin({ action: 'previewEdit', edit: { kind: 'merge', effectiveFrom: '2027-02-20' } });
    expect(kind.result).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'edit.kind' });
    expect(app.cloud.store.count('xuequ', { districtCode: '120102' })).toBe(5);
  });
});

describe('moving a school from next term', () => {
  it('preview shows the result and warnings and writes nothing', async () => {
    const ref = referenceVersion();
    const { result } = await admin({ action: 'previewEdit', edit: move() });
    expect(result.ok).toBe(true);
    expect(result.data).toMatchObject({
      ok: true,
      errors: [],
      changes: ['友爱道小学划出第一学区', '友爱道小学划入第二学区'],
    });
    expect(result.data.writes.map((w: any) => [w.kind, w.versionId])).toEqual([
      ['close', 'hd-x1@2020-05-21'],
      ['add', 'hd-x1@2027-02-20'],
      ['close', 'hd-x2@2020-05-21'],
      ['add', 'hd-x2@2027-02-20'],
    ]);
    const second = result.data.after.find((x: any) => x.id === 'hd-x2');
    expect(second.alliances.find((a: any) => a.stage === 'primary').members.map((s: any) => s.name)).toContain(
      '友爱道小学',
    );
    expect(app.cloud.store.count('xuequ', { districtCode: '120102' })).toBe(5);
    expect(referenceVersion()).toBe(ref);
    // Moving a school into 第一学区 (10 schools) warns: 原则上不超过10所.
    const crowded = await admin({
      action: 'previewEdit',
      edit: {
        kind: 'moveSchool',
        schoolId: schoolId('街坊小学'),
        fromXuequId: 'hd-x2',
        toXuequId: 'hd-x1',
        effectiveFrom: '2027-02-20',
      },
    });
    expect(crowded.result.data.warnings).toContain('第一学区将有11所学校，超过10所（每个学区学校数原则上不超过10所）');
  });

  it('applies atomically, bumps the reference version, and a retry with the same requestId writes nothing', async () => {
    const warm = await lookup(); // warms the school function's cache before the write
    expect(warm.upcoming).toEqual([]);
    const ref = referenceVersion();
    const calls = await Promise.all(
      [1, 2, 3].map(() => admin({ action: 'applyEdit', requestId: 'req-comp-move1', edit: move() })),
    );
    expect(calls.every((c) => c.result.ok)).toBe(true);
    expect(calls.filter((c) => !c.result.data.duplicate)).toHaveLength(1);
    expect(referenceVersion()).toBe(ref + 1);
    expect(app.cloud.store.count('xuequ', { districtCode: '120102' })).toBe(7);
    const closed = app.cloud.store.find('xuequ', { _id: 'hd-x1@2020-05-21' })[0] as any;
    expect(closed.effectiveTo).toBe('2027-02-20');
    expect(closed.alliances.find((a: any) => a.stage === 'primary').memberSchoolIds).toContain(schoolId('友爱道小学'));
    const again = await admin({ action: 'applyEdit', requestId: 'req-comp-move1', edit: move() });
    expect(again.result.data).toMatchObject({ duplicate: true, referenceVersion: ref + 1 });
    expect(referenceVersion()).toBe(ref + 1);
  });

  it('the parent’s lookup (warm cache reloaded) tells what changes later, with both 学区', async () => {
    const d = await lookup();
    expect(d.zoned[0].school.name).toBe('友爱道小学');
    expect(d.xuequ.map((x: any) => x.name)).toEqual(['第一学区']);
    expect(d.upcoming).toHaveLength(1);
    expect(d.upcoming[0]).toMatchObject({
      effectiveFrom: '2027-02-20',
      dateLabel: '2027年2月20日',
      changes: ['友爱道小学由第一学区划入第二学区'],
    });
    // Applied without a document: said so, with no title made up.
    expect(d.upcoming[0].sources).toEqual([
      expect.stringMatching(/^河东区教育局调整（未附文件，\d{4}-\d{2}-\d{2}录入）$/),
    ]);
    expect(d.upcoming[0].xuequ.map((x: any) => x.name)).toEqual(['第二学区']);
  });

  it('after the date, the lookup shows the new 学区 and nothing upcoming', async () => {
    at('2027-02-20T01:00:00Z');
    try {
      const d = await lookup();
      expect(d.xuequ.map((x: any) => x.name)).toEqual(['第二学区']);
      expect(d.upcoming).toEqual([]);
    } finally {
      at(new Date(TEST_NOW).toISOString());
    }
  });

  it('keeps the history of both 学区, newest first, with what changed', async () => {
    const { result } = await admin({ action: 'compositionHistory', xuequId: 'hd-x2' });
    expect(result.data.versions.map((v: any) => [v.versionId, v.statusLabel, v.effectiveTo])).toEqual([
      ['hd-x2@2027-02-20', '待生效', null],
      ['hd-x2@2020-05-21', '现行', '2027-02-20'],
    ]);
    expect(result.data.versions[0].changes).toEqual(['友爱道小学划入第二学区']);
    // The bureau, not the account's display name; no document was entered, so none is claimed.
    expect(result.data.versions[0].source).toMatchObject({ issuer: '河东区教育局', title: '', undocumented: true });
  });

  it('a second edit on the same date replaces only that future version', async () => {
    const edit = {
      kind: 'moveSchool',
      schoolId: schoolId('福东小学'),
      fromXuequId: 'hd-x1',
      toXuequId: 'hd-x2',
      effectiveFrom: '2027-02-20',
    };
    const { result } = await admin({ action: 'applyEdit', requestId: 'req-comp-move2', edit });
    expect(result.data.writes.map((w: any) => [w.kind, w.versionId])).toEqual([
      ['replace', 'hd-x1@2027-02-20'],
      ['replace', 'hd-x2@2027-02-20'],
    ]);
    expect(app.cloud.store.count('xuequ', { districtCode: '120102' })).toBe(7);
    expect((app.cloud.store.find('xuequ', { _id: 'hd-x1@2020-05-21' })[0] as any).effectiveTo).toBe('2027-02-20');
  });
});

describe('approval routing reads the composition in force when the term starts', () => {
  const exchange = (requestId: string, termStart: string) => ({
    action: 'submitExchange',
    requestId,
    type: 'cross-teaching',
    hostSchoolId: schoolId('友爱道小学'),
    slots: [{ weekday: 2, start: '14:00', end: '15:30', periods: 2 }],
    termStart,
    termEnd: '2027-06-30',
    reason: '美术教师产假',
  });
  const TEACHER = who('o-teacher-huzhu');
  const decider = (res: any) => res.result.data.steps.map((s: any) => s.label).pop();

  it('a term starting before the change goes to 第一学区’s 学区长; one starting after it, filed before, to 第二学区’s', async () => {
    const early = await invoke('approval', exchange('req-route-0001', '2027-02-01'), TEACHER);
    expect(early.result.ok).toBe(true);
    expect(decider(early)).toBe('学区长（第一学区）');
    const late = await invoke('approval', exchange('req-route-0002', '2027-03-01'), TEACHER);
    expect(late.result.ok).toBe(true);
    expect(decider(late)).toBe('学区长（第二学区）');
  });

  it('filed after the change date, a term goes to the 学区 in force then', async () => {
    at('2027-02-21T02:00:00Z');
    try {
      const after = await invoke('approval', exchange('req-route-0003', '2027-03-01'), TEACHER);
      expect(decider(after)).toBe('学区长（第二学区）');
    } finally {
      at(new Date(TEST_NOW).toISOString());
    }
  });
});
