import type { Request } from 'playwright-core';
import { gcj02ToWgs84 } from '@/domain/geo';
import { teacherSession } from './teacher-browser';

// Issue 14 in the browser: the clock card's states (签到 → 签退 → done), a double tap sending one
// request, a second tap that keeps the first success and its warnings, 签退 long before the end asking
// first, picking one of two duties, the host principal's attendance page, and a rejected 补卡 with
// its comment reaching the teacher. Server time is this process's clock, moved with jest's fake Date.
const t = teacherSession();
const { at, byTestId, fill, login, open, openAs, textOf, waitForCardState, waitForText } = t;

const cardState = () => byTestId('clock-panel').getAttribute('data-state');
const isAction = (r: Request, action: string) =>
  r.url().includes('/fn/duty') && (r.postData() ?? '').includes(`"action":"${action}"`);

describe('the clock card of a late teacher out of range', () => {
  it('a double tap sends one 签到; a second tap keeps the success and its warnings; then 签退 is offered', async () => {
    at('2026-11-26T02:26:00Z'); // Thursday 10:26 China, session 09:55–11:30: 31 minutes late
    await t.context.setGeolocation(gcj02ToWgs84({ latitude: t.host.latitude + 0.01, longitude: t.host.longitude }));
    await openAs('hd-teacher', '/packages/teacher/pages/home/index');
    await byTestId('clock-in').waitFor();
    expect(await cardState()).toBe('in');

    const clockIns: Request[] = [];
    t.page.on('request', (r) => void (isAction(r, 'clockIn') && clockIns.push(r)));
    // The card's reload after the answer is held back, so the 签到 button is still there for a second tap.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await t.page.route('**/fn/duty', async (route) => {
      if ((route.request().postData() ?? '').includes('"action":"today"')) await held;
      await route.fallback().catch(() => undefined);
    });
    // Two taps in the same tick, before React can disable the button.
    await byTestId('clock-in').evaluate((el) => {
      (el as HTMLElement).click();
      (el as HTMLElement).click();
    });
    await waitForText('clock-outcome', '签到成功');
    expect(clockIns).toHaveLength(1);
    const outcome = await textOf('clock-outcome');
    expect(outcome).toMatch(/迟到 31 分钟/);
    expect(outcome).toMatch(/超出 300 米范围，已记录并提示学校/);

    // A forced second tap: the same request (one id per intent), answered with the first result and its warnings.
    const [second] = await Promise.all([
      t.page.waitForResponse((r) => isAction(r.request(), 'clockIn')),
      byTestId('clock-in').click(),
    ]);
    expect((await second.json()).result.data).toMatchObject({ duplicate: true, late: true });
    expect(clockIns).toHaveLength(2);
    expect(JSON.parse(clockIns[0].postData()!).data.requestId).toBe(JSON.parse(clockIns[1].postData()!).data.requestId);
    expect(await textOf('clock-outcome')).toBe(outcome);
    expect(await t.page.locator('[data-testid="clock-error"]').count()).toBe(0);

    await Promise.all([t.page.waitForResponse((r) => isAction(r.request(), 'today')), release()]);
    await t.page.unroute('**/fn/duty');
    await waitForCardState('out');
    expect(await t.page.locator('[data-testid="clock-in"]').count()).toBe(0);
    expect(await textOf('session-state-dt-hd-teacher-1-2026-11-26-0955')).toBe('已签到，待签退');
    expect(t.app.cloud.store.count('clock_records', {})).toBe(1);
  });

  it('签退 64 minutes early asks first; 暂不签退 records nothing; confirmed, the card says the session is done', async () => {
    at('2026-11-26T02:26:40Z');
    await byTestId('clock-out').click();
    await t.page.locator('.taro-modal__text').filter({ hasText: '早退' }).waitFor();
    expect(await t.page.locator('.taro-modal__text').textContent()).toMatch(
      /本节 11:30 结束，现在签退将记为早退 64 分钟/,
    );
    await t.page.locator('.taro-model__cancel').click();
    await t.page.waitForFunction(() => !document.querySelector('[data-testid="clock-out"][disabled]'));
    expect((t.app.cloud.store.find('clock_records', {})[0] as any).clockOutAt).toBeNull();

    await byTestId('clock-out').click();
    await t.page.locator('.taro-modal__text').filter({ hasText: '早退' }).waitFor({ state: 'visible' });
    await t.page.locator('.taro-model__confirm').click();
    await waitForText('clock-outcome', '签退成功');
    expect(await textOf('clock-outcome')).toMatch(/早退 64 分钟/);
    await waitForCardState('done');
    expect(await textOf('clock-done')).toContain('本节已完成签到和签退');
    expect(await t.page.locator('[data-testid="clock-in"]').count()).toBe(0);
    expect(await textOf('session-state-dt-hd-teacher-1-2026-11-26-0955')).toBe('已完成');
  });

  it('the month credits the 0-minute session 0 课时', async () => {
    at('2026-11-26T04:00:00Z');
    await open('/packages/teacher/pages/month/index?month=2026-11');
    await byTestId('month-line').waitFor();
    expect(await textOf('month-line')).toMatch(/0 分钟 · 0 课时.*计入 0 分钟，不计课时/);
    expect(await textOf('month-totals')).toMatch(/0已核验课时/);
  });
});

