import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import fc from 'fast-check';
import {
  addDays,
  checkDutyAccess,
  clockRecordId,
  dateIn,
  dateTimeIn,
  dutyConflicts,
  dutyProblems,
  instantAt,
  openSessionFor,
  sessionsBetween,
  sessionsOnDate,
  todayAndUpcoming,
  weekdayOf,
} from '@/domain/duty';
import { CN, MIN, POLICY, at, cn, duty, slot } from './fixtures';
import { runs } from '../../helpers/depth';

dayjs.extend(utc);
dayjs.extend(timezone);

describe('calendar', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-11-24', 2],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
    ['2026-11-30', 1],
    ['2026-12-01', 2],
    ['2024-02-29', 4],
    ['2027-01-01', 5],
  ])('%s is weekday %i (Monday = 1, Sunday = 7)', (date, wd) => {
    expect(weekdayOf(date)).toBe(wd);
  });

  it.each([
    ['2026-11-23', '08:00', CN, '2026-11-23T00:00:00.000Z'],
    ['2026-12-01', '00:00', CN, '2026-11-30T16:00:00.000Z'],
    ['2026-11-23', '08:00', 'UTC', '2026-11-23T08:00:00.000Z'],
    // New York springs forward on 2026-03-08: 03:30 is already EDT (−4).
    ['2026-03-08', '03:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['2026-03-07', '03:30', 'America/New_York', '2026-03-07T08:30:00.000Z'],
  ])('%s %s in %s is %s', (date, hm, zone, iso) => {
    expect(new Date(instantAt(date, hm, zone)).toISOString()).toBe(iso);
  });

  it('16:00 UTC is midnight in China: the next China date', () => {
    expect(dateIn(at('2026-11-30T15:59:59.999Z'), CN)).toBe('2026-11-30');
    expect(dateIn(at('2026-11-30T16:00:00Z'), CN)).toBe('2026-12-01');
    expect(dateIn(at('2026-11-30T16:00:00Z'), 'UTC')).toBe('2026-11-30');
  });

  it('the memoised offsets agree with dayjs, also across DST changes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2028-01-01T00:00:00Z') }),
        fc.constantFrom(CN, 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe'),
        (ms, zone) => {
          const local = dayjs(ms).tz(zone);
          expect(dateTimeIn(ms, zone)).toBe(local.format('YYYY-MM-DD HH:mm'));
          // Back again: exact where there is no DST; elsewhere the same wall time (one of two, when the clock fell back).
          const wall = local.format('YYYY-MM-DD HH:mm');
          const back = instantAt(wall.slice(0, 10), wall.slice(11), zone);
          expect(dateTimeIn(back, zone)).toBe(wall);
          if (zone === CN || zone === 'UTC') expect(back).toBe(Math.floor(ms / MIN) * MIN);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('addDays crosses months and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('sessionsOnDate', () => {
  const d = duty({
    termStart: '2026-11-23',
    termEnd: '2026-12-07',
    slots: [slot(1, '10:00', '10:45', 2), slot(1, '08:00', '08:45'), slot(3, '14:00', '15:30')],
  });

  it('lists the slots of the weekday, by start, with China instants', () => {
    const s = sessionsOnDate(d, '2026-11-23', CN);
    expect(s.map((x) => [x.slotStart, x.periods, x.key])).toEqual([
      ['08:00', 1, 'd1-2026-11-23-0800'],
      ['10:00', 2, 'd1-2026-11-23-1000'],
    ]);
    expect(s[0].startMs).toBe(at('2026-11-23T00:00:00Z'));
    expect(s[0].endMs).toBe(at('2026-11-23T00:45:00Z'));
    expect(sessionsOnDate(d, '2026-11-24', CN)).toEqual([]);
    expect(sessionsOnDate(d, '2026-11-25', CN).map((x) => x.slotStart)).toEqual(['14:00']);
  });

  it.each([
    ['2026-11-16', 0, 'the Monday before the term'],
    ['2026-11-23', 2, 'term start (inclusive)'],
    ['2026-12-07', 2, 'term end (inclusive)'],
    ['2026-12-14', 0, 'the Monday after the term'],
  ])('%s → %i sessions (%s)', (date, n) => {
    expect(sessionsOnDate(d, date, CN)).toHaveLength(n);
  });

  it('an ended duty has no sessions', () => {
    expect(sessionsOnDate({ ...d, status: 'ended' }, '2026-11-23', CN)).toEqual([]);
  });

  it('a slot ending at or before its start ends the next day', () => {
    const night = duty({ slots: [slot(1, '23:00', '01:00')] });
    const [s] = sessionsOnDate(night, '2026-11-30', CN);
    expect(new Date(s.startMs).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(new Date(s.endMs).toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it('sessionsBetween spans duties and dates, sorted by start', () => {
    const other = duty({ _id: 'd2', slots: [slot(1, '09:00', '09:45')] });
    const all = sessionsBetween([d, other], '2026-11-23', '2026-11-29', CN);
    expect(all.map((s) => `${s.sessionDate} ${s.slotStart} ${s.dutyId}`)).toEqual([
      '2026-11-23 08:00 d1',
      '2026-11-23 09:00 d2',
      '2026-11-23 10:00 d1',
      '2026-11-25 14:00 d1',
    ]);
  });
});

describe('todayAndUpcoming', () => {
  const d = duty({ slots: [slot(1, '08:00', '08:45'), slot(1, '10:00', '10:45'), slot(3, '14:00', '15:30')] });

  it('today first (past ones included), then the week; statuses by the clock-in window', () => {
    const list = todayAndUpcoming([d], cn('2026-11-23', '09:40'), CN);
    expect(list.map((s) => [s.sessionDate, s.slotStart, s.status, s.today])).toEqual([
      ['2026-11-23', '08:00', 'past', true],
      ['2026-11-23', '10:00', 'open', true],
      ['2026-11-25', '14:00', 'upcoming', false],
    ]);
    // 09:29 is before 10:00 − 30 min.
    expect(todayAndUpcoming([d], cn('2026-11-23', '09:29'), CN)[1].status).toBe('upcoming');
  });

  it('seven dates counting today: next Monday is not in this week', () => {
    const week = todayAndUpcoming([d], cn('2026-11-23', '12:00'), CN);
    expect(week.map((s) => `${s.sessionDate} ${s.slotStart} ${s.status}`)).toEqual([
      '2026-11-23 08:00 past',
      '2026-11-23 10:00 past',
      '2026-11-25 14:00 upcoming',
    ]);
    expect(todayAndUpcoming([d], cn('2026-11-23', '12:00'), CN, 8).map((s) => s.sessionDate)).toEqual([
      '2026-11-23',
      '2026-11-23',
      '2026-11-25',
      '2026-11-30',
      '2026-11-30',
    ]);
  });

  it('a night session from yesterday is shown while it is still open', () => {
    const night = duty({ slots: [slot(1, '23:00', '01:00')] });
    const list = todayAndUpcoming([night], at('2026-11-30T16:30:00Z'), CN);
    expect(list[0]).toMatchObject({ sessionDate: '2026-11-30', status: 'open', today: false });
    // Once over it drops out; the week ahead (Tue 1 Dec … Mon 7 Dec) holds next Monday's.
    expect(todayAndUpcoming([night], at('2026-11-30T17:01:00Z'), CN).map((s) => s.sessionDate)).toEqual(['2026-12-07']);
  });

  it('is sorted by start for any instant (property)', () => {
    const many = [d, duty({ _id: 'd2', slots: [slot(2, '07:30', '08:15'), slot(7, '22:00', '00:30')] })];
    fc.assert(
      fc.property(fc.integer({ min: cn('2026-09-01', '00:00'), max: cn('2027-01-31', '00:00') }), (now) => {
        const list = todayAndUpcoming(many, now, CN);
        for (let i = 1; i < list.length; i++) expect(list[i].startMs).toBeGreaterThanOrEqual(list[i - 1].startMs);
        const today = dateIn(now, CN);
        for (const s of list) expect(s.sessionDate >= today || s.status === 'open').toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('openSessionFor', () => {
  const d = duty();
  const mon = '2026-11-23';

  it.each([
    ['07:29', false, 'one minute before start − 30 min'],
    ['07:30', true, 'exactly start − 30 min'],
    ['08:00', true, 'at the start'],
    ['08:45', true, 'exactly the end'],
    ['08:46', false, 'one minute after the end'],
  ])('at %s open = %s (%s)', (hm, open) => {
    const r = openSessionFor([d], cn(mon, hm), CN, POLICY);
    expect(r.ok).toBe(open);
    if (r.ok) expect(r.session.key).toBe(clockRecordId('d1', mon, '08:00'));
    else expect(r.code).toBe('NO_DUTY_NOW');
  });

  it('millisecond edges of the window', () => {
    expect(openSessionFor([d], cn(mon, '07:30') - 1, CN, POLICY).ok).toBe(false);
    expect(openSessionFor([d], cn(mon, '08:45') + 1, CN, POLICY).ok).toBe(false);
  });

  it('the early window follows the policy', () => {
    expect(openSessionFor([d], cn(mon, '07:45'), CN, { ...POLICY, earlyWindowMin: 10 }).ok).toBe(false);
    expect(openSessionFor([d], cn(mon, '07:50'), CN, { ...POLICY, earlyWindowMin: 10 }).ok).toBe(true);
  });

  it('NO_DUTY_NOW says when the next session opens, in Chinese', () => {
    const r = openSessionFor([d], cn(mon, '12:00'), CN, POLICY);
    expect(r).toMatchObject({ ok: false, code: 'NO_DUTY_NOW' });
    if (!r.ok) expect(r.message).toContain('11月30日（周一）08:00–08:45');
    if (!r.ok) expect(r.message).toContain('07:30起可签到');
  });

  it('not on a day outside the term or for an ended duty', () => {
    expect(openSessionFor([duty({ termEnd: '2026-11-22' })], cn(mon, '08:00'), CN, POLICY).ok).toBe(false);
    expect(openSessionFor([duty({ status: 'ended' })], cn(mon, '08:00'), CN, POLICY).ok).toBe(false);
  });

  it('two duties scheduled at the same time are refused, even when one is named', () => {
    const other = duty({ _id: 'd2', hostSchoolId: 'host2', kind: 'itinerant', slots: [slot(1, '08:30', '09:15')] });
    for (const dutyId of [undefined, 'd1', 'd2']) {
      const r = openSessionFor([d, other], cn(mon, '08:35'), CN, POLICY, dutyId);
      expect(r).toMatchObject({ ok: false, code: 'OVERLAPPING_DUTIES' });
      if (!r.ok) expect(r.message).toMatch(/跨校兼课.*走教|走教.*跨校兼课/);
    }
  });

  it('when only a clock-in window reaches into another duty, the teacher must name the duty', () => {
    const other = duty({ _id: 'd2', slots: [slot(1, '09:00', '09:45')] });
    const now = cn(mon, '08:40');
    expect(openSessionFor([d, other], now, CN, POLICY)).toMatchObject({ ok: false, code: 'OVERLAPPING_DUTIES' });
    const a = openSessionFor([d, other], now, CN, POLICY, 'd1');
    const b = openSessionFor([d, other], now, CN, POLICY, 'd2');
    expect(a.ok && a.session.dutyId).toBe('d1');
    expect(b.ok && b.session.dutyId).toBe('d2');
    // Back-to-back at 08:45: both windows hold the instant, the times do not overlap.
    expect(
      openSessionFor([d, duty({ _id: 'd3', slots: [slot(1, '08:45', '09:30')] })], cn(mon, '08:45'), CN, POLICY, 'd3')
        .ok,
    ).toBe(true);
  });

  it('back-to-back 节 of one duty resolve to the running one', () => {
    const two = duty({ slots: [slot(1, '08:00', '08:45'), slot(1, '08:55', '09:40')] });
    const r1 = openSessionFor([two], cn(mon, '08:30'), CN, POLICY);
    const r2 = openSessionFor([two], cn(mon, '08:46'), CN, POLICY);
    expect(r1.ok && r1.session.slotStart).toBe('08:00');
    expect(r2.ok && r2.session.slotStart).toBe('08:55');
  });

  it('at 16:00 UTC (China midnight) a slot of the new China day is found under the new date', () => {
    // 2026-12-01 is a Tuesday; its 00:20 slot opens at 23:50 on Monday, China time.
    const early = duty({ slots: [slot(2, '00:20', '01:00')] });
    const r = openSessionFor([early], at('2026-11-30T16:00:00Z'), CN, POLICY);
    expect(r.ok && r.session.sessionDate).toBe('2026-12-01');
    expect(openSessionFor([early], at('2026-11-30T15:49:00Z'), CN, POLICY).ok).toBe(false);
    expect(openSessionFor([early], at('2026-11-30T15:50:00Z'), CN, POLICY).ok).toBe(true);
  });

  it("a night slot keeps yesterday's session date after midnight", () => {
    const night = duty({ slots: [slot(1, '23:00', '01:00')] });
    const r = openSessionFor([night], at('2026-11-30T16:30:00Z'), CN, POLICY);
    expect(r.ok && r.session.sessionDate).toBe('2026-11-30');
  });

  it('open exactly when some session window holds the instant (property)', () => {
    const duties = [duty({ slots: [slot(1, '08:00', '08:45'), slot(1, '13:00', '13:45'), slot(5, '23:30', '00:30')] })];
    const from = cn('2026-11-20', '00:00');
    const sessions = sessionsBetween(duties, '2026-11-19', '2026-12-01', CN);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 24 * 60 }), (m) => {
        const now = from + m * MIN;
        const inWindow = sessions.filter((s) => now >= s.startMs - 30 * MIN && now <= s.endMs);
        const r = openSessionFor(duties, now, CN, POLICY);
        expect(r.ok).toBe(inWindow.length > 0);
        if (r.ok) expect(r.session.key).toBe(inWindow[0].key);
      }),
      // Full depth in the inner loop too: the windows hold one minute in forty-four of the ten days, so
      // thirty runs find no open session half the time.
      { numRuns: 300 },
    );
  });
});

describe('access and data checks', () => {
  it("someone else's or an ended duty is refused with its own code", () => {
    expect(checkDutyAccess(duty(), 't1')).toBeNull();
    expect(checkDutyAccess(duty(), 't2')).toMatchObject({ ok: false, code: 'NOT_YOUR_DUTY' });
    expect(checkDutyAccess(duty({ status: 'ended' }), 't1')).toMatchObject({ ok: false, code: 'DUTY_NOT_ACTIVE' });
  });

  it('dutyProblems names every fault in Chinese', () => {
    expect(dutyProblems(duty())).toEqual([]);
    const bad = dutyProblems({
      termStart: '2026-12-01',
      termEnd: '2026-11-01',
      slots: [{ weekday: 8 as never, start: '8:00', end: '09:00', periods: 1 }, slot(1, '09:00', '09:00', -1)],
    });
    expect(bad).toEqual([
      '任期结束日期早于开始日期',
      '第1个时段：星期应为 1（周一）到 7（周日）',
      '第1个时段：时间应为 HH:mm',
      '第2个时段：开始与结束时间相同',
      '第2个时段：节次应为不小于 0 的整数',
    ]);
    expect(dutyProblems({ termStart: '2026-02-30', termEnd: '2026-03-01', slots: [] })).toEqual([
      '任期开始日期无效：2026-02-30',
      '至少需要一个每周时段',
    ]);
  });

  it('dutyConflicts finds overlapping weekly slots of the same teacher in overlapping terms', () => {
    const a = duty({ _id: 'a', slots: [slot(1, '08:00', '08:45')] });
    const b = duty({ _id: 'b', slots: [slot(1, '08:30', '09:15')] });
    expect(dutyConflicts(b, [a])).toHaveLength(1);
    expect(dutyConflicts(duty({ _id: 'c', slots: [slot(1, '08:45', '09:30')] }), [a])).toEqual([]);
    expect(dutyConflicts({ ...b, teacherOpenid: 't9' }, [a])).toEqual([]);
    expect(dutyConflicts({ ...b, termStart: '2027-02-01', termEnd: '2027-06-30' }, [a])).toEqual([]);
    expect(dutyConflicts(b, [{ ...a, status: 'ended' }])).toEqual([]);
    // Sunday 23:00–01:00 runs into Monday 00:30.
    const sunday = duty({ _id: 's', slots: [slot(7, '23:00', '01:00')] });
    expect(dutyConflicts(duty({ _id: 'm', slots: [slot(1, '00:30', '02:00')] }), [sunday])).toHaveLength(1);
  });
});
