import { exchangeRequest } from '../helpers/calls';
import { h5Session } from './h5-session';

// In the browser: a slot the rules refuse is shown before submitting; 退回修改 opens the teacher's form
// on the part to fix and the edit is resubmitted with the trail; the bureau's 全区审批 view shows a
// request nobody can decide (无人审批) with a 待办 count, and the bureau decides it.
const s = h5Session();
const { byTestId, fill, open, openAs, startExchangeRequest, valueOf, waitForText } = s;
const as = (OPENID: string) => ({ OPENID, APPID: 'wx-e2e' });
const app = () => s.app;
const invoke = async (data: Record<string, unknown>, openid: string) =>
  ((await s.app.cloud.invoke('approval', data, as(openid))).result as any).data;

describe('the teacher’s request form', () => {
  it('shows a refused slot before submitting and will not go on', async () => {
    await startExchangeRequest('hd-s05');
    await fill('slot-0-start', '15:30');
    await fill('slot-0-end', '14:00');
    await byTestId('slot-0-problem').waitFor();
    expect(await byTestId('slot-0-problem').textContent()).toContain('结束时间（slots[0].end）须晚于开始时间');
    expect(await byTestId('next-step').getAttribute('disabled')).not.toBeNull();
  });
});

describe('退回修改 edits the request', () => {
  it('opens on the part to fix, and the resubmitted request carries the change in its trail', async () => {
    const filed = await invoke(
      exchangeRequest('req-e2e-edit-01', { slots: [{ weekday: 5, start: '14:00', end: '15:00', periods: 1 }] }),
      'o-local-hd-teacher',
    );
    // The releasing principal sends it back in the browser, naming 每周安排.
    await openAs('hd-principal', `/packages/principal/pages/request/index?id=${filed.id}`);
    await byTestId('fix-slots').click();
    await fill('approval-comment', '周五有教研，请改到周三下午');
    await byTestId('send-back').click();
    await waitForText('approval-detail', '已退回修改');

    await openAs('hd-teacher', `/packages/teacher/pages/requests/index?id=${filed.id}`);
    expect(await byTestId('edit-request').textContent()).toContain('请修改每周安排');
    await byTestId('edit-request').click();
    await byTestId('step-slots').waitFor();
    expect(await byTestId('edit-note').textContent()).toContain('每周安排');
    expect(await valueOf('slot-0-start')).toBe('14:00');
    await s.page.locator('.new-request__day', { hasText: '周三' }).first().click();
    await fill('slot-0-start', '16:00');
    await fill('slot-0-end', '17:00');
    await byTestId('next-step').click();
    await byTestId('next-step').click();
    expect(await byTestId('step-confirm').textContent()).toContain('周三 16:00–17:00');
    await byTestId('submit-request').click();
    // The form redirects to the request (the detail the teacher came from stays hidden in the page stack).
    const trails = () =>
      Array.from(document.querySelectorAll('[data-testid="approval-trail"]'), (e) => e.textContent ?? '');
    await s.page.waitForFunction(
      (read) => new Function(`return (${read})()`)().some((t: string) => t.includes('重新提交')),
      trails.toString(),
    );
    const shown = (await s.page.evaluate(trails)).find((t) => t.includes('重新提交'))!;
    expect(shown).toContain('每周安排：周五 14:00–15:00（1节） → 周三 16:00–17:00（1节）');
    expect(app().cloud.store.find('approvals', { _id: filed.id })[0] as any).toMatchObject({
      status: 'pending',
      version: 3,
      slots: [{ weekday: 3, start: '16:00', end: '17:00', periods: 1 }],
    });
  });
});

describe('the bureau’s 全区审批', () => {
  it('counts what waits for it, flags 无人审批, and decides it', async () => {
    // A host school of 第二学区: no principal and no 学区长 account in the demo data.
    const x2 = s.app.cloud.store.find('xuequ', { xuequId: 'hd-x2' })[0] as any;
    const host = x2.alliances.find((a: any) => a.stage === 'primary').leadSchoolIds[0];
    const filed = await invoke(
      exchangeRequest('req-e2e-bureau-1', {
        hostSchoolId: host,
        slots: [{ weekday: 4, start: '14:00', end: '15:00', periods: 1 }],
      }),
      'o-local-hd-teacher',
    );
    await invoke({ action: 'decide', id: filed.id, decision: 'approve', version: 1 }, 'o-local-hd-principal');

    await openAs('hd-bureau', '/packages/bureau/pages/home/index');
    await waitForText('open-approvals', '待办 1');
    await byTestId('open-approvals').click();
    await byTestId(`flag-${filed.id}`).waitFor();
    expect(await byTestId(`flag-${filed.id}`).textContent()).toContain('无人审批');
    await byTestId(`request-${filed.id}`).click();
    await byTestId('approval-escalation').waitFor();
    expect(await byTestId('approval-escalation').textContent()).toContain('区教育局也可审批');
    await byTestId('approve').click();
    await waitForText('approval-detail', '区教育局代为审批');

    await open('/packages/bureau/pages/approvals/index');
    await byTestId('tab-pending').click();
    await byTestId(`request-${filed.id}`).waitFor();
  });
});
