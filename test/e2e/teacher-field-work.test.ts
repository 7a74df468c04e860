import { gcj02ToWgs84 } from '@/domain/geo';
import { teacherSession } from './teacher-browser';

// Issue 14 in the browser, 外勤 with a note: a teacher away from the host school clocks in as 外勤;
// an empty note is refused in Chinese; the card and the session list show 外勤 with the note; the host
// principal sees it first in 交流教师考勤 and confirms it with a comment (required), which the teacher
// then sees. The reminder switch says where it works (the mini-program). Server time is this
// process's clock, moved with jest's fake Date.
const t = teacherSession();
const { at, byTestId, fill, login, open, openAs, textOf, waitForCardState, waitForText } = t;

const KEY = 'dt-hd-teacher-1-2026-11-26-0955';
const NOTE = '带学生在区青少年宫参加科技节';

describe('外勤 with a note', () => {
  it('the teacher: reminders say where they work; an empty note is refused; 外勤 is recorded with the note', async () => {
    at('2026-11-26T01:50:00Z'); // Thursday 09:50 China: the 09:55 session's window is open
    await t.context.setGeolocation(gcj02ToWgs84({ latitude: t.host.latitude + 0.05, longitude: t.host.longitude }));
    await openAs('hd-teacher', '/packages/teacher/pages/home/index');
    await byTestId('field-work-open').waitFor();
    expect(await textOf('reminder-state')).toBe('上课前提醒：未开启');
    expect(await textOf('reminder-switch')).toContain('请在微信小程序');

    await byTestId('field-work-open').click();
    await byTestId('field-work-submit').click();
    await waitForText('clock-error', '请填写外勤说明');
    expect(t.app.cloud.store.count('clock_records', {})).toBe(0);

    await fill('field-work-note', NOTE);
    await byTestId('field-work-submit').click();
    await waitForText('clock-outcome', '签到成功');
    expect(await textOf('clock-outcome')).toContain('外勤（待确认）');
    expect(await textOf('clock-outcome')).toContain('已按外勤签到');
    await waitForCardState('out');
    expect(await textOf('clock-presence')).toContain(NOTE);
    expect(await textOf(`session-presence-${KEY}`)).toBe(`外勤（待确认）：${NOTE}`);
    expect(await textOf(`session-field-${KEY}`)).toContain('待任务学校确认');
  });

  it('the host principal sees it first and confirms it with a comment (required)', async () => {
    at('2026-11-26T04:00:00Z');
    await login('hd-xuequzhang'); // principal of 第四十五中学, the host school
    await open('/packages/principal/pages/attendance/index?date=2026-11-26');
    await byTestId(`attendance-row-${KEY}`).waitFor();
    const firstRow = await t.page.locator('[data-testid^="attendance-row-"]').first().getAttribute('data-testid');
    expect(firstRow).toBe(`attendance-row-${KEY}`);
    expect(await textOf('attendance-exceptions')).toContain(`外勤待确认：${NOTE}`);
    expect(await textOf('attendance-field-work')).toContain(`外勤说明：${NOTE}`);

    await byTestId('attendance-field-confirm').click();
    await waitForText('attendance-field-error', '请填写确认意见');
    await fill('attendance-field-comment', '科技节带队，情况属实');
    await byTestId('attendance-field-confirm').click();
    await waitForText('attendance-field-confirmed', '科技节带队，情况属实');
    expect(await textOf('attendance-presence')).toBe('外勤（已确认）');
  });

  it('the teacher sees the confirmation and its comment', async () => {
    await openAs('hd-teacher', '/packages/teacher/pages/home/index');
    await waitForText(`session-field-${KEY}`, '已确认');
    expect(await textOf(`session-field-${KEY}`)).toContain('科技节带队，情况属实');
    expect(await textOf(`session-presence-${KEY}`)).toBe(`外勤（已确认）：${NOTE}`);
  });
});
