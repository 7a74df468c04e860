import { CHINA_ZONE, localDate, schoolYearLabel, schoolYearOf } from '../../src/domain/time';

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
