import { presenceCodeAt } from '../helpers/presence';
import { teacherSession } from './teacher-browser';

// 扫码核验 in the browser (issue 14): the teacher clocks in without the code (未核验), and later in the
// same session types the host school's current 6 digits on the card (H5 has no camera scan): the
// session becomes 已核验 with the time of the scan, on the card and in the month view. Server time is
// jest's fake Date; the code is the one the host principal's 签到码 page would show at that instant.
const t = teacherSession();
const { at, byTestId, open, openAs, waitForCardState, waitForText } = t;

const codeInput = () =>
  t.page.locator('[data-testid="verify-code-input"] input, input[data-testid="verify-code-input"]').first();
const SESSION = 'dt-hd-teacher-1-2026-11-23-0955';

describe('扫码核验 on the session card', () => {
  it('an unverified clock-in is verified by typing the code later; the month view shows when', async () => {
    at('2026-11-23T02:00:05Z'); // Monday 10:00:05 China; the session 09:55–11:30 at 第四十五中学 is open
    await openAs('hd-teacher', '/packages/teacher/pages/home/index');
    await byTestId('clock-in').click(); // 不扫码签到
    await waitForCardState('out');
    expect(await byTestId('clock-presence').textContent()).toContain('未核验');
    await byTestId('verify-later-submit').waitFor();
    expect(await byTestId('verify-later').textContent()).toContain('11:30 前有效');

    at('2026-11-23T02:20:05Z'); // 10:20: the teacher is at the school now
    const now = Date.parse('2026-11-23T02:20:05Z');
    const good = presenceCodeAt('hd-s01', now).shortCode;
    await codeInput().fill(good === '000000' ? '000001' : '000000');
    await byTestId('verify-later-submit').click();
    await waitForText('verify-later-outcome', '签到码');
    expect(await byTestId('clock-presence').textContent()).toContain('未核验');

    await codeInput().fill(good);
    await byTestId('verify-later-submit').click();
    await waitForText('verify-later-outcome', '已核验');
    expect(await byTestId('verify-later-outcome').textContent()).toMatch(
      /已核验：2026-11-23 10:20 扫码，距第四十五中学 \d+ 米/,
    );
    await t.page.waitForFunction(
      () => document.querySelector('[data-testid="clock-presence"]')?.textContent === '已核验',
    );
    expect(await t.page.locator('[data-testid="verify-later-submit"]').count()).toBe(0);
    expect(await byTestId(`session-presence-${SESSION}`).textContent()).toBe('已核验');

    // After a reload the card still says so, and the month view shows the status and the scan's time.
    await t.page.reload();
    await t.page.waitForFunction(
      () => document.querySelector('[data-testid="clock-presence"]')?.textContent === '已核验',
    );
    await open('/packages/teacher/pages/month/index?month=2026-11');
    await byTestId('month-line-presence').waitFor();
    expect(await byTestId('month-line-presence').textContent()).toBe('已核验（10:20 扫码核验）');
    expect(await byTestId('month-periods').textContent()).toBe('2');
    expect(await t.page.locator('[data-testid="month-unverified"]').count()).toBe(0);
  });
});
