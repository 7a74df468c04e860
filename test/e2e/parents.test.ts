import { h5Session } from './h5-session';

// A parent in the browser: a house number with two candidate schools, asking the school, the school
// profile, favourites, and the next school year.
const s = h5Session();
const byTestId = s.byTestId;

beforeEach(async () => {
  await s.page.request.post(`${s.app.url}/__dev/login`, { data: { persona: 'parent' } });
});
const fill = (id: string, value: string) =>
  s.page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first().fill(value);

async function lookupAddress(address: string) {
  await s.page.goto(`${s.app.url}/`);
  await byTestId('district-120102').click();
  await fill('address-input', address);
  await byTestId('address-search').click();
  await byTestId('lookup-result').waitFor();
}

describe('a house number outside every published range', () => {
  it('says no list names it and who decides, and the parent asks the school to confirm', async () => {
    await lookupAddress('互助道32号');
    expect(await byTestId('answer-primary').textContent()).toContain('单校划片');
    await lookupAddress('互助道500号');
    expect(await byTestId('answer-primary').textContent()).toContain('河东区教育局');
    await fill('ask-name', '王女士');
    await fill('ask-phone', '13800000000');
    await byTestId('ask-submit').click();
    await byTestId('ask-sent').waitFor();
    expect(s.app.cloud.store.count('zoning_inquiries', { address: '互助道500号' })).toBe(1);

    await s.page.goto(`${s.app.url}/#/pages/me/index`);
    await s.page.waitForFunction(() =>
      document.querySelector('[data-testid="inquiries"]')?.textContent?.includes('互助道500号'),
    );
    expect(await byTestId('inquiries').textContent()).toContain('待答复');

    // No school's list names the address: the bureau answers in its pages.
    await s.page.request.post(`${s.app.url}/__dev/login`, { data: { persona: 'hd-bureau' } });
    await s.page.goto(`${s.app.url}/#/packages/bureau/pages/home/index`);
    const [asked] = s.app.cloud.store.find('zoning_inquiries', { address: '互助道500号' }) as Array<{ _id: string }>;
    await s.page
      .locator(`[data-testid="answer-${asked._id}"] input, input[data-testid="answer-${asked._id}"]`)
      .first()
      .fill('该门牌属本校划片，请按时报名');
    await byTestId(`send-answer-${asked._id}`).click();
    await s.page.waitForFunction(() =>
      document.querySelector('[data-testid="inquiry-inbox"]')?.textContent?.includes('已答复'),
    );

    await s.page.request.post(`${s.app.url}/__dev/login`, { data: { persona: 'parent' } });
    await s.page.goto(`${s.app.url}/#/pages/me/index`);
    await s.page.waitForFunction(() =>
      document.querySelector('[data-testid="inquiries"]')?.textContent?.includes('答复：该门牌属本校划片'),
    );
  });

  it('an empty address is explained instead of doing nothing', async () => {
    await s.page.goto(`${s.app.url}/`);
    await byTestId('district-120102').click();
    await byTestId('address-search').click();
    expect(await byTestId('address-hint').textContent()).toContain('请先填写门牌地址');
  });

  it('a wrong phone number is explained and nothing is stored', async () => {
    await lookupAddress('互助道502号');
    await fill('ask-name', '李先生');
    await fill('ask-phone', '123');
    await byTestId('ask-submit').click();
    await byTestId('ask-error').waitFor();
    expect(await byTestId('ask-error').textContent()).toContain('手机号');
    expect(s.app.cloud.store.count('zoning_inquiries', { address: '互助道502号' })).toBe(0);
  });
});

describe('from the answer to the school', () => {
  it('opens the zoned school, sees its 学区 role and 对口, keeps it as a favourite', async () => {
    await lookupAddress('互助道15号');
    await s.page.locator('[data-testid="zoned-list"] [data-testid="school-card"]').first().click();
    await byTestId('school-name').waitFor();
    const body = (await s.page.locator('.school').first().textContent())!;
    expect(body).toContain('第一学区 · 小学学区长学校');
    expect(body).toContain('对口初中：第四十五中学');
    expect(await s.page.locator('[data-testid="school-catchment"]').first().textContent()).toContain(
      '互助道1-199号（单号）、2-40号（双号）',
    );
    expect(body).toContain('友爱道小学');
    await byTestId('favourite').click();
    expect(await byTestId('favourite').textContent()).toContain('已收藏');

    await s.page.goto(`${s.app.url}/#/pages/me/index`);
    await s.page.waitForFunction(() =>
      document.querySelector('[data-testid="favourites"]')?.textContent?.includes('互助道小学'),
    );
  });

  it('answers the next intake with the published phrase that matched, and the middle school as one path', async () => {
    await lookupAddress('互助道15号');
    expect(await byTestId('year-2027').textContent()).toContain('2027年秋季入学');
    expect(await byTestId('zoned-list').textContent()).toContain(
      '登记范围原文：“互助道1-199号（单号）、2-40号（双号）”',
    );
    expect(await byTestId('answer-middle').textContent()).toContain('对口直升：互助道小学毕业生对口第四十五中学');
  });
});
