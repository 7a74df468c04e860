import { bindLockedMessage, rateLimitMessage, retryAfterSeconds, whenLabel, windowOf } from '@/domain/rate-limit';
import { CHINA_ZONE } from '@/domain/time';

const at = (iso: string) => Date.parse(iso);

describe('rate-limit windows', () => {
  it('days run midnight to midnight China time; minutes and hours are clock-aligned', () => {
    expect(windowOf('day', at('2026-11-23T15:59:59Z'), CHINA_ZONE)).toEqual({
      start: at('2026-11-22T16:00:00Z'),
      end: at('2026-11-23T16:00:00Z'),
    });
    expect(windowOf('day', at('2026-11-23T16:00:00Z'), CHINA_ZONE)).toEqual({
      start: at('2026-11-23T16:00:00Z'),
      end: at('2026-11-24T16:00:00Z'),
    });
    expect(windowOf('hour', at('2026-11-23T02:59:59.999Z'), CHINA_ZONE)).toEqual({
      start: at('2026-11-23T02:00:00Z'),
      end: at('2026-11-23T03:00:00Z'),
    });
    expect(windowOf('minute', at('2026-11-23T02:00:30Z'), CHINA_ZONE)).toEqual({
      start: at('2026-11-23T02:00:00Z'),
      end: at('2026-11-23T02:01:00Z'),
    });
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
