import {
  checkRecordAccess,
  clockInRecord,
  decideClockIn,
  decideClockOut,
  geofence,
  recordToClockOut,
  refuseSecondClockIn,
  sessionOfRecord,
  sessionsOnDate,
  withClockOut,
} from '@/domain/duty';
import type { ClockInDecision, ClockOutDecision } from '@/domain/duty';
import { CN, POLICY, cn, duty, record } from './fixtures';

const mon = '2026-11-23';
const [session] = sessionsOnDate(duty(), mon, CN); // Monday 08:00–08:45
const ok = <T extends { ok: boolean }>(r: T | { ok: false; code: string }) => {
  if (!r.ok) throw new Error(`refused: ${(r as { code: string }).code}`);
  return r;
};

describe('geofence', () => {
  const host = { latitude: 39.128, longitude: 117.252 };
  // 1° of latitude ≈ 111 195 m on the haversine sphere: 0.0027° ≈ 300.2 m.
  it.each([
    [0, 0, true],
    [0.0026, 289, true],
    [0.0027, 300, true],
    [0.00271, 301, false],
    [0.01, 1112, false],
  ])('%f° north → %i m, pass %s at 300 m', (dLat, metres, pass) => {
    expect(geofence(host, 300, { latitude: host.latitude + dLat, longitude: host.longitude })).toEqual({
      distanceM: metres,
      pass,
    });
  });

  it('returns only the distance and the verdict, never the point', () => {
    expect(Object.keys(geofence(host, 500, { latitude: 39.13, longitude: 117.25 })).sort()).toEqual([
      'distanceM',
      'pass',
    ]);
  });

  it('the radius is per school', () => {
    expect(geofence(host, 1200, { latitude: host.latitude + 0.01, longitude: host.longitude }).pass).toBe(true);
  });
});

describe('decideClockIn', () => {
  it.each([
    ['07:30', false, 0],
    ['08:00', false, 0],
    ['08:10', false, 10],
    ['08:11', true, 11],
    ['08:44', true, 44],
  ])('at %s late = %s (grace 10 min), %i min after start', (hm, late, minutes) => {
    const r = ok<ClockInDecision>(decideClockIn(session, cn(mon, hm), 20, POLICY));
    expect(r).toMatchObject({ late, lateMinutes: minutes, inPass: true, clockInAt: cn(mon, hm) });
    expect(r.warnings.length).toBe(late ? 1 : 0);
  });

  it('one millisecond past the grace is late', () => {
    expect(ok<ClockInDecision>(decideClockIn(session, cn(mon, '08:10') + 1, 20, POLICY)).late).toBe(true);
  });

  it('the grace follows the policy', () => {
    expect(ok<ClockInDecision>(decideClockIn(session, cn(mon, '08:03'), 20, { ...POLICY, lateGraceMin: 0 })).late).toBe(
      true,
    );
  });

  it('out of range is accepted and flagged, not hidden', () => {
    const r = ok<ClockInDecision>(decideClockIn(session, cn(mon, '07:55'), 301, POLICY));
    expect(r.inPass).toBe(false);
    expect(r.inDistanceM).toBe(301);
    expect(r.warnings[0]).toContain('超出 300 米');
    expect(ok<ClockInDecision>(decideClockIn(session, cn(mon, '07:55'), 300, POLICY)).inPass).toBe(true);
  });

  it('outside the window is refused', () => {
    expect(decideClockIn(session, cn(mon, '07:29'), 0, POLICY)).toMatchObject({ ok: false, code: 'NO_DUTY_NOW' });
    expect(decideClockIn(session, cn(mon, '08:46'), 0, POLICY)).toMatchObject({ ok: false, code: 'NO_DUTY_NOW' });
  });

  it('builds a record keyed by the session, with no coordinates', () => {
    const r = clockInRecord(session, ok<ClockInDecision>(decideClockIn(session, cn(mon, '08:12'), 40, POLICY)));
    expect(r).toEqual({
      _id: 'd1-2026-11-23-0800',
      dutyId: 'd1',
      teacherOpenid: 't1',
      hostSchoolId: 'host1',
      sessionDate: mon,
      slotStart: '08:00',
      slotEnd: '08:45',
      clockInAt: cn(mon, '08:12'),
      clockOutAt: null,
      inDistanceM: 40,
      inPass: true,
      outDistanceM: null,
      outPass: null,
      late: true,
      leftEarly: false,
      makeup: false,
    });
    expect(refuseSecondClockIn(r, CN)).toMatchObject({ ok: false, code: 'ALREADY_CLOCKED_IN' });
    expect(refuseSecondClockIn(r, CN).message).toContain('2026-11-23 08:12');
  });
});

