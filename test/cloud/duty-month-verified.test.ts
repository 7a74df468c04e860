import { useTestApp } from '../helpers/local-app';
import { callsOf } from '../helpers/calls';
import { storedClockRecord, teacherDutyOf } from '../helpers/teacher-duty';
import { presenceCodeAt } from '../helpers/presence';
import { NO_CODE_REASON } from '@/domain/presence';
import { subsidyFor, type SubsidyTableFile } from '@/domain/duty';
import subsidyTable from '../../data/subsidy-table.json';

// The teacher's month view and CSV (issue 14) through the built `duty` bundle: a session counts as
// verified only when scanned (at clock-in or by 扫码核验 later), or by a record from before codes under
// its old rule; an unverified one is shown with its reason and totalled apart, earning no subsidy day.
// Sessions of dt-hd-teacher-1: Monday and Thursday 09:55–11:30 China time, 2 课时.
const app = useTestApp();
const { ok } = callsOf(() => app);
const at = (iso: string) => jest.setSystemTime(Date.parse(iso));
const { duty1, here, SESSION } = teacherDutyOf(() => app);

const TEACHER = 'o-local-hd-teacher';

async function session(date: string, how: 'code' | 'none' | 'later') {
  const inAt = Date.parse(`${date}T02:00:00Z`); // 10:00 China
  at(`${date}T02:00:00Z`);
  const presenceCode = how === 'code' ? { presenceCode: presenceCodeAt('hd-s01', inAt).token } : {};
  await ok('duty', 'clockIn', { requestId: `mv-in-${date}`, location: here(), ...presenceCode }, TEACHER);
  if (how === 'later') {
    at(`${date}T02:30:00Z`);
    await ok(
      'duty',
      'verifyPresence',
      {
        recordId: SESSION(date),
        location: here(),
        presenceCode: presenceCodeAt('hd-s01', Date.parse(`${date}T02:30:00Z`)).shortCode,
      },
      TEACHER,
    );
  }
  at(`${date}T03:30:00Z`); // 11:30, the slot end
  await ok('duty', 'clockOut', { requestId: `mv-out-${date}`, location: here() }, TEACHER);
}

beforeAll(async () => {
  await session('2026-12-03', 'code');
  await session('2026-12-07', 'none');
  await session('2026-12-10', 'later');
  // A record from before 扫码签到 (no presence field), clocked in within range: counts as it did.
  app.cloud.store.insert('clock_records', [
    storedClockRecord(SESSION('2026-12-14'), 'dt-hd-teacher-1', 'hd-s01', '2026-12-14', '09:55', '11:30'),
  ]);
  at('2026-12-15T04:00:00Z');
});

describe('the month view', () => {
  it('shows each session’s 核验 status, with the reason or the time of a later scan', async () => {
    const v = await ok('duty', 'month', { month: '2026-12' }, TEACHER);
    const line = (date: string) => v.lines.find((l: any) => l.recordId === SESSION(date));
    expect(line('2026-12-03')).toMatchObject({
      counted: 'verified',
      presenceLabel: '已核验',
      presenceReason: null,
      verifiedAt: '2026-12-03 10:00',
      periods: 2,
    });
    expect(line('2026-12-07')).toMatchObject({
      counted: 'unverified',
      presenceLabel: '未核验',
      presenceReason: NO_CODE_REASON,
      verifiedAt: null,
      periods: 2,
    });
    expect(line('2026-12-10')).toMatchObject({
      counted: 'verified',
      presenceLabel: '已核验',
      verifiedAt: '2026-12-10 10:30',
      clockIn: '2026-12-10 10:00',
    });
    expect(line('2026-12-14')).toMatchObject({
      counted: 'verified',
      presenceLabel: '定位签到（扫码上线前）',
      verifiedAt: null,
    });
  });

  it('totals count verified sessions; the 未核验 one is apart and earns no subsidy day', async () => {
    const v = await ok('duty', 'month', { month: '2026-12' }, TEACHER);
    // 90 (10:00–11:30) + 90 + 95 (09:55–11:30) verified; 90 unverified.
    expect(v).toMatchObject({
      sessions: 3,
      periods: 6,
      minutes: 275,
      unverifiedSessions: 1,
      unverifiedPeriods: 2,
      unverifiedMinutes: 90,
      unverifiedHours: 1.5,
    });
    const t = duty1().travel;
    const rate = subsidyFor(subsidyTable as SubsidyTableFile, duty1().districtCode, t.distanceKm, t.hardship);
    if (!rate.ok) throw new Error(rate.message);
    expect(v.subsidyYuan).toBe(3 * rate.yuanPerDay);
  });
});

describe('the CSV', () => {
  it('has the same status per session and the same split totals', async () => {
    const { csv } = await ok('duty', 'exportMonth', { month: '2026-12' }, TEACHER);
    const rows = (csv as string)
      .slice(1)
      .split('\r\n')
      .filter(Boolean)
      .map((r) => r.split(','));
    const header = rows[0];
    /** A row's cells under the named columns. */
    const cells = (row: string[], ...names: string[]) => names.map((name) => row[header.indexOf(name)]);
    const records = rows.filter((r) => r[0] === '记录');
    expect(records.map((r) => cells(r, '日期', '核验', '核验时间', '课时', '未核验课时'))).toEqual([
      ['2026-12-03', '已核验', '2026-12-03 10:00', '2', '0'],
      ['2026-12-07', `未核验：${NO_CODE_REASON}`, '', '0', '2'],
      ['2026-12-10', '已核验', '2026-12-10 10:30', '2', '0'],
      ['2026-12-14', '定位签到（扫码上线前）', '', '2', '0'],
    ]);
    const total = rows.find((r) => r[0] === '总计')!;
    expect(cells(total, '计入分钟', '课时', '未核验分钟', '未核验课时', '出勤次数', '未核验次数')).toEqual([
      '275',
      '6',
      '90',
      '2',
      '3',
      '1',
    ]);
  });
});
