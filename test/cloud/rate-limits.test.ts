import { ACCESS } from '@/contracts/access';
import { CODE_ALPHABET } from '@/domain/invite';
import { TEST_NOW, useTestApp } from '../helpers/local-app';
import { callsOf, inquiryRequest } from '../helpers/calls';

// Issue 13 item 3 and item 6: per-caller limits from the access matrix, counted in the database, driven
// by the server clock (fixed at TEST_NOW, moved with jest.setSystemTime); invite binding locks after
// repeated wrong codes.
const app = useTestApp();
const { call, ok } = callsOf(() => app);
/** What a refused call could have written to: the collections of these actions and the counters. */
const snapshot = () =>
  JSON.stringify(
    ['zoning_inquiries', 'rate_counters', 'users', 'invites', 'invite_audit'].map((c) => app.cloud.store.find(c, {})),
  );

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ask = (n: number, over: Record<string, unknown> = {}) =>
  inquiryRequest(`rl-ask-${String(n).padStart(6, '0')}`, { schoolId: 'hd-s05', address: `互助道${n}号`, ...over });
const inquiriesOf = (openid: string) => app.cloud.store.count('zoning_inquiries', { openid });

afterEach(() => jest.setSystemTime(TEST_NOW));

describe('the access matrix', () => {
  it('limits every action that stores typed text or sends a notice, and only signed-in ones', () => {
    const limited = Object.entries(ACCESS).flatMap(([fn, rules]) =>
      Object.entries(rules as Record<string, { access: unknown; limit?: { per: string; max: number } }>)
        .filter(([, r]) => r.limit)
        .map(([action, r]) => ({ name: `${fn}.${action}`, access: r.access, limit: r.limit! })),
    );
    for (const name of [
      'school.askSchool',
      'school.answerInquiry',
      'duty.requestMakeup',
      'duty.decideMakeup',
      'approval.submitExchange',
      'approval.submitFacility',
      'approval.decide',
      'approval.resubmit',
      'facility.cancel',
      'admin.createInvite',
      'admin.applyEdit',
    ]) {
      expect(limited.map((l) => l.name)).toContain(name);
    }
    for (const l of limited) {
      expect({
        name: l.name,
        public: l.access === 'public',
        maxOk: Number.isInteger(l.limit.max) && l.limit.max > 0,
      }).toEqual({ name: l.name, public: false, maxOk: true });
    }
  });
});

describe('请学校确认: 20 a day per parent', () => {
  it('the 21st is refused in Chinese with when to try again, writing nothing; the next China day it is allowed again', async () => {
    const PARENT = 'o-rl-parent-1';
    for (let n = 1; n <= 20; n++) await ok('school', 'askSchool', ask(n), PARENT);
    const before = snapshot();
    const refused = await call('school', 'askSchool', ask(21), PARENT);
    // TEST_NOW is 10:00 in Shanghai: the day's window ends at midnight, 14 hours on.
    expect(refused).toEqual({
      ok: false,
      code: 'RATE_LIMITED',
      message: '操作太频繁（每天最多 20 次），请在 明天 00:00 后再试',
      retryAfter: 14 * 3600,
    });
    expect(snapshot()).toBe(before);
    expect(inquiriesOf(PARENT)).toBe(20);

    // Another parent is not held back by this one.
    await ok('school', 'askSchool', ask(1), 'o-rl-parent-2');

    // 23:59:59 China time is still the same day; midnight opens a new window.
    jest.setSystemTime(Date.parse('2026-11-23T15:59:59Z'));
    expect(await call('school', 'askSchool', ask(22), PARENT)).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
      retryAfter: 1,
      message: '操作太频繁（每天最多 20 次），请 1 秒后再试',
    });
    jest.setSystemTime(Date.parse('2026-11-23T16:00:00Z'));
    await ok('school', 'askSchool', ask(22), PARENT);
    expect(inquiriesOf(PARENT)).toBe(21);
    // The new window's first call removed the ended one: one counter per caller and action.
    expect(app.cloud.store.find('rate_counters', { openid: PARENT }).map((d) => [d.windowStart, d.count])).toEqual([
      [Date.parse('2026-11-23T16:00:00Z'), 1],
    ]);
  });

  it('a failed call does not count: refused input or an unknown school leaves the limit whole', async () => {
    const PARENT = 'o-rl-parent-3';
    jest.setSystemTime(TEST_NOW + 2 * DAY);
    for (let n = 1; n <= 30; n++) {
      expect(await call('school', 'askSchool', ask(n, { schoolId: 'hc-s01' }), PARENT)).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        field: 'schoolId',
      });
    }
    for (let n = 1; n <= 20; n++) await ok('school', 'askSchool', ask(n), PARENT);
    expect(await call('school', 'askSchool', ask(21), PARENT)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });

  it('40 concurrent questions from one parent: exactly 20 stored, the rest RATE_LIMITED', async () => {
    const PARENT = 'o-rl-parent-4';
    const results = await Promise.all(
      Array.from({ length: 40 }, (_x, n) => call('school', 'askSchool', ask(100 + n), PARENT)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(new Set(results.filter((r) => !r.ok).map((r) => r.code))).toEqual(new Set(['RATE_LIMITED']));
    expect(inquiriesOf(PARENT)).toBe(20);
    // One counter document for the caller and window, at the limit.
    expect(app.cloud.store.find('rate_counters', { openid: PARENT }).map((d) => d.count)).toEqual([20]);
  });
});

