import { h5Session } from './h5-session';

// The bureau opens the dashboard from its home page in the browser and reads the district's rotation
// share against 30%, opens a 学区, and exports the CSV.
const s = h5Session();
const { byTestId, openAs, waitForText } = s;

const staff = () =>
  (s.app.seed.schools as unknown as Array<{ districtCode: string; teacherCount: number }>)
    .filter((x) => x.districtCode === '120102')
    .reduce((n, x) => n + x.teacherCount, 0);

describe('数据看板', () => {
  it('the bureau sees the district’s rotation share against 30%, marked as sample data', async () => {
    await openAs('hd-bureau', '/packages/bureau/pages/home/index');
    await byTestId('open-dashboard').click();
    await byTestId('dashboard-summary').waitFor();
    const summary = (await byTestId('dashboard-summary').textContent())!;
    // The seeded teacher of 友爱道小学 is the district's one teacher in exchange.
    expect(summary).toContain('河东区 · 2026—2027学年');
    expect(1 / staff()).toBeLessThan(0.001); // shown as such, not rounded to 0%
    expect(summary).toContain('不足0.1%');
    expect(summary).toContain('未达标');
    expect(summary).toContain(`轮岗交流比例（目标不少于 30%）：交流教师 1 人 / 教师 ${staff()} 人`);
    expect(summary).toContain('未登记骨干教师');
    expect(await byTestId('figures-updated').textContent()).toBe('本学年尚无签到数据'); // the seed has no clock records
    const chart = (await byTestId('rotation-chart').textContent())!;
    expect(chart).toContain('各学区轮岗交流比例');
    expect(chart).toContain('目标 30%');
    expect(chart).toContain('第五学区');
    expect(await s.page.locator('[data-testid="rotation-chart"] .bar-chart__target').count()).toBe(5);
    expect(await byTestId('dashboard').textContent()).toContain('示例数据');
    expect(await byTestId('pending').textContent()).toContain('待审批：无');
  });

  it('opens a 学区 by tapping its bar, and exports the CSV as a download', async () => {
    await openAs('hd-bureau', '/packages/bureau/pages/dashboard/index');
    await byTestId('rotation-chart').waitFor();
    await s.page.locator('[data-testid="rotation-chart-row"]').first().click();
    await waitForText('dashboard-summary', '第一学区');
    expect(await byTestId('rotation-chart').textContent()).toContain('友爱道小学');
    const [download] = await Promise.all([s.page.waitForEvent('download'), byTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('数据看板-河东区第一学区-2026学年.csv');
  });
});
