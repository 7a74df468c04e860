import { createHmac } from 'node:crypto';
import {
  NO_CODE_REASON,
  decideVerifyLater,
  presenceReasonOf,
  verifyOutOfRange,
  OUT_OF_RANGE_REASON,
  PRESENCE_STEP_MS,
  issuePresenceCode,
  presenceOfClockIn,
  presenceStep,
  presenceVerified,
  verifyPresenceCode,
} from '@/domain/presence';

const hmacWith = (secret: string) => (m: string) => createHmac('sha256', secret).update(m).digest('hex');
const hmac = hmacWith('test-secret-of-the-server');
const T0 = Date.parse('2026-11-23T02:00:10Z'); // 10:00:10 China, 10 s into a step
const code = (school: string, at: number) => issuePresenceCode(school, at, hmac);
/** What the server makes of `input` typed or scanned at a school: 'ok' or the code it is refused with. */
const outcome = (input: string, school: string, at: number, key = hmac) => {
  const r = verifyPresenceCode(input, school, at, key);
  return r.ok ? 'ok' : r.code;
};

describe('the rotating presence code', () => {
  it('changes every step, carries school and step, and is the same for the whole step', () => {
    const a = code('hd-s01', T0);
    expect(a.token).toBe(`XQP1.hd-s01.${presenceStep(T0)}.${a.token.split('.')[3]}`);
    expect(a.shortCode).toMatch(/^\d{6}$/);
    expect(code('hd-s01', T0 + 5_000)).toEqual(a);
    expect(a.nextAtMs).toBe((presenceStep(T0) + 1) * PRESENCE_STEP_MS);
    const b = code('hd-s01', a.nextAtMs);
    expect(b.token).not.toBe(a.token);
    expect(b.shortCode).not.toBe(a.shortCode);
  });

  it('accepts the current and the previous step, token or typed digits', () => {
    const a = code('hd-s01', T0);
    expect(verifyPresenceCode(a.token, 'hd-s01', T0, hmac)).toEqual({ ok: true, step: a.step });
    expect(verifyPresenceCode(` ${a.shortCode.slice(0, 3)} ${a.shortCode.slice(3)} `, 'hd-s01', T0, hmac)).toEqual({
      ok: true,
      step: a.step,
    });
    const next = a.nextAtMs + 29_000; // the next step, just before it turns again
    expect(outcome(a.token, 'hd-s01', next)).toBe('ok');
    expect(outcome(a.shortCode, 'hd-s01', next)).toBe('ok');
  });

  it('refuses a replay outside the window as expired', () => {
    const a = code('hd-s01', T0);
    const later = a.nextAtMs + PRESENCE_STEP_MS; // two steps on
    expect(outcome(a.token, 'hd-s01', later)).toBe('PRESENCE_CODE_EXPIRED');
    expect(outcome(a.shortCode, 'hd-s01', later)).toBe('PRESENCE_CODE_EXPIRED');
    // Long gone: no longer recognised at all.
    expect(outcome(a.shortCode, 'hd-s01', T0 + 3_600_000)).toBe('PRESENCE_CODE_INVALID');
  });

  it('refuses another school’s code by name, and a code from the future', () => {
    const other = code('hd-s02', T0);
    expect(outcome(other.token, 'hd-s01', T0)).toBe('PRESENCE_CODE_WRONG_SCHOOL');
    // Typed digits name no school: another school's are simply not this school's code.
    expect(outcome(other.shortCode, 'hd-s01', T0)).toBe('PRESENCE_CODE_INVALID');
    const future = code('hd-s01', T0 + 2 * PRESENCE_STEP_MS);
    expect(outcome(future.token, 'hd-s01', T0)).toBe('PRESENCE_CODE_INVALID');
  });

  it('refuses tampering: another school or step with the old signature, a changed signature, another key', () => {
    const a = code('hd-s01', T0);
    const [prefix, school, step, sig] = a.token.split('.');
    const flip = (c: string) => (c === '0' ? '1' : '0');
    const forged = [
      `${prefix}.hd-s02.${step}.${sig}`, // moved to another school
      `${prefix}.${school}.${Number(step) + 1}.${sig}`, // moved to a later step
      `${prefix}.${school}.${step}.${flip(sig[0])}${sig.slice(1)}`,
      `${prefix}.${school}.${step}.${sig.toUpperCase()}`,
      `${prefix}.${school}.${step}`,
      'XQP2.hd-s01.1.abc',
      '12345x',
    ];
    expect(forged.map((f) => outcome(f, school, T0))).toEqual(forged.map(() => 'PRESENCE_CODE_INVALID'));
    const elsewhere = issuePresenceCode('hd-s01', T0, hmacWith('another-key-entirely'));
    expect(outcome(elsewhere.token, 'hd-s01', T0)).toBe('PRESENCE_CODE_INVALID');
  });

  it('a school id with dots still round-trips', () => {
    const a = code('cn.120102.s1', T0);
    expect(outcome(a.token, 'cn.120102.s1', T0)).toBe('ok');
  });
});

