import {
  CHINA_ZONE,
  addDays,
  addMonths,
  dateIn,
  datesBetween,
  instantAt,
  isCalendarDate,
  isoWeekday,
  localDate,
  monthBounds,
  schoolYearLabel,
  schoolYearOf,
  startOfDayIn,
} from '@/domain/time';

describe('dates are decided in China time', () => {
  it('16:00 UTC on 31 August is already 1 September in Shanghai: the new school year', () => {
    const t = Date.parse('2026-08-31T16:00:00Z');
    expect(localDate(t, CHINA_ZONE)).toBe('2026-09-01');
    expect(schoolYearOf(t, CHINA_ZONE)).toBe(2026);
    expect(schoolYearOf(t, 'UTC')).toBe(2025);
  });

  it('one second earlier is still the old school year', () => {
    const t = Date.parse('2026-08-31T15:59:59Z');
    expect(localDate(t, CHINA_ZONE)).toBe('2026-08-31');
    expect(schoolYearOf(t, CHINA_ZONE)).toBe(2025);
  });

  it('spring belongs to the school year that began the previous autumn', () => {
    expect(schoolYearOf(Date.parse('2027-03-01T00:00:00Z'), CHINA_ZONE)).toBe(2026);
    expect(schoolYearLabel(2026)).toBe('2026—2027学年');
  });
});

describe('one module for China time', () => {
  it('China has no daylight saving: every China midnight of a year is 16:00 UTC the day before', () => {
    for (const date of datesBetween('2026-01-01', '2026-12-31')) {
      const midnight = instantAt(date, '00:00', CHINA_ZONE);
      expect(new Date(midnight).toISOString()).toBe(`${addDays(date, -1)}T16:00:00.000Z`);
      expect(dateIn(midnight, CHINA_ZONE)).toBe(date);
      expect(startOfDayIn(midnight + 12 * 3_600_000, CHINA_ZONE)).toBe(midnight);
    }
  });

  it('checks dates and months with one pattern each', () => {
    expect(['2024-02-29', '2026-11-23'].every(isCalendarDate)).toBe(true);
    expect(['2026-02-29', '2026-13-01', '2026-1-01', ' 2026-01-01'].some(isCalendarDate)).toBe(false);
    expect([addMonths('2026-12', 1), addMonths('2026-01', -1), addMonths('2026-11', 0)]).toEqual([
      '2027-01',
      '2025-12',
      '2026-11',
    ]);
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});
