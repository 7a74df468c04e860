import fc from 'fast-check';
import {
  approve,
  bookingFromRequest,
  bookingProblems,
  facilityBookingChecks,
  submit,
  weekAvailability,
} from '@/domain/approval';
import type { Facility, FacilityBooking } from '@/domain/approval';
import { CN, cn, facilityRequest, principal, teacher } from './fixtures';
import { runs } from '../../helpers/depth';

const weekdays = [1, 2, 3, 4, 5] as const;
const GYM: Facility = {
  _id: 'f-gym',
  schoolId: 'm45',
  kind: 'gym',
  name: '体育馆',
  openingHours: [
    ...weekdays.flatMap((weekday) => [
      { weekday, start: '08:00', end: '12:00' },
      { weekday, start: '14:00', end: '18:00' },
    ]),
    { weekday: 6, start: '09:00', end: '17:00' },
  ],
  rules: { maxDurationMin: 180, maxDaysAhead: 14, minNoticeHours: 24 },
};
/** Monday 2026-11-23 10:00 in China. */
const NOW = cn('2026-11-23', '10:00');
const booking = (date: string, from: string, to: string, over: Partial<FacilityBooking> = {}): FacilityBooking => ({
  facilityId: 'f-gym',
  start: cn(date, from),
  end: cn(date, to),
  status: 'confirmed',
  ...over,
});
const WED_BOOKED = booking('2026-11-25', '14:00', '15:00');
const WED_MORNING = booking('2026-11-25', '10:00', '11:00');
const problems = (
  date: string,
  from: string,
  to: string,
  existing: FacilityBooking[] = [WED_BOOKED, WED_MORNING],
  facility = GYM,
) => bookingProblems(facility, existing, cn(date, from), cn(date, to), NOW, CN).map((p) => p.code);

describe('bookingProblems', () => {
  it.each([
    ['a free afternoon slot', '2026-11-25', '15:00', '17:00', []],
    ['adjacent to a confirmed booking, before it', '2026-11-25', '09:00', '10:00', []],
    ['adjacent to a confirmed booking, after it', '2026-11-25', '15:00', '16:00', []],
    ['between two bookings, touching both ends', '2026-11-25', '11:00', '14:00', ['CLOSED']],
    ['ending at closing time', '2026-11-25', '11:00', '12:00', []],
    ['across lunch, touching a booking', '2026-11-25', '12:00', '14:00', ['CLOSED']],
    ['overlapping a confirmed booking', '2026-11-25', '14:30', '16:00', ['OVERLAP']],
    ['inside a confirmed booking', '2026-11-25', '14:15', '14:45', ['OVERLAP']],
    ['over lunch, when closed', '2026-11-25', '11:30', '12:30', ['CLOSED']],
    ['before opening', '2026-11-25', '07:30', '08:30', ['CLOSED']],
    ['on Sunday', '2026-11-29', '10:00', '11:00', ['CLOSED']],
    ['too long', '2026-11-28', '09:00', '13:00', ['TOO_LONG']],
    ['exactly the maximum length', '2026-11-28', '09:00', '12:00', []],
    ['too soon (22 hours ahead)', '2026-11-24', '08:00', '09:00', ['TOO_SOON']],
    ['exactly the notice', '2026-11-24', '10:00', '11:00', []],
    ['already started', '2026-11-23', '09:00', '11:00', ['START_PASSED']],
    ['the last day of the window', '2026-12-07', '08:00', '09:00', []],
    ['one day past the window', '2026-12-08', '08:00', '09:00', ['TOO_FAR_AHEAD']],
    ['ending before it starts', '2026-11-25', '16:00', '15:00', ['INVALID_RANGE']],
    ['empty', '2026-11-25', '16:00', '16:00', ['INVALID_RANGE']],
  ])('%s → %p', (_name, date, from, to, expected) => {
    expect(problems(date, from, to)).toEqual(expected);
  });

  it('ignores cancelled bookings and other facilities’ bookings', () => {
    expect(
      problems('2026-11-25', '14:00', '15:00', [
        { ...WED_BOOKED, status: 'cancelled' },
        { ...WED_BOOKED, facilityId: 'f-lab' },
      ]),
    ).toEqual([]);
  });

  it('messages say what to do, in Chinese', () => {
    const all = bookingProblems(GYM, [WED_BOOKED], cn('2026-11-25', '11:30'), cn('2026-11-25', '14:30'), NOW, CN);
    expect(all.map((p) => p.message)).toEqual([
      '预约时间须在开放时间内：周三 08:00–12:00、14:00–18:00',
      '与已确认的预约 11月25日 14:00–15:00 冲突',
    ]);
    expect(all.every((p) => p.level === 'block')).toBe(true);
    expect(bookingProblems(GYM, [], cn('2026-11-29', '10:00'), cn('2026-11-29', '11:00'), NOW, CN)[0].message).toBe(
      '体育馆周日不开放',
    );
    expect(bookingProblems(GYM, [], cn('2026-12-08', '10:00'), cn('2026-12-08', '11:00'), NOW, CN)[0].message).toBe(
      '最多可提前 14 天预约（最晚 12月7日）',
    );
    expect(bookingProblems(GYM, [], cn('2026-11-28', '09:00'), cn('2026-11-28', '13:00'), NOW, CN)[0].message).toBe(
      '单次预约最长 180 分钟（本次 240 分钟）',
    );
  });

  it('days are China days: Monday 08:00 in China is still Sunday in UTC', () => {
    expect(problems('2026-11-30', '08:00', '09:00', [])).toEqual([]);
    // 14 days ahead counted from China's date: at 2026-11-23 23:30 China (15:30 UTC) the window ends 12-07.
    const late = cn('2026-11-23', '23:30');
    expect(bookingProblems(GYM, [], cn('2026-12-07', '08:00'), cn('2026-12-07', '09:00'), late, CN)).toEqual([]);
    expect(
      bookingProblems(GYM, [], cn('2026-12-08', '08:00'), cn('2026-12-08', '09:00'), cn('2026-11-24', '00:30'), CN),
    ).toEqual([]);
  });

  it('touching or overlapping opening intervals count as one', () => {
    const split: Facility = {
      ...GYM,
      openingHours: [
        { weekday: 3, start: '08:00', end: '12:00' },
        { weekday: 3, start: '11:00', end: '13:00' },
        { weekday: 3, start: '13:00', end: '18:00' },
      ],
    };
    expect(problems('2026-11-25', '11:00', '14:00', [], split)).toEqual([]);
  });

  it('a booking across midnight is never inside opening hours', () => {
    const late: Facility = {
      ...GYM,
      openingHours: [
        { weekday: 3, start: '20:00', end: '23:59' },
        { weekday: 4, start: '00:00', end: '02:00' },
      ],
    };
    expect(
      bookingProblems(late, [], cn('2026-11-25', '23:00'), cn('2026-11-26', '01:00'), NOW, CN).map((p) => p.code),
    ).toEqual(['CLOSED']);
  });
});