describe("the host principal's attendance page", () => {
  it('opens from the home page on today, exceptions first, in China time; another date can be chosen', async () => {
    at('2026-11-26T04:00:00Z'); // 12:00 in China
    await login('hd-xuequzhang'); // principal of 第四十五中学
    await open('/packages/principal/pages/home/index');
    await byTestId('open-attendance').click();
    await byTestId('attendance-summary').waitFor();
    expect(await textOf('attendance-date')).toBe('2026-11-26（今天）');
    expect(await textOf('attendance-summary')).toMatch(
      /第四十五中学：1 节交流任务，1 节需要关注（北京时间，更新于 12:00）/,
    );
    const row = byTestId('attendance-row-dt-hd-teacher-1-2026-11-26-0955');
    expect(await row.textContent()).toMatch(
      /迟到 31 分钟（10:26 签到）.*早退 64 分钟.*签到超出范围.*计入 0 分钟，不计课时/,
    );
    expect(await row.textContent()).toContain('0 课时');

    await byTestId('attendance-prev').click(); // Wednesday: no duty of this school
    await t.page.waitForFunction(
      () => document.querySelector('[data-testid="attendance-date"]')?.textContent === '2026-11-25',
    );
    await t.page.getByText('这一天没有交流教师的任务安排').waitFor();
    await open('/packages/principal/pages/attendance/index?date=2026-11-23');
    await byTestId('attendance-row-dt-hd-teacher-1-2026-11-23-0955').waitFor();
    expect(await byTestId('attendance-exceptions').textContent()).toBe('未签到');
  });
});

describe('a rejected 补卡', () => {
  it('needs a comment; the teacher then sees 已驳回 with it, and 申请补卡 is off', async () => {
    await t.context.setGeolocation(gcj02ToWgs84(t.host));
    const request = await t.askMissedMakeup();
    expect(await textOf('makeup-sent')).toContain('待审批');

    await login('hd-lead-primary'); // 互助道小学, the host
    await open('/packages/principal/pages/home/index');
    await t.page.reload(); // a fresh document: the home page was opened earlier as another principal
    await byTestId(`reject-${request._id}`).click();
    await byTestId(`makeup-needs-comment-${request._id}`).waitFor();
    expect((t.app.cloud.store.find('makeup_requests', { _id: request._id })[0] as any).status).toBe('pending');
    await fill(`makeup-comment-${request._id}`, '当天没有到校记录');
    await byTestId(`reject-${request._id}`).click();
    await waitForText(`makeup-item-${request._id}`, '已驳回，意见：当天没有到校记录');

    await openAs('hd-teacher', '/packages/teacher/pages/home/index');
    await byTestId('makeup-status-dt-hd-teacher-2-2026-11-25-1400').waitFor();
    expect(await textOf('makeup-status-dt-hd-teacher-2-2026-11-25-1400')).toContain(
      '补卡已驳回，意见：当天没有到校记录',
    );
    expect(await t.page.locator('[data-testid="makeup-dt-hd-teacher-2-2026-11-25-1400"]').count()).toBe(0);

    await byTestId('open-month').click();
    await byTestId(`my-makeup-${request._id}`).waitFor();
    expect(await textOf(`my-makeup-${request._id}`)).toMatch(/已驳回（2026-11-26 16:0\d），意见：当天没有到校记录/);
    expect(await textOf('month-flags')).toContain('本月还可补卡 3 次');
    await t.page.getByText('‹ 上月').click();
    await t.page.waitForFunction(() => document.querySelector('.month__title')?.textContent === '2026年10月');
    await byTestId('month-flags').waitFor();
    expect(await textOf('month-flags')).not.toContain('还可补卡');
  });
});

describe('two duties whose clock-in windows overlap', () => {
  it('the card offers both and the teacher picks one', async () => {
    const d = t.app.cloud.store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as any;
    t.app.cloud.store.insertMany('duties', [
      {
        ...d,
        _id: 'dt-hd-teacher-9',
        kind: 'support',
        slots: [{ weekday: 1, start: '11:45', end: '12:30', periods: 1 }],
      },
    ]);
    at('2026-11-30T03:20:00Z'); // Monday 11:20: the 09:55–11:30 session runs, the 11:45 one opens at 11:15
    await openAs('hd-teacher', '/packages/teacher/pages/home/index');
    await byTestId('clock-choose').waitFor();
    expect(await textOf('clock-choose')).toContain('请选择');
    await byTestId('clock-in-dt-hd-teacher-9').click();
    await waitForText('clock-outcome', '签到成功');
    await waitForCardState('out');
    expect(await byTestId('clock-panel').textContent()).toContain('支教');
    expect(t.app.cloud.store.find('clock_records', { _id: 'dt-hd-teacher-9-2026-11-30-1145' })).toHaveLength(1);
  });
});
