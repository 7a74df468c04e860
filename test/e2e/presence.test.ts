import { teacherSession } from './teacher-browser';

// 扫码签到 in the browser (issue 14): the host principal's 签到码 page shows a code that changes when
// the server clock moves on a step (jest's fake Date; the page is refreshed, nothing sleeps), and the
// teacher on H5, where there is no camera scan, types the 6 digits: the card then says 已核验.
const t = teacherSession();
const { at, byTestId, fill, login, open, openAs, waitForCardState, waitForText } = t;

const shortCode = async () => ((await byTestId('presence-short-code').textContent()) ?? '').replace(/\s+/g, '');

describe('扫码签到', () => {
  it('the principal’s code turns with the server clock; the teacher types it on H5 and the session is 已核验', async () => {
    at('2026-11-23T02:00:05Z'); // Monday 10:00:05 China; the session 09:55–11:30 at 第四十五中学 is open
    await login('hd-xuequzhang'); // its principal
    await open('/packages/principal/pages/home/index');
    await byTestId('open-presence').click();
    await byTestId('presence-short-code').waitFor();
    const first = await shortCode();
    const firstToken = await byTestId('presence-qr').getAttribute('data-token');
    expect(first).toMatch(/^\d{6}$/);
    expect(firstToken).toMatch(/^XQP1\.hd-s01\./);
    // The QR is drawn: dark modules inside the square.
    expect(await t.page.locator('[data-testid="presence-qr"] > *').count()).toBeGreaterThan(50);

    at('2026-11-23T02:00:35Z'); // the next 30 s step
    await byTestId('presence-refresh').click();
    await t.page.waitForFunction(
      (old) => document.querySelector('[data-testid="presence-qr"]')?.getAttribute('data-token') !== old,
      firstToken,
    );
    const second = await shortCode();
    expect(second).not.toBe(first);

    await openAs('hd-teacher', '/packages/teacher/pages/home/index');
    await byTestId('clock-in-scan').waitFor();
    // A wrong code is refused and the card still offers 签到.
    await fill('presence-code-input', second === '000000' ? '000001' : '000000');
    await byTestId('clock-in-scan').click();
    await waitForText('clock-error', '签到码');
    expect(await byTestId('clock-panel').getAttribute('data-state')).toBe('in');

    await fill('presence-code-input', second);
    await byTestId('clock-in-scan').click();
    await waitForText('clock-outcome', '已核验');
    expect(await byTestId('clock-outcome').textContent()).toMatch(
      /签到成功：2026-11-23 10:00，距第四十五中学 \d+ 米（在范围内），已核验/,
    );
    await waitForCardState('out');
    expect(await byTestId('clock-presence').textContent()).toBe('已核验');
    expect(await byTestId('session-presence-dt-hd-teacher-1-2026-11-23-0955').textContent()).toBe('已核验');

    // The principal's attendance shows the session as verified, not as an exception.
    await openAs('hd-xuequzhang', '/packages/principal/pages/attendance/index');
    await byTestId('attendance-row-dt-hd-teacher-1-2026-11-23-0955').waitFor();
    expect(
      await t.page
        .locator('[data-testid="attendance-row-dt-hd-teacher-1-2026-11-23-0955"] [data-testid="attendance-presence"]')
        .textContent(),
    ).toBe('已核验');
  });
});
