import { dateLabel, nextTermStart } from '@/domain/composition';
import { CHINA_ZONE, localDate } from '@/domain/time';
import { bumpReference } from '../helpers/zoning-rules';
import { h5Session } from './h5-session';

// The bureau moves a school to another 学区 from next term in the browser; a parent's lookup then shows
// the current 学区 and the one from that date.
const s = h5Session();
const { byTestId, login, lookupAddress, openAs, schoolId, textOf, waitForText } = s;

describe('学区 composition editor', () => {
  const term = nextTermStart(localDate(Date.now(), CHINA_ZONE));

  it('the bureau moves 友爱道小学 to 第二学区 from next term, with a preview, and sees it in the history', async () => {
    await openAs('hd-bureau', '/packages/bureau/pages/composition/index');
    await waitForText('effective-date', term);
    await byTestId('xuequ-hd-x1').waitFor();
    await s.page.locator(`[data-testid="xuequ-hd-x1"] [data-testid="school-${schoolId('友爱道小学')}"]`).click();
    await byTestId('move-to-hd-x2').click();
    await waitForText('preview', '友爱道小学划入第二学区');
    expect(await textOf('preview')).toContain(`调整预览（自${term}起）`);
    expect(s.app.cloud.store.count('xuequ', { districtCode: '120102' })).toBe(5); // the preview wrote nothing

    // Nothing is saved until the bureau gives the basis: a document, or 未附文件 on purpose.
    expect(await byTestId('confirm-edit').getAttribute('disabled')).not.toBeNull();
    await byTestId('source-none').click();
    expect(await textOf('source-preview')).toContain('河东区教育局调整（未附文件）');
    await byTestId('confirm-edit').click();
    await byTestId('edit-done').waitFor();
    expect(await textOf('edit-done')).toContain(`自${term}起，友爱道小学划出第一学区；友爱道小学划入第二学区`);
    expect(s.app.cloud.store.count('xuequ', { districtCode: '120102' })).toBe(7);
    // The page now shows the composition from that date: 友爱道小学 under 第二学区.
    await s.page.locator(`[data-testid="xuequ-hd-x2"] [data-testid="school-${schoolId('友爱道小学')}"]`).waitFor();

    await byTestId('history-hd-x2').click();
    await waitForText('history', '待生效');
    expect(await textOf('history')).toContain('友爱道小学划入第二学区');
  });

  it('the parent’s lookup shows the current 学区 and the one from next term', async () => {
    await login('parent');
    await lookupAddress('友爱道15号');
    await byTestId('xuequ-upcoming').waitFor();
    const result = await textOf('lookup-result');
    expect(result).toContain('现在所属学区');
    expect(result).toContain('第一学区');
    const upcoming = await textOf('xuequ-upcoming');
    expect(upcoming).toContain(`${dateLabel(term)}起`);
    expect(upcoming).toContain('友爱道小学由第一学区划入第二学区');
    expect(upcoming).toContain('来源：河东区教育局调整（未附文件');
    expect(upcoming).toContain('第二学区');
    expect(upcoming).toContain('友爱道小学');
  });

  it('picking a school outside every 学区 drops the previewed edit of the school picked before', async () => {
    const store = s.app.cloud.store;
    const [school] = store.find('schools', { _id: schoolId('友爱道小学') });
    store.insertMany('schools', [{ ...school, _id: 'hd-s-outside', name: '示例数据：未入学区小学' }]);
    bumpReference(store);
    await openAs('hd-bureau', '/packages/bureau/pages/composition/index');
    await byTestId('unassigned').waitFor();
    await s.page.locator('[data-testid="xuequ-hd-x1"] [data-testid^="school-"]').first().click();
    await byTestId('move-to-hd-x2').click();
    await byTestId('preview').waitFor();
    await s.page.locator('[data-testid="unassigned"] [data-testid="school-hd-s-outside"]').click();
    await s.page.locator('[data-testid="unassigned"] [data-testid="school-panel"]').waitFor();
    expect(await byTestId('preview').count()).toBe(0);
  });
});
