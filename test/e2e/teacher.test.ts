import { teacherSession } from './teacher-browser';

// A teacher persona clocks in and out in the browser and sees the hours; the host principal decides a
// 补卡. Server time is this process's clock (the gateway runs here), moved with jest's fake Date.
const t = teacherSession({ width: 390, height: 844 });
const { at, byTestId, login, open, openAs, waitForText } = t;

describe('a teacher whose browser refuses location', () => {
  it('is told why clock-in needs it and how to allow it; nothing is recorded', async () => {
    at('2026-11-23T02:00:00Z');
    const denied = await t.browser.newContext({ viewport: { width: 390, height: 844 } }); // no geolocation permission
    try {
      const p = await denied.newPage();
      await p.request.post(`${t.app.url}/__dev/login`, { data: { persona: 'hd-teacher' } });
      await p.goto(`${t.app.url}/#/packages/teacher/pages/home/index`);
      await p.locator('[data-testid="clock-in"]').first().click();
      await p.locator('[data-testid="location-help"]').waitFor();
      expect(await p.locator('[data-testid="location-help"]').textContent()).toContain('浏览器未允许本网站使用位置');
      expect(await p.locator('[data-testid="open-setting"]').count()).toBe(0); // 设置 is WeChat's
      expect(t.app.cloud.store.count('clock_records', {})).toBe(0);
    } finally {
      await denied.close();
    }
  });
});

describe('a teacher at the host school', () => {
  it('clocks in during the session and out after it, then sees the hours of the month', async () => {
    at('2026-11-23T02:00:00Z'); // Monday 10:00 China, session 09:55–11:30
    await openAs('hd-teacher', '/packages/teacher/pages/home/index');
    await byTestId('clock-in').click();
    await byTestId('clock-outcome').waitFor();
    expect(await byTestId('clock-outcome').textContent()).toMatch(
      /签到成功：2026-11-23 10:00，距第四十五中学 \d+ 米（在范围内）/,
    );

    at('2026-11-23T03:32:00Z'); // 11:32, after the end
    await t.page.reload();
    await byTestId('clock-out').click();
    await waitForText('clock-outcome', '签退成功');

    await byTestId('open-month').click();
    await byTestId('month-totals').waitFor();
    // Clocked in without the school's code: the time is recorded but counts apart, as 未核验.
    expect(await byTestId('month-totals').textContent()).toContain('0小时');
    expect(await byTestId('month-unverified').textContent()).toMatch(/另有未核验 1 节、2 课时、1.5 小时/);
    // Hours count only inside the slot (10:00–11:30); the fake clock runs on, so 10:00 may be 10:00:01.
    expect(await t.page.locator('[data-testid="month-line"]').first().textContent()).toMatch(
      /签到 10:00 · 签退 11:32 · (89|90) 分钟/,
    );

    // The browser has no shareFileMessage: the month's CSV downloads at once, with no 发送到聊天 step.
    const [download] = await Promise.all([t.page.waitForEvent('download'), byTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('交流任务-2026-11.csv');
    expect(await t.page.locator('[data-testid="send-to-chat"]').count()).toBe(0);
  });

  it('asks for a 补卡 for a missed session, and the host principal approves it', async () => {
    const request = await t.askMissedMakeup();
    // The host school's principal (互助道小学) approves in the principal's pages.
    await openAs('hd-lead-primary', '/packages/principal/pages/home/index');
    await byTestId(`approve-${request._id}`).click();
    await waitForText(`makeup-item-${request._id}`, '已同意');
    await login('hd-teacher');
    // Made up: the session is no longer offered for 补卡.
    await open('/packages/teacher/pages/home/index');
    await t.page.waitForFunction(
      () =>
        !document.querySelector('[data-testid="makeup-dt-hd-teacher-2-2026-11-25-1400"]') &&
        !!document.querySelector('[data-testid="clock-panel"]'),
    );
  });
});

describe('the host principal', () => {
  it('sees a 补卡 request in the inbox and approves it in the browser', async () => {
    // Monday 30 November's session was missed entirely; the teacher asks on Tuesday 1 December.
    at('2026-12-01T02:00:00Z');
    const asked = await t.app.cloud.invoke(
      'duty',
      {
        action: 'requestMakeup',
        requestId: 'req-mk-e2e-01',
        dutyId: 'dt-hd-teacher-1',
        sessionDate: '2026-11-30',
        slotStart: '09:55',
        reason: '学校活动调课',
      },
      { OPENID: 'o-local-hd-teacher', APPID: 'wx' },
    );
    expect((asked.result as any).ok).toBe(true);
    await openAs('hd-xuequzhang', '/packages/principal/pages/home/index');
    const id = (asked.result as any).data.id;
    await byTestId(`approve-${id}`).click();
    await waitForText(`makeup-item-${id}`, '已同意');
  });
});
