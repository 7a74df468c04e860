import { useTestApp } from '../helpers/local-app';
import { callsOf } from '../helpers/calls';
import { teacherDutyOf } from '../helpers/teacher-duty';
import { presenceCodeAt } from '../helpers/presence';
import { LOCAL_PRESENCE_SECRET, presenceSecret } from '../../cloudfunctions/duty/src/presence';
import { NO_CODE_REASON, OUT_OF_RANGE_REASON } from '@/domain/presence';

// 扫码签到 (issue 14) through the built `duty` bundle and the local runtime: the host principal's
// rotating code, a clock-in with it (verified), without it (recorded unverified, the reason shown to
// the teacher and the principal), with another school's, a stale or a tampered one (refused, nothing
// written). Server time is jest's fake Date.
const app = useTestApp();
const { call, ok, snapshot } = callsOf(() => app);
const at = (iso: string) => jest.setSystemTime(Date.parse(iso));
const { here, farAway, SESSION, record, atHost } = teacherDutyOf(() => app);

const TEACHER = 'o-local-hd-teacher';
const HOST_45 = 'o-local-hd-xuequzhang'; // principal of hd-s01, host of dt-hd-teacher-1 (Mondays 09:55–11:30)
const OTHER_PRINCIPAL = 'o-local-hd-lead-primary'; // principal of hd-s05

