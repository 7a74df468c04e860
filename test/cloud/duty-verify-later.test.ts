import { useTestApp } from '../helpers/local-app';
import { callsOf } from '../helpers/calls';
import { teacherDutyOf } from '../helpers/teacher-duty';
import { presenceCodeAt } from '../helpers/presence';
import { NO_CODE_REASON } from '@/domain/presence';
import { rollupsFromRecords } from '@/domain/kpi-rollup';
import { CHINA_ZONE } from '@/domain/time';

// 扫码核验 (issue 14) through the built `duty` bundle and the local runtime: a teacher who clocked in
// without the code scans the host school's code later in the same session; the record becomes
// verified with the time of the scan, and the rollups move the session from 未核验 to verified in the
// same transaction. Server time is jest's fake Date; sessions are Mondays 09:55–11:30 China time.
const app = useTestApp();
const { call, ok, snapshot } = callsOf(() => app);
const at = (iso: string) => jest.setSystemTime(Date.parse(iso));
const { here, farAway, SESSION, record, atHost } = teacherDutyOf(() => app);

const TEACHER = 'o-local-hd-teacher';
const OTHER = 'o-local-hd-lead-primary'; // a principal: signed in, not the record's teacher

/** The host figures of rollup documents (shards, or rebuilt ones), summed. */
const summed = (docs: any[]) =>
  docs.reduce(
    (s, x) => ({
      hostSessions: s.hostSessions + x.hostSessions,
      hostMinutes: s.hostMinutes + x.hostMinutes,
      unverified: s.unverified + x.unverified,
      noCode: s.noCode + (x.noCode ?? 0),
    }),
    { hostSessions: 0, hostMinutes: 0, unverified: 0, noCode: 0 },
  );

/** Rollups of hd-s01 for a month, shards summed. */
const rollupSums = (month: string) => summed(app.cloud.store.find('kpi_rollups', { hostSchoolId: 'hd-s01', month }));

/** The same figures rebuilt from the records (the oracle the live writes must equal). */
function rebuiltSums(month: string) {
  const records = app.cloud.store.find('clock_records', { hostSchoolId: 'hd-s01' }) as any[];
  const home = new Map((app.cloud.store.find('duties', {}) as any[]).map((d) => [d._id, d.homeSchoolId]));
  const built = [...rollupsFromRecords(records, (id) => home.get(id), CHINA_ZONE, Date.now()).values()].filter(
    (r) => r.hostSchoolId === 'hd-s01' && r.month === month,
  );
  return summed(built);
}

const verify = (recordId: string, presenceCode: string, location = here(), who = TEACHER) =>
  call('duty', 'verifyPresence', { recordId, location, presenceCode }, who);

