import { h5Session } from './h5-session';

// Issue 11's path end to end in the browser: the bureau imports its published 登记范围 with a phrase the
// reader cannot read, sees it marked, fixes it in the file and imports again; a parent's lookup then
// quotes the published phrase that matched.
const s = h5Session();
const { byTestId, fill, login, lookupAddress, openAs, pickFile, waitForText } = s;

async function importFile(csv: string) {
  await openAs('hd-bureau', '/packages/bureau/pages/home/index');
  await byTestId('open-imports').click();
  await byTestId('table-catchments').click();
  await pickFile('登记范围.csv', csv);
  await byTestId('import-preview').waitFor();
}

const HEAD = '学校名称,学段,学年,划片方式,登记范围,依据文件\n';
const TITLE = '河东区2027年义务教育小学招生登记范围';

it('a bureau fixes an unreadable phrase, and a parent sees the published phrase that matched', async () => {
  await importFile(
    `${HEAD}和平路小学,小学,2027,单校划片,"大王庄街道：\n和平路2—20号（双号）、和平路以东一带",${TITLE}\n`,
  );
  expect(await byTestId('phrases-2').locator('[data-testid="phrase-unread"]').textContent()).toContain(
    '和平路以东一带',
  );

  // Fixed in the file: the area is written as the numbers it covers.
  await importFile(
    `${HEAD}和平路小学,小学,2027,单校划片,"大王庄街道：\n和平路2—20号（双号）、和平路1-19号（单号）",${TITLE}\n`,
  );
  expect(await byTestId('phrases-2').locator('[data-testid="phrase-unread"]').count()).toBe(0);
  await byTestId('apply-import').click();
  await byTestId('import-result').waitFor();

  await login('parent');
  await lookupAddress('河东区和平路12号', 'zoned-list');
  expect(await byTestId('answer-primary').textContent()).toContain('单校划片：登记入学和平路小学');
  expect(await byTestId('zoned-list').textContent()).toContain(
    '登记范围原文：“和平路2—20号（双号）、和平路1-19号（单号）”',
  );
  expect(await byTestId('zoned-list').textContent()).toContain(TITLE);

  // A number outside every range: none of these schools.
  await fill('address-input', '河东区和平路22号');
  await byTestId('address-search').click();
  await waitForText('answer-primary', '河东区教育局');
});
