import { cn } from '../domain/duty/fixtures';
import { TEST_NOW, useTestApp } from '../helpers/local-app';
import { storedClockRecord } from '../helpers/teacher-duty';
import { rebuildRollupsInStore } from '../../local/kpi-rollups';

// The dashboard through the built `admin` bundle and the local runtime, over the seeded district plus
// a few records inserted here; every figure is worked out from the seed's teacher counts.
const app = useTestApp();
beforeAll(async () => {
  seedFixture();
});

const who = (OPENID: string) => ({ OPENID, APPID: 'wx-test' });
const BUREAU = who('o-local-hd-bureau');
const LEAD = who('o-local-hd-xuequzhang'); // 第一学区学区长
const PRINCIPAL = who('o-local-hd-principal');
const TEACHER = who('o-local-hd-teacher');
const OTHER_BUREAU = who('o-local-hc-bureau');
const call = async (data: Record<string, unknown>, as: { OPENID: string; APPID: string }) =>
  ((await app.cloud.invoke('admin', data, as)) as { result: any }).result;

/** The call is refused FORBIDDEN (the failure names the call). */
const forbidden = async (data: Record<string, unknown>, as: { OPENID: string; APPID: string }) =>
  expect({ data, as: as.OPENID, ...(await call(data, as)) }).toMatchObject({ data, ok: false, code: 'FORBIDDEN' });

const HOUR = 3_600_000;
const X1 = ['hd-s01', 'hd-s02', 'hd-s03', 'hd-s04', 'hd-s05', 'hd-s06', 'hd-s07', 'hd-s08', 'hd-s09', 'hd-s10'];
const X2 = ['hd-s11', 'hd-s12', 'hd-s13', 'hd-s14', 'hd-s15', 'hd-s16', 'hd-s17', 'hd-s18'];
const staff = (ids?: string[]) =>
  (app.seed.schools as Array<{ _id: string; districtCode: string; teacherCount: number }>)
    .filter((s) => s.districtCode === '120102' && (!ids || ids.includes(s._id)))
    .reduce((n, s) => n + s.teacherCount, 0);

const record = storedClockRecord;

function seedFixture() {
  const store = app.cloud.store;
  // A second teacher in exchange, of 第二学区's 第八十二中学 at 第五十四中学.
  const seeded = store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as Record<string, unknown>;
  store.insertMany('duties', [
    {
      ...seeded,
      _id: 'dt-x2-rotation',
      teacherOpenid: 'o-x2-teacher',
      teacherName: '赵老师',
      homeSchoolId: 'hd-s12',
      hostSchoolId: 'hd-s11',
      kind: 'rotation',
      sample: false,
    },
  ]);
  store.insertMany('clock_records', [
    record('cr-1', 'dt-hd-teacher-1', 'hd-s01', '2026-11-16', '09:55', '11:30'), // 95 min
    record('cr-2', 'dt-hd-teacher-1', 'hd-s01', '2026-11-19', '09:55', '11:30', { inPass: false, inDistanceM: 900 }), // unverified
    record('cr-3', 'dt-hd-teacher-2', 'hd-s05', '2026-11-18', '14:00', '15:30', {
      makeup: true,
      inDistanceM: null,
      outDistanceM: null,
      outPass: null,
    }), // 补卡: 90 min
  ]);
  // Records put in directly, as existing data: their rollups come from the one-off rebuild.
  rebuildRollupsInStore(store, TEST_NOW - HOUR);
  const booking = (id: string, status: string) => ({
    _id: id,
    facilityId: 'fc-hd-s01-gym',
    schoolId: 'hd-s01',
    bookingSchoolId: 'hd-s05',
    districtCode: '120102',
    date: '2026-11-21',
    start: cn('2026-11-21', '09:00'),
    end: cn('2026-11-21', '11:00'),
    status,
    purpose: '篮球赛',
    approvalId: null,
    createdAt: TEST_NOW - 10 * HOUR,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
  });
  store.insertMany('bookings', [booking('bk-1', 'confirmed'), booking('bk-2', 'cancelled')]);
  const approval = (id: string, ageHours: number, schoolId: string, status = 'pending') => ({
    _id: id,
    type: 'rotation',
    status,
    districtCode: '120102',
    createdAt: TEST_NOW - ageHours * HOUR,
    updatedAt: TEST_NOW,
    current: 0,
    version: 1,
    steps: [
      {
        role: 'releasing',
        roles: ['releasing'],
        schoolId,
        xuequId: null,
        districtCode: '120102',
        label: '派出学校校长',
        status: 'pending',
      },
    ],
    trail: [],
    inboxKey: `school:${schoolId}`,
    deciders: [],
  });
  store.insertMany('approvals', [
    approval('ap-1', 2, 'hd-s06'),
    approval('ap-2', 120, 'hd-s12'),
    approval('ap-3', 300, 'hd-s06', 'approved'),
  ]);
}

