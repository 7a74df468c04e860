import { readFile } from 'node:fs/promises';
import { h5Session } from './h5-session';
import { gbkBytes } from '../helpers/gbk';
import { insertBulkZoningRules } from '../helpers/bulk-zoning';

// The bureau imports a teacher roster in the browser (a bad GBK file first: row errors, nothing written),
// then replaces the roster with next term's (who left is listed before anything is removed), then
// exports every zoning rule and picks that large file again: it goes up in pieces with progress
// and checks as all unchanged. 登记范围: the phrases as read, then the import with the school it creates.
const s = h5Session();
const { byTestId, openAs, pickFile } = s;

const openImports = async () => {
  await openAs('hd-bureau', '/packages/bureau/pages/home/index');
  await byTestId('open-imports').click();
};

describe('the bureau imports and exports data', () => {
  it('a roster with a bad row is refused row by row; the corrected file imports once', async () => {
    await openImports();
    await byTestId('table-teachers').click();
    const bad =
      '工号,姓名,学校名称,学科,骨干教师\nE2E-01,周老师,互助道小学,语文,是\nE2E-02,吴老师,不存在小学,数学,否\n';
    // Saved by Excel as plain “CSV” on Chinese Windows: GBK bytes.
    await pickFile('名册.csv', gbkBytes(bad));
    await byTestId('import-preview').waitFor();
    expect(await byTestId('count-error').textContent()).toContain('1');
    expect(await byTestId('row-3').textContent()).toContain('学校名称：本区没有“不存在小学”');
    expect(await byTestId('apply-import').count()).toBe(0);
    expect(s.app.cloud.store.count('teacher_roster', {})).toBe(0);

    await pickFile('名册.csv', bad.replace('不存在小学', '互助道小学'));
    await byTestId('apply-import').waitFor();
    expect(await byTestId('count-new').textContent()).toContain('2');
    await byTestId('apply-import').click();
    await byTestId('import-result').waitFor();
    expect(await byTestId('import-result').textContent()).toContain('写入2条');
    expect(await byTestId('import-result').textContent()).toContain('教师人数');
    expect(s.app.cloud.store.count('teacher_roster', {})).toBe(2);

    // Next term's roster as the whole roster: 吴老师 has left.
    await byTestId('mode-replace').click();
    await pickFile('新名册.csv', '工号,姓名,学校名称,学科,骨干教师\nE2E-01,周老师,互助道小学,语文,是\n');
    await byTestId('removals').waitFor();
    expect(await byTestId('removals').textContent()).toContain('吴老师（E2E-02）');
    expect(await byTestId('apply-import').textContent()).toContain('删除1条');
    await byTestId('apply-import').click();
    await byTestId('import-result').waitFor();
    expect(await byTestId('import-result').textContent()).toContain('删除1条');
    expect(s.app.cloud.store.find('teacher_roster', {}).map((t: any) => t.staffNo)).toEqual(['E2E-01']);
  });

  it('登记范围: the preview shows every phrase as read, 未能识别 marked; the import creates the school it names', async () => {
    await openImports();
    await byTestId('table-catchments').click();
    const [template] = await Promise.all([s.page.waitForEvent('download'), byTestId('download-template').click()]);
    expect(template.suggestedFilename()).toBe('登记范围导入模板.csv');
    const csv =
      '学校名称,学段,学年,划片方式,登记范围,依据文件\n浏览器新建小学,小学,2031,单校划片,"大王庄街道：\n六纬路1-99号（单号）；\n甲乙丙丁无法识别的一句",河东区2031年义务教育招生工作实施方案\n';
    await pickFile('登记范围.csv', csv);
    await byTestId('import-preview').waitFor();
    expect(await byTestId('unread-hint').textContent()).toContain('不影响导入');
    expect(await byTestId('phrases-2').textContent()).toContain('甲乙丙丁');
    expect(await byTestId('phrases-2').locator('[data-testid="phrase-unread"]').count()).toBeGreaterThan(0);
    expect(await byTestId('school-changes').textContent()).toContain('新增学校：浏览器新建小学（小学）');
    expect(await byTestId('apply-import').textContent()).toContain('写入1条，新增或调整1所学校');
    await byTestId('apply-import').click();
    await byTestId('import-result').waitFor();
    expect(await byTestId('import-result').textContent()).toContain('新增或调整1所学校');
    expect(s.app.cloud.store.find('catchments', { intakeYear: 2031 })).toEqual([
      expect.objectContaining({
        mechanism: 'single',
        text: '大王庄街道：\n六纬路1-99号（单号）；\n甲乙丙丁无法识别的一句',
      }),
    ]);
    expect(s.app.cloud.store.count('schools', { name: '浏览器新建小学' })).toBe(1);
  });

  it('an export of every zoning rule re-imports in pieces with progress and changes nothing', async () => {
    await openImports();
    await byTestId('table-zoning').click();
    // Stored rules of an earlier year, more than one call carries once exported (the seed has lists, not rules).
    insertBulkZoningRules(s.app.cloud.store);
    const [download] = await Promise.all([s.page.waitForEvent('download'), byTestId('export-table').click()]);
    expect(download.suggestedFilename()).toBe('河东区划片规则.csv');
    const csv = await readFile(await download.path());
    expect(csv.length).toBeGreaterThan(100_000);

    // Slow each piece down so the progress bar is on screen long enough to see.
    await s.page.route('**/fn/admin', async (route) => {
      if (route.request().postData()?.includes('"importUpload"')) await new Promise((r) => setTimeout(r, 300));
      await route.continue();
    });
    const pieces: string[] = [];
    s.page.on(
      'request',
      (r) => r.url().endsWith('/fn/admin') && r.postData()?.includes('"importUpload"') && pieces.push(r.postData()!),
    );
    const before = s.app.cloud.store.count('zoning_rules', { districtCode: '120102' });
    await pickFile('河东区划片规则.csv', csv);
    await byTestId('import-progress').waitFor();
    expect(await byTestId('import-progress').textContent()).toContain('上传文件');
    await byTestId('nothing-to-import').waitFor({ timeout: 30_000 });
    expect(pieces.length).toBeGreaterThan(1);
    expect(await byTestId('count-unchanged').textContent()).toContain(String(before));
    expect(await byTestId('count-error').textContent()).toContain('0');
    expect(s.app.cloud.store.count('zoning_rules', { districtCode: '120102' })).toBe(before);
  });
});