describe('facility request checks for the approver', () => {
  const submittedAt = cn('2026-11-20', '09:00');

  it('notice is judged at submission: a slow approval does not fail the requester', () => {
    const req = { _id: 'ap-f', start: cn('2026-11-24', '08:00'), end: cn('2026-11-24', '09:00') };
    expect(facilityBookingChecks(GYM, [], req, submittedAt, cn('2026-11-23', '18:00'), CN)).toEqual([
      { code: 'FACILITY_FREE', level: 'ok', message: '该时段场馆开放，且与已确认的预约不冲突' },
    ]);
    expect(facilityBookingChecks(GYM, [], req, submittedAt, cn('2026-11-24', '08:00'), CN).map((c) => c.code)).toEqual([
      'START_PASSED',
    ]);
  });

  it('overlaps as they stand now, ignoring the booking this approval created', () => {
    const req = { _id: 'ap-f', start: cn('2026-11-25', '14:30'), end: cn('2026-11-25', '15:30') };
    expect(facilityBookingChecks(GYM, [WED_BOOKED], req, submittedAt, NOW, CN).map((c) => c.code)).toEqual(['OVERLAP']);
    const mine = { ...WED_BOOKED, approvalId: 'ap-f' };
    expect(facilityBookingChecks(GYM, [mine], req, submittedAt, NOW, CN).map((c) => c.code)).toEqual(['FACILITY_FREE']);
  });

  it('the owner approves; the booking follows with a stable id', () => {
    const steps = [
      {
        role: 'owner' as const,
        roles: ['owner' as const],
        schoolId: 'm45',
        xuequId: null,
        districtCode: '120102',
        label: '场馆所属学校校长（第四十五中学）',
      },
    ];
    const sub = submit(facilityRequest(), steps, teacher, NOW, { _id: 'ap-f', routedOn: '2026-11-23' });
    if (!sub.ok) throw new Error(sub.message);
    expect(() => bookingFromRequest(sub.request, 'ap-f')).toThrow();
    const done = approve(sub.request, principal('m45'), NOW);
    if (!done.ok) throw new Error(done.message);
    expect(bookingFromRequest(done.request, 'ap-f')).toEqual({
      _id: 'bk-ap-f',
      facilityId: 'f-gym',
      schoolId: 'm45',
      bookingSchoolId: 'p-youai',
      start: cn('2026-11-25', '14:00'),
      end: cn('2026-11-25', '16:00'),
      status: 'confirmed',
      approvalId: 'ap-f',
    });
  });
});