describe('decideClockOut', () => {
  const inRec = record({
    sessionDate: mon,
    slotStart: '08:00',
    slotEnd: '08:45',
    clockInAt: cn(mon, '07:55'),
    clockOutAt: null,
    outDistanceM: null,
    outPass: null,
  });

  it('without a clock-in: NOT_CLOCKED_IN', () => {
    expect(decideClockOut(null, session, cn(mon, '08:45'), 0, POLICY)).toMatchObject({
      ok: false,
      code: 'NOT_CLOCKED_IN',
    });
    expect(decideClockOut({ ...inRec, clockInAt: null }, session, cn(mon, '08:45'), 0, POLICY)).toMatchObject({
      code: 'NOT_CLOCKED_IN',
    });
  });

  it('twice: ALREADY_CLOCKED_OUT', () => {
    expect(
      decideClockOut({ ...inRec, clockOutAt: cn(mon, '08:45') }, session, cn(mon, '08:50'), 0, POLICY),
    ).toMatchObject({
      ok: false,
      code: 'ALREADY_CLOCKED_OUT',
    });
  });

  it.each([
    ['08:44', true, 1],
    ['08:45', false, 0],
    ['09:30', false, 0],
  ])('at %s left early = %s (%i min)', (hm, leftEarly, earlyMinutes) => {
    const r = ok<ClockOutDecision>(decideClockOut(inRec, session, cn(mon, hm), 10, POLICY));
    expect(r).toMatchObject({ leftEarly, earlyMinutes, outPass: true, outDistanceM: 10 });
  });

  it('out of range at clock-out is flagged', () => {
    const r = ok<ClockOutDecision>(decideClockOut(inRec, session, cn(mon, '08:45'), 900, POLICY));
    expect(r.outPass).toBe(false);
    const after = withClockOut(inRec, r);
    expect(after).toMatchObject({ clockOutAt: cn(mon, '08:45'), outDistanceM: 900, outPass: false, leftEarly: false });
  });

  it('the record to close is the latest open one of the caller', () => {
    const older = { ...inRec, _id: 'old', clockInAt: cn('2026-11-16', '07:55') };
    const other = { ...inRec, _id: 'theirs', teacherOpenid: 't2', clockInAt: cn(mon, '08:00') };
    const done = { ...inRec, _id: 'done', clockInAt: cn(mon, '08:01'), clockOutAt: cn(mon, '08:45') };
    expect(recordToClockOut([older, inRec, other, done], 't1')).toBe(inRec);
    expect(recordToClockOut([other, done], 't1')).toMatchObject({ ok: false, code: 'NOT_CLOCKED_IN' });
    expect(checkRecordAccess(other, 't1')).toMatchObject({ ok: false, code: 'NOT_YOUR_DUTY' });
    expect(checkRecordAccess(inRec, 't1')).toBeNull();
  });

  it("the record's session is rebuilt from the record's own slot", () => {
    const s = sessionOfRecord(inRec, duty({ slots: [] }), CN);
    expect([s.startMs, s.endMs, s.periods, s.key]).toEqual([
      cn(mon, '08:00'),
      cn(mon, '08:45'),
      0,
      'd1-2026-11-23-0800',
    ]);
    expect(sessionOfRecord(inRec, duty(), CN).periods).toBe(1);
  });
});