describe('扫码核验 of a clock-in without the code', () => {
  it('the card offers it until the slot ends', async () => {
    at('2026-11-23T02:00:00Z'); // Monday 10:00 China
    expect(await ok('duty', 'clockIn', atHost('vl-in-000001'), TEACHER)).toMatchObject({
      verified: false,
      presenceReason: NO_CODE_REASON,
    });
    const today = await ok('duty', 'today', {}, TEACHER);
    expect(today.card.sessions[0].record).toMatchObject({
      verified: false,
      verifyUntil: '2026-11-23 11:30',
      verifiedAt: null,
    });
    expect(rollupSums('2026-11')).toMatchObject({ hostSessions: 0, unverified: 1, noCode: 1 });
  });

  it('a valid code scanned out of range, another teacher’s record or a missing code is refused and nothing is written', async () => {
    at('2026-11-23T02:05:00Z');
    const before = snapshot();
    const far = await verify(SESSION('2026-11-23'), presenceCodeAt('hd-s01').token, farAway());
    expect(far).toMatchObject({ ok: false, code: 'PRESENCE_OUT_OF_RANGE' });
    expect(far.message).toContain('超出');
    expect(await verify(SESSION('2026-11-23'), presenceCodeAt('hd-s01').token, here(), OTHER)).toMatchObject({
      ok: false,
      code: 'NO_SUCH_SESSION',
      field: 'recordId',
    });
    expect(
      await call('duty', 'verifyPresence', { recordId: SESSION('2026-11-23'), location: here() }, TEACHER),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'presenceCode' });
    expect(snapshot()).toBe(before);
  });

  it('wrong codes count toward PRESENCE_LOCKED as in 扫码签到: after 10 the right code is locked out too', async () => {
    const now = Date.parse('2026-11-23T02:06:00Z');
    at('2026-11-23T02:06:00Z');
    const good = presenceCodeAt('hd-s01', now);
    const wrong = good.shortCode === '000000' ? '000001' : '000000';
    for (let i = 0; i < 10; i++)
      expect((await verify(SESSION('2026-11-23'), wrong)).code).toBe('PRESENCE_CODE_INVALID');
    const locked = await verify(SESSION('2026-11-23'), good.shortCode);
    expect(locked).toMatchObject({ ok: false, code: 'PRESENCE_LOCKED', field: 'presenceCode' });
    // The lock is shared with clockIn: one count of wrong codes per teacher.
    expect(
      await call('duty', 'clockIn', atHost('vl-in-locked', { presenceCode: good.shortCode }), TEACHER),
    ).toMatchObject({ ok: false, code: 'PRESENCE_LOCKED' });
    expect(record('2026-11-23')).toMatchObject({ presence: 'unverified' });
  });

  it('the next hour, still in the session, the right code verifies it: time kept, rollups moved in the same write', async () => {
    const now = Date.parse('2026-11-23T03:00:05Z'); // 11:00:05 China, the slot ends 11:30
    at('2026-11-23T03:00:05Z');
    const r = await ok(
      'duty',
      'verifyPresence',
      { recordId: SESSION('2026-11-23'), location: here(), presenceCode: presenceCodeAt('hd-s01', now).token },
      TEACHER,
    );
    expect(r).toMatchObject({
      verified: true,
      presenceLabel: '已核验',
      verifiedAt: '2026-11-23 11:00',
      duplicate: false,
    });
    expect(record('2026-11-23')).toMatchObject({
      presence: 'code',
      presenceReason: null,
      presenceVerifiedAt: now,
      clockInAt: Date.parse('2026-11-23T02:00:00Z'),
    });
    expect(rollupSums('2026-11')).toMatchObject({ hostSessions: 1, unverified: 0, noCode: 0 });
    expect(rollupSums('2026-11')).toEqual(rebuiltSums('2026-11'));
    const today = await ok('duty', 'today', {}, TEACHER);
    expect(today.card.sessions[0].record).toMatchObject({
      verified: true,
      presenceLabel: '已核验',
      verifyUntil: null,
      verifiedAt: '2026-11-23 11:00',
    });
    const day = await ok('duty', 'attendance', { date: '2026-11-23' }, 'o-local-hd-xuequzhang');
    expect(day.rows.find((x: any) => x.key === SESSION('2026-11-23'))).toMatchObject({ verified: true });
  });

  it('a replay (its code since expired) answers with the verified record and writes nothing', async () => {
    at('2026-11-23T03:10:00Z');
    const before = snapshot();
    const old = presenceCodeAt('hd-s01', Date.parse('2026-11-23T03:00:05Z')).token;
    expect(
      await ok(
        'duty',
        'verifyPresence',
        { recordId: SESSION('2026-11-23'), location: here(), presenceCode: old },
        TEACHER,
      ),
    ).toMatchObject({ duplicate: true, verifiedAt: '2026-11-23 11:00' });
    expect(snapshot()).toBe(before);
  });
});

describe('after the session, and concurrent scans', () => {
  it('a scan after the slot end is refused in Chinese and the session stays 未核验', async () => {
    at('2026-11-30T02:00:00Z');
    await ok('duty', 'clockIn', atHost('vl-in-000002'), TEACHER);
    const end = Date.parse('2026-11-30T03:31:00Z'); // 11:31 China
    at('2026-11-30T03:31:00Z');
    const before = snapshot();
    const late = await verify(SESSION('2026-11-30'), presenceCodeAt('hd-s01', end).token);
    expect(late).toMatchObject({ ok: false, code: 'PRESENCE_SESSION_ENDED' });
    expect(late.message).toContain('本节已于 2026-11-30 11:30 结束');
    expect(snapshot()).toBe(before);
    expect(record('2026-11-30')).toMatchObject({ presence: 'unverified', presenceReason: NO_CODE_REASON });
  });

  it('two scans at once: one writes, the other answers as a replay; the session is counted once', async () => {
    at('2026-12-07T02:00:00Z');
    await ok('duty', 'clockIn', atHost('vl-in-000003'), TEACHER);
    const now = Date.parse('2026-12-07T02:10:00Z');
    at('2026-12-07T02:10:00Z');
    const code = presenceCodeAt('hd-s01', now).token;
    const [a, b] = await Promise.all([verify(SESSION('2026-12-07'), code), verify(SESSION('2026-12-07'), code)]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect([a.data.duplicate, b.data.duplicate].sort()).toEqual([false, true]);
    expect(rollupSums('2026-12')).toMatchObject({ hostSessions: 1, unverified: 0, noCode: 0 });
    expect(rollupSums('2026-12')).toEqual(rebuiltSums('2026-12'));
  });
});