describe('the principal’s 签到码', () => {
  it('is their own school’s, signed, and turns every 30 seconds; no one else gets one', async () => {
    at('2026-11-23T02:00:05Z');
    const a = await ok('duty', 'presenceCode', {}, HOST_45);
    expect(a).toMatchObject({
      schoolName: '第四十五中学',
      stepSeconds: 30,
      refreshInMs: 25_000,
      issuedAt: '2026-11-23 10:00',
    });
    expect(a.token).toMatch(/^XQP1\.hd-s01\.\d+\.[0-9a-f]{20}$/);
    expect(a.shortCode).toMatch(/^\d{6}$/);
    expect(JSON.stringify(a)).not.toContain(LOCAL_PRESENCE_SECRET);
    at('2026-11-23T02:00:29Z');
    expect((await ok('duty', 'presenceCode', {}, HOST_45)).token).toBe(a.token);
    at('2026-11-23T02:00:30Z');
    const b = await ok('duty', 'presenceCode', {}, HOST_45);
    expect(b.token).not.toBe(a.token);
    expect(b.refreshInMs).toBe(30_000);
    expect((await ok('duty', 'presenceCode', {}, OTHER_PRINCIPAL)).token).toMatch(/^XQP1\.hd-s05\./);
    expect(await call('duty', 'presenceCode', {}, TEACHER)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('needs the key set in a real cloud; locally it falls back to the development key', () => {
    expect(() => presenceSecret({ SCF_NAMESPACE: 'prod' })).toThrow(/XUEQU_PRESENCE_SECRET/);
    expect(() => presenceSecret({ TENCENTCLOUD_RUNENV: 'SCF', XUEQU_PRESENCE_SECRET: 'short' })).toThrow(
      /XUEQU_PRESENCE_SECRET/,
    );
    expect(presenceSecret({ SCF_NAMESPACE: 'prod', XUEQU_PRESENCE_SECRET: 'a-long-enough-secret-key' })).toBe(
      'a-long-enough-secret-key',
    );
    expect(presenceSecret({})).toBe(LOCAL_PRESENCE_SECRET);
  });
});

describe('签到 with the code', () => {
  it('the code from the principal’s screen, scanned within range: verified, counted, no exception', async () => {
    at('2026-11-23T02:00:10Z'); // Monday 10:00 China
    const shown = await ok('duty', 'presenceCode', {}, HOST_45);
    at('2026-11-23T02:00:45Z'); // the next step: the code just shown is still accepted
    const r = await ok('duty', 'clockIn', atHost('pr-in-000001', { presenceCode: shown.token }), TEACHER);
    expect(r).toMatchObject({ verified: true, presenceLabel: '已核验', presenceReason: null, warnings: [] });
    expect(record('2026-11-23')).toMatchObject({ presence: 'code', presenceReason: null });
    const today = await ok('duty', 'today', {}, TEACHER);
    expect(today.card.sessions[0].record).toMatchObject({ verified: true, presenceLabel: '已核验' });
    const day = await ok('duty', 'attendance', { date: '2026-11-23' }, HOST_45);
    expect(day.rows.find((x: any) => x.key === SESSION('2026-11-23'))).toMatchObject({
      exceptions: [],
      verified: true,
      presenceLabel: '已核验',
    });
    expect(
      app.cloud.store
        .find('kpi_rollups', { hostSchoolId: 'hd-s01', month: '2026-11' })
        .reduce((n: number, x: any) => n + x.hostSessions, 0),
    ).toBe(1);
  });

  it('a retry of that 签到 after its code expired is answered as the retry it is', async () => {
    at('2026-11-23T02:05:00Z');
    const code = presenceCodeAt('hd-s01', Date.parse('2026-11-23T02:00:10Z')).token;
    expect(await ok('duty', 'clockIn', atHost('pr-in-000001', { presenceCode: code }), TEACHER)).toMatchObject({
      duplicate: true,
      verified: true,
    });
  });
});

describe('签到 without the code, or with a wrong one', () => {
  it('no code: recorded as unverified with the reason, told to the teacher, an exception for the principal, not counted', async () => {
    at('2026-11-30T02:00:00Z'); // the next Monday
    const r = await ok('duty', 'clockIn', atHost('pr-in-000002'), TEACHER);
    expect(r).toMatchObject({ verified: false, presenceLabel: '未核验', presenceReason: NO_CODE_REASON, pass: true });
    expect(r.warnings).toEqual([`本节签到未核验（${NO_CODE_REASON}），只记录、不计入交流工时统计`]);
    expect(record('2026-11-30')).toMatchObject({ presence: 'unverified', presenceReason: NO_CODE_REASON });
    const today = await ok('duty', 'today', {}, TEACHER);
    expect(today.card.sessions[0].record).toMatchObject({ verified: false, presenceReason: NO_CODE_REASON });
    const day = await ok('duty', 'attendance', { date: '2026-11-30' }, HOST_45);
    const row = day.rows[0];
    expect(row).toMatchObject({ key: SESSION('2026-11-30'), verified: false, presenceLabel: '未核验' });
    expect(row.exceptions).toContain(`未核验：${NO_CODE_REASON}`);
    expect(day.exceptionCount).toBeGreaterThanOrEqual(1);
    const rollups = app.cloud.store.find('kpi_rollups', { hostSchoolId: 'hd-s01', month: '2026-11' }) as any[];
    expect(rollups.reduce((n, x) => n + x.hostSessions, 0)).toBe(1); // still only the scanned one
    expect(rollups.reduce((n, x) => n + (x.noCode ?? 0), 0)).toBe(1);
  });

  it('another school’s code, a stale one, a tampered one or made-up digits are refused and nothing is written', async () => {
    // 2026-12-07 is the next Monday; a fresh session.
    const now = Date.parse('2026-12-07T02:00:10Z');
    at('2026-12-07T02:00:10Z');
    const mine = presenceCodeAt('hd-s01', now);
    const cases: Array<[string, string]> = [
      [presenceCodeAt('hd-s05', now).token, 'PRESENCE_CODE_WRONG_SCHOOL'],
      [presenceCodeAt('hd-s01', now - 60_000).token, 'PRESENCE_CODE_EXPIRED'],
      [presenceCodeAt('hd-s01', now - 60_000).shortCode, 'PRESENCE_CODE_EXPIRED'],
      [mine.token.replace('hd-s01', 'hd-s05'), 'PRESENCE_CODE_INVALID'],
      [`${mine.token.slice(0, -1)}${mine.token.endsWith('0') ? '1' : '0'}`, 'PRESENCE_CODE_INVALID'],
      [mine.shortCode === '000000' ? '000001' : '000000', 'PRESENCE_CODE_INVALID'],
    ];
    const before = snapshot();
    for (const [presenceCode, code] of cases) {
      const r = await call(
        'duty',
        'clockIn',
        { requestId: `pr-bad-${code.length}${presenceCode.length}`, location: here(), presenceCode },
        TEACHER,
      );
      expect({ presenceCode, code: r.code, names: r.message?.includes('签到码') }).toEqual({
        presenceCode,
        code,
        names: true,
      });
    }
    expect(snapshot()).toBe(before);
    // Typed with the right digits it goes through.
    expect(
      await ok('duty', 'clockIn', atHost('pr-in-000003', { presenceCode: mine.shortCode }), TEACHER),
    ).toMatchObject({ verified: true });
  });

  it('a valid code out of range is recorded unverified: the code alone does not place the teacher', async () => {
    at('2026-12-14T02:00:00Z');
    const r = await ok(
      'duty',
      'clockIn',
      { requestId: 'pr-in-000004', location: farAway(), presenceCode: presenceCodeAt('hd-s01').token },
      TEACHER,
    );
    expect(r).toMatchObject({ verified: false, pass: false, presenceReason: OUT_OF_RANGE_REASON });
  });

  it('a bad code field is named', async () => {
    at('2026-12-21T02:00:00Z');
    expect(await call('duty', 'clockIn', atHost('pr-in-000005', { presenceCode: 123456 }), TEACHER)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'presenceCode',
    });
    expect(await call('duty', 'clockIn', atHost('pr-in-000005', { presenceCode: '12' }), TEACHER)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'presenceCode',
    });
  });

  it('wrong codes lock code check-ins for the hour after 10 tries, the right code included; a good scan costs no try', async () => {
    const now = Date.parse('2026-12-28T02:00:10Z'); // a Monday session, 10:00 China time
    at('2026-12-28T02:00:10Z');
    const good = presenceCodeAt('hd-s01', now);
    const wrong = good.shortCode === '000000' ? '000001' : '000000';
    for (let i = 0; i < 10; i++) {
      const r = await call(
        'duty',
        'clockIn',
        { requestId: `pr-guess-${String(i).padStart(4, '0')}`, location: here(), presenceCode: wrong },
        TEACHER,
      );
      expect(r.code).toBe('PRESENCE_CODE_INVALID');
    }
    const locked = await call('duty', 'clockIn', atHost('pr-guess-lock', { presenceCode: good.shortCode }), TEACHER);
    expect(locked).toMatchObject({ ok: false, code: 'PRESENCE_LOCKED', field: 'presenceCode' });
    expect(locked.message).toContain('11:00'); // the hour window ends at 11:00 China time
    expect(record('2026-12-28')).toBeUndefined();
    // The next hour (still inside the session's window) the right code goes through.
    const later = Date.parse('2026-12-28T03:00:05Z');
    at('2026-12-28T03:00:05Z');
    expect(
      await ok(
        'duty',
        'clockIn',
        atHost('pr-guess-ok', { presenceCode: presenceCodeAt('hd-s01', later).token }),
        TEACHER,
      ),
    ).toMatchObject({ verified: true });
    const counters = app.cloud.store.find('rate_counters', { openid: TEACHER }) as any[];
    expect(
      counters.filter((c) => c.limitKey === 'duty.clockIn.codeFailures' && c.windowStart >= later - 3_600_000),
    ).toEqual([]);
  });
});
