import { useTestApp } from '../helpers/local-app';
import { presenceCodeAt } from '../helpers/presence';

// CloudBase fails a conflicting transaction at once: teachers of one host school clocking in together
// all write that school's rollup of the month, and must still all get their record.
const app = useTestApp({ conflicts: 'fail', now: () => Date.now() }); // TEST_NOW: Monday 10:00
const N = 20;
beforeAll(async () => {
  const store = app.cloud.store;
  const seeded = store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as Record<string, unknown>;
  store.insertMany(
    'users',
    Array.from({ length: N }, (_, i) => ({
      _id: `o-burst-${i}`,
      roles: ['teacher'],
      name: `教师${i}`,
      districtCode: '120102',
      schoolId: 'hd-s12',
      xuequId: null,
    })),
  );
  store.insertMany(
    'duties',
    Array.from({ length: N }, (_, i) => ({
      ...seeded,
      _id: `dt-burst-${i}`,
      teacherOpenid: `o-burst-${i}`,
      teacherName: `教师${i}`,
    })),
  );
});

it(`${N} teachers clocking in at once at one host school all get their record, and the rollup counts each`, async () => {
  const seeded = app.cloud.store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as any;
  const loc = seeded.hostLocation;
  const presenceCode = presenceCodeAt(seeded.hostSchoolId).token; // all scan the school's code: verified sessions
  const calls = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      app.cloud.invoke(
        'duty',
        { action: 'clockIn', requestId: `req-burst-${String(i).padStart(4, '0')}`, location: loc, presenceCode },
        { OPENID: `o-burst-${i}`, APPID: 'wx-test' },
      ),
    ),
  );
  const codes = calls.map((c) =>
    (c as { result: { ok: boolean; code?: string } }).result.ok ? 'ok' : (c as any).result.code,
  );
  expect(codes).toEqual(Array(N).fill('ok'));
  const rollup = app.cloud.store.find('kpi_rollups', {}) as any[];
  expect(rollup.reduce((n, r) => n + r.hostSessions, 0)).toBe(N);
});
