import type { BrowserContext, Page } from 'playwright-core';
import type { LocalApp } from '../../local/app';
import { gcj02ToWgs84 } from '@/domain/geo';
import { closeTeacherBrowser, startTeacherBrowser, type TeacherBrowser } from './teacher-browser';

// Issue 14 in the browser, 外勤 with a note: a teacher away from the host school clocks in as 外勤;
// an empty note is refused in Chinese; the card and the session list show 外勤 with the note; the host
// principal sees it first in 交流教师考勤 and confirms it with a comment (required), which the teacher
// then sees. The reminder switch says where it works (the mini-program). Server time is this
// process's clock, moved with jest's fake Date.
let t: TeacherBrowser;
let app: LocalApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  t = await startTeacherBrowser();
  ({ app, context, page } = t);
});
afterAll(() => closeTeacherBrowser(t));

const at = (iso: string) => jest.setSystemTime(Date.parse(iso));
const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`).first();
const fill = (id: string, value: string) =>
  page
    .locator(
      `[data-testid="${id}"] input, input[data-testid="${id}"], [data-testid="${id}"] textarea, textarea[data-testid="${id}"]`,
    )
    .first()
    .fill(value);
const login = (persona: string) => page.request.post(`${app.url}/__dev/login`, { data: { persona } });
const text = async (id: string) => (await byTestId(id).textContent()) ?? '';
const waitForText = (id: string, part: string) =>
  page.waitForFunction(([i, p]) => document.querySelector(`[data-testid="${i}"]`)?.textContent?.includes(p), [
    id,
    part,
  ] as const);

const KEY = 'dt-hd-teacher-1-2026-11-26-0955';
const NOTE = '带学生在区青少年宫参加科技节';

describe('外勤 with a note', () => {
  it('the teacher: reminders say where they work; an empty note is refused; 外勤 is recorded with the note', async () => {
    at('2026-11-26T01:50:00Z'); // Thursday 09:50 China: the 09:55 session's window is open
    const host = t.host;
    await context.setGeolocation(gcj02ToWgs84({ latitude: host.latitude + 0.05, longitude: host.longitude }));
    await login('hd-teacher');
    await page.goto(`${app.url}/#/packages/teacher/pages/home/index`);
    await byTestId('field-work-open').waitFor();
    expect(await text('reminder-state')).toBe('上课前提醒：未开启');
    expect(await text('reminder-switch')).toContain('请在微信小程序');

    await byTestId('field-work-open').click();
    await byTestId('field-work-submit').click();
    await waitForText('clock-error', '请填写外勤说明');
    expect(app.cloud.store.count('clock_records', {})).toBe(0);

    await fill('field-work-note', NOTE);
    await byTestId('field-work-submit').click();
    await waitForText('clock-outcome', '签到成功');
    expect(await text('clock-outcome')).toContain('外勤（待确认）');
    expect(await text('clock-outcome')).toContain('已按外勤签到');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="clock-panel"]')?.getAttribute('data-state') === 'out',
    );
    expect(await text('clock-presence')).toContain(NOTE);
    expect(await text(`session-presence-${KEY}`)).toBe(`外勤（待确认）：${NOTE}`);
    expect(await text(`session-field-${KEY}`)).toContain('待任务学校确认');
  });

  it('the host principal sees it first and confirms it with a comment (required)', async () => {
    at('2026-11-26T04:00:00Z');
    await login('hd-xuequzhang'); // principal of 第四十五中学, the host school
    await page.goto(`${app.url}/#/packages/principal/pages/attendance/index?date=2026-11-26`);
    await byTestId(`attendance-row-${KEY}`).waitFor();
    const firstRow = await page.locator('[data-testid^="attendance-row-"]').first().getAttribute('data-testid');
    expect(firstRow).toBe(`attendance-row-${KEY}`);
    expect(await text('attendance-exceptions')).toContain(`外勤待确认：${NOTE}`);
    expect(await text('attendance-field-work')).toContain(`外勤说明：${NOTE}`);

    await byTestId('attendance-field-confirm').click();
    await waitForText('attendance-field-error', '请填写确认意见');
    await fill('attendance-field-comment', '科技节带队，情况属实');
    await byTestId('attendance-field-confirm').click();
    await waitForText('attendance-field-confirmed', '科技节带队，情况属实');
    expect(await text('attendance-presence')).toBe('外勤（已确认）');
  });

  it('the teacher sees the confirmation and its comment', async () => {
    await login('hd-teacher');
    await page.goto(`${app.url}/#/packages/teacher/pages/home/index`);
    await waitForText(`session-field-${KEY}`, '已确认');
    expect(await text(`session-field-${KEY}`)).toContain('科技节带队，情况属实');
    expect(await text(`session-presence-${KEY}`)).toBe(`外勤（已确认）：${NOTE}`);
  });
});