describe('the bureau', () => {
  it('sees the district: the share against 30%, 学区 and school rows, hours, facilities, pending approvals', async () => {
    const r = await call({ action: 'dashboard', scope: 'district' }, BUREAU);
    expect(r.ok).toBe(true);
    const v = r.data;
    expect(v).toMatchObject({
      scope: 'district',
      districtName: '河东区',
      xuequ: null,
      canViewDistrict: true,
      schoolYear: 2026,
      schoolYearLabel: '2026—2027学年',
      period: { from: '2026-09-01', to: '2027-08-31' },
      asOf: '2026-11-23 10:00',
      targets: { rotation: 0.3, key: 1 },
    });
    // Teachers in exchange: the seeded teacher of 友爱道小学 (two duties, counted once) and 赵老师.
    expect(v.total.rotation).toMatchObject({ count: 2, base: staff(), share: 2 / staff(), met: false });
    expect(v.total.key).toMatchObject({ registered: false, text: '未登记骨干教师', share: null });
    expect(v.total).toMatchObject({
      hostHours: 3.1,
      hostSessions: 2,
      homeSessions: 2,
      lentHours: 2,
      borrowedHours: 2,
      schoolCount: 47,
      teacherCountSample: true,
    });
    expect(v.xuequRows.map((x: any) => x.name)).toEqual(['第一学区', '第二学区', '第三学区', '第四学区', '第五学区']);
    expect(v.xuequRows[0].rotation).toMatchObject({ count: 1, base: staff(X1) });
    expect(v.xuequRows[1].rotation).toMatchObject({ count: 1, base: staff(X2) });
    expect(v.xuequRows[0]).toMatchObject({ hostHours: 3.1, lentHours: 2, borrowedHours: 2 });
    const school = (id: string) => v.schoolRows.find((s: any) => s.id === id);
    expect(school('hd-s06').rotation).toMatchObject({ count: 1, base: 35, text: '2.9%' });
    expect(school('hd-s01')).toMatchObject({ hostHours: 1.6, hostSessions: 1, lentHours: 2 });
    expect(school('hd-s05')).toMatchObject({ hostHours: 1.5, hostSessions: 1, borrowedHours: 2 });
    expect(school('hd-s06')).toMatchObject({ homeSessions: 2, hostSessions: 0 });
    expect(v.pending).toEqual({
      total: 2,
      buckets: [
        { bucket: 'under1d', label: '不足1天', count: 1 },
        { bucket: 'd1to3', label: '1–3天', count: 0 },
        { bucket: 'over3d', label: '超过3天', count: 1 },
      ],
      byType: [{ type: 'rotation', label: '轮岗交流', count: 2 }],
      oldestDays: 5,
    });
    expect(v.sample).toEqual({ teacherCounts: true, records: true });
    expect(v.notes.join('\n')).toContain('示例数据');
    expect(v.notes).toContain('1 条签到记录未核验（未扫签到码、不在范围内签到且无补卡，或尚未结束），未计入工时和节次');
  });

  it('opens any 学区 of the district', async () => {
    const r = await call({ action: 'dashboard', scope: 'xuequ', xuequId: 'hd-x2' }, BUREAU);
    expect(r.data).toMatchObject({
      scope: 'xuequ',
      xuequ: { id: 'hd-x2', name: '第二学区' },
      xuequRows: [],
      pending: { total: 1, oldestDays: 5 },
    });
    expect(r.data.schoolRows.map((s: any) => s.id)).toEqual(X2);
    expect(r.data.xuequOptions).toHaveLength(5);
  });

  it('names the field at fault, in Chinese', async () => {
    expect(await call({ action: 'dashboard' }, BUREAU)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'scope',
      message: '缺少范围（scope）',
    });
    expect(await call({ action: 'dashboard', scope: 'city' }, BUREAU)).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'scope',
      message: expect.stringContaining('范围（scope）'),
    });
    expect(await call({ action: 'dashboard', scope: 'xuequ' }, BUREAU)).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'xuequId',
    });
    expect(await call({ action: 'dashboard', scope: 'district', xuequId: 'hd-x1' }, BUREAU)).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'xuequId',
    });
    expect(await call({ action: 'dashboard', scope: 'district', schoolYear: 1999 }, BUREAU)).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'schoolYear',
    });
  });

  it('another school year has none of this year’s records', async () => {
    const r = await call({ action: 'dashboard', scope: 'district', schoolYear: 2025 }, BUREAU);
    expect(r.data.total).toMatchObject({ hostHours: 0, lentHours: 0, rotation: { count: 0 } });
  });

  it('cannot open another district’s 学区', async () => {
    await forbidden({ action: 'dashboard', scope: 'xuequ', xuequId: 'hd-x1' }, OTHER_BUREAU);
  });
});

