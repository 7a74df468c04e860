import {
  applyApprovedMakeup,
  canRequestMakeup,
  checkMakeupTarget,
  recordHours,
  recordFlags,
  sessionsOnDate,
} from '@/domain/duty';
import { CN, POLICY, at, clockedIn, cn, duty } from './fixtures';

describe('canRequestMakeup: quota per China month', () => {
  const now = cn('2026-11-20', '10:00');

  it.each([
    [[], true, 2],
    [['2026-11-02'], true, 1],
    [['2026-11-02', cn('2026-11-10', '09:00')], true, 0],
    [['2026-11-02', cn('2026-11-10', '09:00'), '2026-11-19'], false, 0],
    [['2026-10-29', '2026-10-30', '2026-10-31'], true, 2],
  ])('existing %j → ok %s', (existing, ok, remaining) => {
    const r = canRequestMakeup(existing, now, CN, POLICY);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.remaining).toBe(remaining);
    else
      expect(r).toMatchObject({
        code: 'MAKEUP_LIMIT',
        message: '2026年11月已申请补卡 3 次，每月最多 3 次，本月不能再申请',
      });
  });

  it('requests are counted in the China month they were made (16:00 UTC is midnight)', () => {
    const lastOfOctoberUtc = [at('2026-10-31T16:30:00Z'), at('2026-10-31T17:00:00Z'), at('2026-10-31T18:00:00Z')]; // 1 Nov in China
    expect(canRequestMakeup(lastOfOctoberUtc, now, CN, POLICY)).toMatchObject({ ok: false, code: 'MAKEUP_LIMIT' });
    const stillOctober = [at('2026-10-31T15:59:00Z'), at('2026-10-31T15:00:00Z'), at('2026-10-31T10:00:00Z')];
    expect(canRequestMakeup(stillOctober, now, CN, POLICY).ok).toBe(true);
    // At 2026-11-30T16:30Z it is already December in China: November's requests no longer count.
    expect(canRequestMakeup(lastOfOctoberUtc, at('2026-11-30T16:30:00Z'), CN, POLICY).ok).toBe(true);
    expect(canRequestMakeup(lastOfOctoberUtc, at('2026-11-30T15:59:00Z'), CN, POLICY).ok).toBe(false);
  });

  it('the limit follows the policy', () => {
    expect(canRequestMakeup(['2026-11-02'], now, CN, { ...POLICY, makeupPerMonth: 1 }).ok).toBe(false);
    expect(canRequestMakeup([], now, CN, { ...POLICY, makeupPerMonth: 0 }).ok).toBe(false);
  });
});

describe('checkMakeupTarget', () => {
  const [session] = sessionsOnDate(duty(), '2026-11-16', CN); // Monday 08:00–08:45

  it.each([
    [cn('2026-11-16', '08:30'), 'MAKEUP_NOT_PAST'],
    [cn('2026-11-16', '08:45'), 'both'],
    [cn('2026-11-23', '23:59'), 'both'],
    [cn('2026-11-24', '00:00'), 'MAKEUP_TOO_OLD'],
  ])('at %s → %s (7-day look-back in China dates)', (now, expected) => {
    const r = checkMakeupTarget(session, null, now, CN, POLICY);
    if (r.ok) expect(r.need).toBe(expected);
    else expect(r.code).toBe(expected);
  });

  it('a look-back may cross the month end', () => {
    const [last] = sessionsOnDate(duty(), '2026-11-30', CN);
    expect(checkMakeupTarget(last, null, cn('2026-12-02', '09:00'), CN, POLICY)).toEqual({ ok: true, need: 'both' });
  });

  it('fills only what is missing; a complete record needs none', () => {
    const inOnly = clockedIn('2026-11-16', '08:00', '08:45', '08:02');
    const now = cn('2026-11-17', '09:00');
    expect(checkMakeupTarget(session, inOnly, now, CN, POLICY)).toEqual({ ok: true, need: 'out' });
    expect(
      checkMakeupTarget(session, { ...inOnly, clockOutAt: cn('2026-11-16', '08:45') }, now, CN, POLICY),
    ).toMatchObject({
      ok: false,
      code: 'MAKEUP_NOT_NEEDED',
    });
  });
});

describe('applyApprovedMakeup', () => {
  const [session] = sessionsOnDate(duty(), '2026-11-16', CN);

  it('nothing recorded: the whole slot, flagged makeup, no distances', () => {
    const r = applyApprovedMakeup(session, null);
    expect(r).toMatchObject({
      _id: session.key,
      clockInAt: session.startMs,
      clockOutAt: session.endMs,
      inDistanceM: null,
      makeup: true,
      late: false,
    });
    const h = recordHours(r, CN, POLICY);
    expect(h).toMatchObject({ minutes: 45, capped: false });
    expect(recordFlags(r, h)).toEqual({
      late: false,
      leftEarly: false,
      outOfRange: false,
      capped: false,
      makeup: true,
    });
  });

  it('clocked in only: keeps what was measured, closes at the slot end', () => {
    const inOnly = clockedIn('2026-11-16', '08:00', '08:45', '08:15', {
      _id: session.key,
      late: true,
      inPass: false,
      inDistanceM: 700,
      outPass: null,
      outDistanceM: null,
    });
    const r = applyApprovedMakeup(session, inOnly);
    expect(r).toMatchObject({
      clockInAt: cn('2026-11-16', '08:15'),
      clockOutAt: session.endMs,
      late: true,
      inPass: false,
      inDistanceM: 700,
      makeup: true,
    });
    expect(recordHours(r, CN, POLICY)).toMatchObject({ minutes: 30, capped: false });
  });
});
