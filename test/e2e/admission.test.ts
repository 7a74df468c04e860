import { h5Session } from './h5-session';

// The bureau sets a 招生规则 in its pages; a parent's lookup then asks the one question that changes the
// answer, and the answer follows what the parent tells.
const s = h5Session();
const byTestId = s.byTestId;
const login = (persona: string) => s.page.request.post(`${s.app.url}/__dev/login`, { data: { persona } });

describe('招生规则 that depend on the family', () => {
  it('the bureau limits each address to one 单校划片 place per 6 years; a parent is asked and answered by it', async () => {
    await login('hd-bureau');
    await s.page.goto(`${s.app.url}/#/packages/bureau/pages/home/index`);
    await byTestId('open-admission').click();
    await byTestId('years-6').click();
    await s.page
      .locator('[data-testid="admission-document"] input, input[data-testid="admission-document"]')
      .first()
      .fill('河东区义务教育入学工作意见（示例）');
    await byTestId('save-admission').click();
    await byTestId('admission-saved').waitFor();
    expect(s.app.cloud.store.find('districts', { code: '120102' })[0]).toMatchObject({
      admission: { placeEveryYears: 6 },
    });

    await login('parent');
    await s.page.goto(`${s.app.url}/`);
    await byTestId('district-120102').click();
    await s.page
      .locator('[data-testid="address-input"] input, input[data-testid="address-input"]')
      .first()
      .fill('互助道15号');
    await byTestId('address-search').click();
    await byTestId('question-placeUsedRecently').waitFor();
    expect(await byTestId('answer-primary').textContent()).toContain('单校划片');
    expect(await byTestId('question-placeUsedRecently').textContent()).toContain('6年内');

    await byTestId('answer-placeUsedRecently-yes').click();
    await s.page.waitForFunction(() =>
      document.querySelector('[data-testid="answer-primary"]')?.textContent?.includes('多校划片'),
    );
    expect(await byTestId('answer-primary').textContent()).toContain('该地址6年内已使用过单校划片名额');
    expect(await byTestId('told-placeUsedRecently').textContent()).toContain('是');
  });
});
