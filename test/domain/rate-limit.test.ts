import { bindLockedMessage, rateLimitMessage, retryAfterSeconds, whenLabel, windowOf } from '@/domain/rate-limit';
import { CHINA_ZONE } from '@/domain/time';

const at = (iso: string) => Date.parse(iso);

describe('rate-limit windows', () => {
  // Days run midnight to midnight China time; minutes and hours are clock-aligned.
  it.each([
    ['day', '2026-11-23T15:59:59Z', '2026-11-22T16:00:00Z', '2026-11-23T16:00:00Z'], // 23:59:59 on the 23rd
    ['day', '2026-11-23T16:00:00Z', '2026-11-23T16:00:00Z', '2026-11-24T16:00:00Z'], // midnight: the 24th
    ['hour', '2026-11-23T02:59:59.999Z', '2026-11-23T02:00:00Z', '2026-11-23T03:00:00Z'],
    ['minute', '2026-11-23T02:00:30Z', '2026-11-23T02:00:00Z', '2026-11-23T02:01:00Z'],
  ] as const)('the %s of %s runs from %s to %s', (per, now, start, end) => {
    expect(windowOf(per, at(now), CHINA_ZONE)).toEqual({ start: at(start), end: at(end) });
  });

  it('says when to try again: in seconds when soon, else the China time, "明天" or the date', () => {
    const now = at('2026-11-23T02:00:30Z'); // 10:00:30 in Shanghai
    expect(retryAfterSeconds(at('2026-11-23T02:01:00Z'), now)).toBe(30);
    expect(retryAfterSeconds(now, now)).toBe(1);
    expect(rateLimitMessage({ per: 'minute', max: 5 }, at('2026-11-23T02:01:00Z'), now, CHINA_ZONE)).toBe(
      '操作太频繁（每分钟最多 5 次），请 30 秒后再试',
    );
    expect(rateLimitMessage({ per: 'hour', max: 60 }, at('2026-11-23T03:00:00Z'), now, CHINA_ZONE)).toBe(
      '操作太频繁（每小时最多 60 次），请在 11:00 后再试',
    );
    expect(whenLabel(at('2026-11-23T16:00:00Z'), now, CHINA_ZONE)).toBe('明天 00:00');
    expect(whenLabel(at('2026-11-25T16:00:00Z'), now, CHINA_ZONE)).toBe('11月26日 00:00');
    expect(bindLockedMessage(at('2026-11-23T03:00:00Z'), now, CHINA_ZONE)).toBe(
      '邀请码错误次数过多（每小时最多 5 次），已暂时锁定，请在 11:00 后再试',
    );
  });
});
