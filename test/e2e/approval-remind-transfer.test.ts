import { exchangeRequest } from '../helpers/calls';
import { h5Session } from './h5-session';

// In the browser, as DingTalk users expect of 审批: the requester taps 催办 and the current approver is
// told; a second 催办 inside the cooldown is refused in Chinese; the approver 转交 to an acting approver
// who then decides; the 抄送 recipient sees the request without any way to decide it.
const s = h5Session();
// Visible only: pages left behind in the H5 page stack keep their (hidden) copies of the same test ids.
const byTestId = (id: string) => s.page.locator(`[data-testid="${id}"]:visible`).first();
const countOf = (id: string) => s.page.locator(`[data-testid="${id}"]:visible`).count();
const TEACHER = 'o-local-hd-teacher'; // 友爱道小学, files the exchange
const HOME = 'o-local-hd-principal'; // 友爱道小学: decides the first step
const ACTING = 'o-local-hd-lead-primary'; // 互助道小学's principal, same 学区: the acting approver
const BUREAU = 'o-local-hd-bureau'; // copied (抄送) on every exchange of the district
const loginAs = (openid: string) => s.page.request.post(`${s.app.url}/__dev/login`, { data: { openid } });
/** A fresh load (the query changes with the person), so nothing of the previous persona stays in memory. */
const open = (openid: string, route: string) => s.page.goto(`${s.app.url}/?as=${openid}#${route}`);
const textOf = (testId: string) => byTestId(testId).textContent();
const shows = (testId: string, text: string) =>
  s.page.waitForFunction(
    ([id, t]) =>
      Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).some(
        (e) => (e as HTMLElement).offsetParent !== null && e.textContent?.includes(t),
      ),
    [testId, text] as const,
  );

async function file(requestId: string): Promise<string> {
  const r = await s.app.cloud.invoke(
    'approval',
    exchangeRequest(requestId, { slots: [{ weekday: 2, start: '16:00', end: '17:00', periods: 1 }] }),
    { OPENID: TEACHER, APPID: 'wx-e2e' },
  );
  return ((r.result as any).data as { id: string }).id;
}
const sentTo = (from: number) => s.app.cloud.sentMessages.slice(from).map((m: any) => m.touser);

describe('催办', () => {
  it('tells the current approver; a second one too soon is refused in Chinese and the page then says when', async () => {
    const id = await file('req-e2e-remind-01');
    await loginAs(TEACHER);
    const route = `/packages/teacher/pages/requests/index?id=${id}`;
    // The same teacher also has the request open in a second window (same session), left as it was.
    const stale = await s.page
      .context()
      .browser()!
      .newContext({ viewport: { width: 390, height: 844 } });
    await stale.addCookies(await s.page.context().cookies());
    const other = await stale.newPage();
    await other.goto(`${s.app.url}/?as=${TEACHER}#${route}`);
    await other.locator('[data-testid="remind"]:visible').first().waitFor();

    await open(TEACHER, route);
    const before = s.app.cloud.sentMessages.length;
    await byTestId('remind').click();
    await shows('approval-note', '提醒');
    expect(sentTo(before)).toEqual([HOME]);
    await byTestId('remind-after').waitFor();
    expect(await countOf('remind')).toBe(0);

    // The other window still offers 催办: tapping it is refused with the cooldown in minutes, nothing is
    // sent, and that page catches up (no 催办 button any more, the time it may be asked again instead).
    const again = s.app.cloud.sentMessages.length;
    await other.locator('[data-testid="remind"]:visible').first().click();
    const refusal = other.locator('[data-testid="approval-error"]:visible').first();
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('已催办过，请 60 分钟后再催办');
    expect(sentTo(again)).toEqual([]);
    await other.locator('[data-testid="remind-after"]:visible').first().waitFor();
    expect(await other.locator('[data-testid="remind"]:visible').count()).toBe(0);
    expect(await other.locator('[data-testid="remind-after"]:visible').first().textContent()).toMatch(
      /已催办，.+ 后可再次催办/,
    );
    await stale.close();

    // The reminded principal finds it waiting in 待我审批.
    await loginAs(HOME);
    await open(HOME, '/packages/principal/pages/inbox/index');
    await byTestId(`request-${id}`).waitFor();
  });
});

describe('转交 and 抄送', () => {
  it('the approver hands the step to an acting approver, who decides; the copied bureau only reads', async () => {
    const id = await file('req-e2e-transfer-01');
    await loginAs(HOME);
    await open(HOME, `/packages/principal/pages/request/index?id=${id}`);
    await byTestId('transfer').click();
    await byTestId(`delegate-${ACTING}`).waitFor();
    await s.page
      .locator('[data-testid="approval-comment"]:visible textarea, textarea[data-testid="approval-comment"]:visible')
      .first()
      .fill('外出学习一周');
    const before = s.app.cloud.sentMessages.length;
    await byTestId(`delegate-${ACTING}`).click();
    await shows('approval-detail', '已转交');
    expect(sentTo(before)).toEqual([ACTING]);
    expect(await textOf('approval-trail')).toContain('转交给');
    expect(await textOf('approval-trail')).toContain('外出学习一周');
    // The holder may still decide, but the choice of delegates is closed after the hand-over.
    expect(await countOf('delegates')).toBe(0);

    await loginAs(ACTING);
    await open(ACTING, '/packages/principal/pages/inbox/index');
    await byTestId(`request-${id}`).waitFor();
    await s.page.locator(`[data-testid="request-${id}"]:visible .inbox-page__body`).first().click();
    await shows('approval-detail', '您是这一步的代理审批人（转交）');
    await byTestId('approve').click();
    await shows('approval-trail', '同意');
    expect(await textOf('approval-detail')).toContain('代理审批');
    const stored = s.app.cloud.store.find('approvals', { _id: id })[0] as any;
    expect(stored.trail.map((t: any) => t.action)).toEqual(['submit', 'transfer', 'approve']);

    // 抄送: the bureau lists it under 抄送 and opens it read-only (no decision, 转交 or 催办 offered).
    await loginAs(BUREAU);
    await open(BUREAU, '/packages/bureau/pages/approvals/index');
    await byTestId('tab-cc').click();
    await byTestId(`request-${id}`).click();
    await shows('approval-cc', '教育局');
    await shows('approval-trail', '转交给');
    for (const action of ['approve', 'reject', 'send-back', 'transfer', 'remind', 'withdraw', 'approval-comment']) {
      expect(await countOf(action)).toBe(0);
    }
  });
});