describe('a 学区长', () => {
  it('sees their own 学区 (by default too)', async () => {
    for (const input of [{ scope: 'xuequ' }, { scope: 'xuequ', xuequId: 'hd-x1' }]) {
      const r = await call({ action: 'dashboard', ...input }, LEAD);
      expect(r.data).toMatchObject({
        xuequ: { id: 'hd-x1' },
        canViewDistrict: false,
        xuequOptions: [{ id: 'hd-x1', name: '第一学区' }],
      });
      expect(r.data.total.rotation).toMatchObject({ count: 1, base: staff(X1) });
      expect(r.data.pending).toMatchObject({ total: 1, oldestDays: 0 });
    }
  });

  it('is FORBIDDEN for another 学区 and for the whole district', async () => {
    await forbidden({ action: 'dashboard', scope: 'xuequ', xuequId: 'hd-x2' }, LEAD);
    await forbidden({ action: 'dashboard', scope: 'district' }, LEAD);
    await forbidden({ action: 'dashboardCsv', scope: 'xuequ', xuequId: 'hd-x2' }, LEAD);
  });
});

describe('principals and teachers', () => {
  it('are FORBIDDEN', async () => {
    for (const as of [PRINCIPAL, TEACHER]) {
      await forbidden({ action: 'dashboard', scope: 'xuequ', xuequId: 'hd-x1' }, as);
      await forbidden({ action: 'dashboardCsv', scope: 'district' }, as);
    }
  });
});

describe('CSV export', () => {
  it('has a BOM, a Chinese header, one row per 学区 and school, pending ages and notes, CRLF', async () => {
    const r = await call({ action: 'dashboardCsv', scope: 'district' }, BUREAU);
    expect(r.ok).toBe(true);
    const { filename, csv } = r.data as { filename: string; csv: string };
    expect(filename).toBe('数据看板-河东区-2026学年.csv');
    expect(
      csv.startsWith('\uFEFF层级,名称,学校数,教师人数,交流教师人数,交流比例,交流比例目标,是否达标,骨干教师交流,'),
    ).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[1]).toBe(
      `全区,河东区,47,${staff()},2,${((2 / staff()) * 100).toFixed(2)}%,30%,未达标,未登记骨干教师,3.1,2,2,2,2,教师人数为示例数据`,
    );
    expect(lines.filter((l) => l.startsWith('学区,'))).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('学校,'))).toHaveLength(47);
    expect(lines).toContain('待审批,超过3天,1,,,,,,,,,,,,');
    expect(
      lines.some((l) => l.startsWith('说明,2026—2027学年（2026-09-01 至 2027-08-31），统计于 2026-11-23 10:00')),
    ).toBe(true);
  });

  it('of a 学区 is named after it', async () => {
    const r = await call({ action: 'dashboardCsv', scope: 'xuequ' }, LEAD);
    expect(r.data.filename).toBe('数据看板-河东区第一学区-2026学年.csv');
    expect(r.data.csv.split('\r\n').filter((l: string) => l.startsWith('学校,'))).toHaveLength(10);
  });
});