describe('presence of a clock-in', () => {
  it('is verified only with a valid code and within the geofence; otherwise the reason is kept', () => {
    expect(presenceOfClockIn(true, true)).toEqual({ presence: 'code', presenceReason: null });
    expect(presenceOfClockIn(true, false)).toEqual({ presence: 'unverified', presenceReason: OUT_OF_RANGE_REASON });
    expect(presenceOfClockIn(false, true)).toEqual({ presence: 'unverified', presenceReason: NO_CODE_REASON });
  });

  it('records from before codes count as they did (geofence or 补卡); new ones by their presence', () => {
    expect(presenceVerified({ inPass: true, makeup: false })).toBe(true);
    expect(presenceVerified({ inPass: false, makeup: true })).toBe(true);
    expect(presenceVerified({ inPass: false, makeup: false })).toBe(false);
    expect(presenceVerified({ presence: 'unverified', inPass: true, makeup: true })).toBe(false);
    expect(presenceVerified({ presence: 'code', inPass: true, makeup: false })).toBe(true);
    expect(presenceVerified({ presence: 'makeup', inPass: true, makeup: true })).toBe(true);
  });
});

describe('扫码核验: verifying a clock-in without the code by a later scan', () => {
  const end = Date.parse('2026-11-23T07:30:00Z'); // 15:30 China
  const unverified = { presence: 'unverified' as const, clockInAt: end - 90 * 60_000 };

  it('is allowed for an unverified clock-in until the slot ends, and a verified one answers as already done', () => {
    expect(decideVerifyLater(unverified, end, end - 60_000, '15:30')).toEqual({ ok: true, already: false });
    expect(decideVerifyLater(unverified, end, end, '15:30')).toEqual({ ok: true, already: false });
    expect(decideVerifyLater({ ...unverified, presence: 'code' }, end, end + 3_600_000, '15:30')).toEqual({
      ok: true,
      already: true,
    });
  });

  it('is refused after the session, for 补卡 and records from before codes, and without a clock-in, in Chinese', () => {
    expect(decideVerifyLater(unverified, end, end + 1, '15:30')).toMatchObject({
      ok: false,
      code: 'PRESENCE_SESSION_ENDED',
      message: expect.stringContaining('本节已于 15:30 结束'),
    });
    expect(decideVerifyLater({ ...unverified, presence: 'makeup' }, end, end - 1, '15:30')).toMatchObject({
      code: 'PRESENCE_NOT_UPGRADABLE',
      message: expect.stringContaining('补卡'),
    });
    expect(decideVerifyLater({ clockInAt: unverified.clockInAt }, end, end - 1, '15:30')).toMatchObject({
      code: 'PRESENCE_NOT_UPGRADABLE',
      message: expect.stringContaining('扫码签到上线前'),
    });
    expect(decideVerifyLater(null, end, end - 1, '15:30')).toMatchObject({ code: 'NOT_CLOCKED_IN' });
    expect(decideVerifyLater({ presence: 'unverified', clockInAt: null }, end, end - 1, '15:30')).toMatchObject({
      code: 'NOT_CLOCKED_IN',
    });
  });

  it('an unverified record gives its reason; a valid code out of range is refused naming the distance', () => {
    const r = { ...unverified, presenceReason: NO_CODE_REASON, inPass: false, makeup: false };
    expect(presenceReasonOf(r)).toBe(NO_CODE_REASON);
    expect(verifyOutOfRange(420, 300)).toMatchObject({
      code: 'PRESENCE_OUT_OF_RANGE',
      message: expect.stringContaining('420 米'),
    });
  });
});
