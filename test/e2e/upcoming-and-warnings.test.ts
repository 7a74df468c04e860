import { dateLabel, nextTermStart } from '@/domain/composition';
import { CHINA_ZONE, localDate } from '@/domain/time';
import { h5Session } from './h5-session';

// In the browser: the bureau moves a school from next term giving the document it decided by; a parent
// then sees the coming change with that document on the school page, the 学区 list and the 学区 detail.
// An import preview shows what a 修改 row changes and warns about coordinates in another province.
const s = h5Session();
const { byTestId, fill, open, openAs, schoolId, textOf, waitForText } = s;
const waitText = (selector: string, text: string) =>
  s.page.waitForFunction(
    ([sel, t]) => Array.from(document.querySelectorAll(sel)).some((e) => e.textContent?.includes(t)),
    [selector, text] as const,
  );

const DOC = { title: '关于调整第一、第二学区组成的通知', number: '河东教发〔2026〕21号', date: '2026-11-20' };
const SOURCE = `来源：河东区教育局《${DOC.title}》（${DOC.number}）（${DOC.date}）`;

describe('a coming composition change, with its document', () => {
  const term = nextTermStart(localDate(Date.now(), CHINA_ZONE)); // the server and the page share the test clock

  it('the bureau gives the document the change was decided by', async () => {
    await openAs('hd-bureau', '/packages/bureau/pages/composition/index');
    await waitForText('effective-date', term);
    await s.page.locator(`[data-testid="xuequ-hd-x1"] [data-testid="school-${schoolId('友爱道小学')}"]`).click();
    await byTestId('move-to-hd-x2').click();
    await waitText('[data-testid="preview"]', '友爱道小学划入第二学区');
    await byTestId('source-document').click();
    await fill('source-title', DOC.title);
    // Without a date the basis is incomplete: nothing can be saved yet.
    expect(await byTestId('confirm-edit').getAttribute('disabled')).not.toBeNull();
    await fill('source-number', DOC.number);
    await fill('source-date', DOC.date);
    await waitText('[data-testid="source-preview"]', DOC.title);
    expect(await textOf('source-preview')).toBe(
      `家长看到的来源：河东区教育局《${DOC.title}》（${DOC.number}）（${DOC.date}）`,
    );
    await byTestId('confirm-edit').click();
    await byTestId('edit-done').waitFor();
    expect((s.app.cloud.store.find('xuequ', { _id: `hd-x2@${term}` })[0] as any).source).toMatchObject({
      title: DOC.title,
      number: DOC.number,
      date: DOC.date,
    });
  });

  it('the school page tells the parent what changes for 本校, from when, by which document', async () => {
    await openAs('parent', `/pages/school/index?id=${schoolId('友爱道小学')}`);
    await byTestId('xuequ-upcoming').waitFor();
    const text = await textOf('xuequ-upcoming');
    expect(text).toContain(`${dateLabel(term)}起`);
    expect(text).toContain('本校由第一学区划入第二学区');
    expect(text).toContain(SOURCE);
    expect(text).toContain('第二学区');
  });

  it('the 学区 list and the 学区 detail show it too', async () => {
    await open('/pages/xuequ-list/index');
    await byTestId('tab-120102').click();
    await waitText('[data-testid="xuequ-card-upcoming"]', '友爱道小学划出第一学区');
    const cards = s.page.locator('[data-testid="xuequ-card-upcoming"]');
    expect(await cards.count()).toBe(2); // 第一学区 and 第二学区; the others have nothing coming
    const all = (await cards.allTextContents()).join('\n');
    expect(all).toContain(`${dateLabel(term)}起：友爱道小学划入第二学区`);
    expect(all).toContain(SOURCE);

    await open('/pages/xuequ-detail/index?id=hd-x2');
    // Taro keeps the list page in the DOM (hidden): read the detail page's own card.
    const detail = s.page.locator('.xuequ-detail [data-testid="xuequ-card-upcoming"]');
    await detail.waitFor();
    expect(await detail.textContent()).toContain(`${dateLabel(term)}起：友爱道小学划入第二学区`);
  });
});

describe('an import preview says what changes and what looks wrong', () => {
  it('a 修改 row lists old → new; coordinates in another province are a warning, not an error', async () => {
    await openAs('hd-bureau', '/packages/bureau/pages/home/index');
    await byTestId('open-imports').click();
    const huzhu = s.app.cloud.store.find('schools', { name: '互助道小学' })[0] as any;
    const file = [
      '学校名称,学段,纬度,经度,教师人数',
      `互助道小学,小学,${huzhu.location.latitude},${huzhu.location.longitude},${huzhu.teacherCount + 5}`,
      '友爱道小学,小学,24.4846,118.0327,',
    ].join('\n');
    const [chooser] = await Promise.all([s.page.waitForEvent('filechooser'), byTestId('pick-file').click()]);
    await chooser.setFiles({ name: '学校.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await byTestId('import-preview').waitFor();
    expect(await textOf('changes-2')).toBe(`教师人数：${huzhu.teacherCount} → ${huzhu.teacherCount + 5}`);
    expect(await textOf('warning-hint')).toContain('1行有提醒（不影响导入）');
    expect(await textOf('warning-3')).toMatch(
      /^提醒：纬度、经度：友爱道小学距河东区其他学校约1\d{3}公里，可能不在本区/,
    );
    expect(await textOf('changes-3')).toContain('→ 24.4846');
    // Still importable.
    await byTestId('apply-import').waitFor();
  });
});