describe('weekAvailability', () => {
  const hm = (xs: Array<{ startHm: string; endHm: string }>) => xs.map((x) => `${x.startHm}-${x.endHm}`);

  it('per day: opening hours minus confirmed bookings', () => {
    const week = weekAvailability(
      GYM,
      [
        WED_BOOKED,
        booking('2026-11-25', '09:00', '10:00', { status: 'cancelled' }),
        booking('2026-11-28', '08:00', '20:00'),
        booking('2026-11-26', '11:00', '14:30'),
      ],
      '2026-11-23',
      CN,
    );
    expect(week.map((d) => [d.date, d.weekday])).toEqual([
      ['2026-11-23', 1],
      ['2026-11-24', 2],
      ['2026-11-25', 3],
      ['2026-11-26', 4],
      ['2026-11-27', 5],
      ['2026-11-28', 6],
      ['2026-11-29', 7],
    ]);
    expect(hm(week[0].open)).toEqual(['08:00-12:00', '14:00-18:00']);
    expect(hm(week[0].free)).toEqual(['08:00-12:00', '14:00-18:00']);
    expect(hm(week[2].free)).toEqual(['08:00-12:00', '15:00-18:00']);
    expect(hm(week[3].free)).toEqual(['08:00-11:00', '14:30-18:00']);
    expect(hm(week[5].free)).toEqual([]);
    expect(week[6]).toMatchObject({ open: [], free: [] });
  });

  it('free time never overlaps a booking and always lies in opening hours (property)', () => {
    const at = (day: number, minute: number) => cn('2026-11-23', '00:00') + day * 86_400_000 + minute * 60_000;
    const bk = fc
      .record({
        day: fc.integer({ min: 0, max: 6 }),
        from: fc.integer({ min: 0, max: 1439 }),
        len: fc.integer({ min: 1, max: 600 }),
        cancelled: fc.boolean(),
      })
      .map((b): FacilityBooking => ({
        facilityId: 'f-gym',
        start: at(b.day, b.from),
        end: at(b.day, b.from + b.len),
        status: b.cancelled ? 'cancelled' : 'confirmed',
      }));
    fc.assert(
      fc.property(fc.array(bk, { maxLength: 8 }), (bookings) => {
        const confirmed = bookings.filter((b) => b.status === 'confirmed');
        for (const day of weekAvailability(GYM, bookings, '2026-11-23', CN)) {
          let freeMs = 0;
          for (const f of day.free) {
            expect(f.end).toBeGreaterThan(f.start);
            expect(day.open.some((o) => o.start <= f.start && f.end <= o.end)).toBe(true);
            expect(confirmed.some((b) => b.start < f.end && f.start < b.end)).toBe(false);
            // Every free interval is bookable as far as overlap goes.
            expect(bookingProblems(GYM, bookings, f.start, f.end, 0, CN).map((p) => p.code)).not.toContain('OVERLAP');
            freeMs += f.end - f.start;
          }
          // What is not free in opening hours is booked: every quarter hour checked, asserted once a day
          // (an expect per quarter hour cost more than the week's availability).
          const wrong: Array<{ t: number; isFree: boolean; isBooked: boolean }> = [];
          for (const o of day.open)
            for (let t = o.start; t < o.end; t += 15 * 60_000) {
              const isFree = day.free.some((f) => f.start <= t && t < f.end);
              const isBooked = confirmed.some((b) => b.start <= t && t < b.end);
              if (isFree === isBooked) wrong.push({ t, isFree, isBooked });
            }
          expect(wrong).toEqual([]);
          expect(freeMs).toBeLessThanOrEqual(day.open.reduce((s, o) => s + o.end - o.start, 0));
        }
      }),
      { numRuns: runs(150) },
    );
  });
});
