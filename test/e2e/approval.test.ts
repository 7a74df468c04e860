import { h5Session } from './h5-session';

// A teacher asks for 跨校兼课 in the browser; the releasing principal and the host principal (who is
// also the 学区长) approve in the browser; the duty appears on the teacher's page.
const s = h5Session();
const { byTestId, fill, openAs, startExchangeRequest } = s;

async function approveAs(persona: string) {
  await openAs(persona, '/packages/principal/pages/inbox/index');
  await s.page.locator('[data-testid^="request-ap-"] .inbox-page__body').first().click();
  await byTestId('approve').click();
  await s.page.waitForFunction(() => !document.querySelector('[data-testid="approve"]'));
}

describe('跨校兼课 from request to duty', () => {
  it('is asked for, approved by both principals, and becomes the teacher’s duty', async () => {
    await startExchangeRequest('hd-s01');
    await byTestId('next-step').click();
    await fill('term-start', '2026-12-01');
    await fill('term-end', '2027-01-20');
    await fill('reason', '第四十五中学美术课需要支援');
    await byTestId('next-step').click();
    expect(await byTestId('step-confirm').textContent()).toContain('第四十五中学');
    await byTestId('submit-request').click();
    await byTestId('approval-detail').waitFor();
    const filed = (await byTestId('approval-detail').textContent())!;
    expect(filed).toContain('跨校兼课 · 审批中');
    expect(filed).toContain('与该教师的其他任务时间不冲突');

    await approveAs('hd-principal');
    await approveAs('hd-xuequzhang');
    expect(await byTestId('approval-detail').textContent()).toContain('已生成交流任务');

    await openAs('hd-teacher', '/packages/teacher/pages/home/index');
    await byTestId('clock-panel').waitFor();
    await s.page.waitForFunction(() => document.body.textContent?.includes('跨校兼课：友爱道小学 → 第四十五中学'));
  });

  it('a request clashing with the teacher’s duties is refused with the reason', async () => {
    await startExchangeRequest('hd-s01');
    await fill('slot-0-start', '14:30');
    await fill('slot-0-end', '15:00');
    await fill('slot-0-periods', '1');
    await byTestId('next-step').click();
    await fill('term-start', '2026-12-01');
    await fill('term-end', '2027-01-20');
    await byTestId('next-step').click();
    await byTestId('submit-request').click();
    await byTestId('request-error').waitFor();
    expect(await byTestId('request-error').textContent()).toContain('时间冲突');
  });
});