describe('an hourly limit (a principal answering)', () => {
  it('counts per clock hour: refused at the limit, allowed again in the next hour', async () => {
    // 300 answers an hour is the matrix's figure; fill the counter through the store to keep the test short.
    const PRINCIPAL = 'o-local-hd-lead-primary';
    const { id } = await ok('school', 'askSchool', ask(500), 'o-rl-parent-5');
    const hourStart = Math.floor(TEST_NOW / HOUR) * HOUR;
    app.cloud.store.insert('rate_counters', [
      {
        _id: `school.answerInquiry|${PRINCIPAL}|${hourStart}`,
        limitKey: 'school.answerInquiry',
        openid: PRINCIPAL,
        windowStart: hourStart,
        count: 300,
        expiresAt: new Date(hourStart + HOUR),
      },
    ]);
    expect(await call('school', 'answerInquiry', { id, answer: '属本校划片' }, PRINCIPAL)).toEqual({
      ok: false,
      code: 'RATE_LIMITED',
      message: '操作太频繁（每小时最多 300 次），请在 11:00 后再试',
      retryAfter: 3600,
    });
    jest.setSystemTime(hourStart + HOUR);
    expect((await ok('school', 'answerInquiry', { id, answer: '属本校划片' }, PRINCIPAL)).status).toBe('answered');
  });
});

describe('invite binding locks after 5 wrong codes', () => {
  const BUREAU = 'o-local-hd-bureau';
  // Well-formed codes (12 characters of the alphabet) that no invite has.
  const WRONG = (n: number) => `WRNG-2345-${CODE_ALPHABET.slice(n, n + 4)}`;

  it('the 6th attempt is refused even with a valid code, saying until when; others are not locked; the next hour it binds', async () => {
    const { code } = await ok(
      'admin',
      'createInvite',
      { requestId: 'rl-inv-000001', role: 'principal', schoolId: 'hd-s08' },
      BUREAU,
    );
    const GUESSER = 'o-rl-guesser';
    for (let n = 0; n < 5; n++)
      expect(await call('account', 'bind', { code: WRONG(n) }, GUESSER)).toMatchObject({
        ok: false,
        code: 'INVITE_INVALID',
      });
    const before = snapshot();
    expect(await call('account', 'bind', { code }, GUESSER)).toEqual({
      ok: false,
      code: 'INVITE_LOCKED',
      message: '邀请码错误次数过多（每小时最多 5 次），已暂时锁定，请在 11:00 后再试',
      retryAfter: 3600,
    });
    expect(snapshot()).toBe(before);
    // A malformed code is refused before any lookup and does not count (nor is it locked out).
    expect(await call('account', 'bind', { code: '0000' }, 'o-rl-typo')).toMatchObject({
      ok: false,
      code: 'INVITE_INVALID',
    });

    jest.setSystemTime(Math.floor(TEST_NOW / HOUR) * HOUR + HOUR);
    expect((await ok('account', 'bind', { code }, GUESSER)).me.roles).toEqual(['principal']);
  });

  it('a successful bind does not count as a failure', async () => {
    const CALLER = 'o-rl-binder';
    for (let n = 0; n < 4; n++)
      expect(await call('account', 'bind', { code: WRONG(n) }, CALLER)).toMatchObject({
        ok: false,
        code: 'INVITE_INVALID',
      });
    const { code } = await ok(
      'admin',
      'createInvite',
      { requestId: 'rl-inv-000002', role: 'teacher', schoolId: 'hd-s06' },
      'o-local-hd-principal',
    );
    await ok('account', 'bind', { code }, CALLER);
    // 4 failures so far: one more wrong code is still answered, the next is locked.
    expect(await call('account', 'bind', { code: WRONG(5) }, CALLER)).toMatchObject({
      ok: false,
      code: 'INVITE_INVALID',
    });
    expect(await call('account', 'bind', { code: WRONG(6) }, CALLER)).toMatchObject({
      ok: false,
      code: 'INVITE_LOCKED',
    });
  });

  it('20 concurrent wrong codes from one caller: at most 5 are looked up, the rest locked', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_x, n) => call('account', 'bind', { code: WRONG(n) }, 'o-rl-burst')),
    );
    const codes = results.map((r) => r.code);
    expect(codes.filter((c) => c === 'INVITE_INVALID')).toHaveLength(5);
    expect(codes.filter((c) => c === 'INVITE_LOCKED')).toHaveLength(15);
  });
});
