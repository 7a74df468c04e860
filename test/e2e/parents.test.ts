import { h5Session } from './h5-session';

// A parent in the browser: a house number with two candidate schools, asking the school, the school
// profile, favourites, and the next school year.
const s = h5Session();
const { askSchool, byTestId, fill, login, lookupAddress, open, waitForText } = s;

beforeEach(async () => {
  await login('parent');
});

describe('a house number outside every published range', () => {
  it('says no list names it and who decides, and the parent asks the school to confirm', async () => {
    await lookupAddress('互助道32号');
    expect(await byTestId('answer-primary').textContent()).toContain('单校划片');
    await lookupAddress('互助道500号');
    expect(await byTestId('answer-primary').textContent()).toContain('河东区教育局');
    await askSchool('王女士', '13800000000');
    await byTestId('ask-sent').waitFor();
    expect(s.app.cloud.store.count('zoning_inquiries', { address: '互助道500号' })).toBe(1);

    await open('/pages/me/index');
    await waitForText('inquiries', '互助道500号');
    expect(await byTestId('inquiries').textContent()).toContain('待答复');

    // No school's list names the address: the bureau answers in its pages.
    await login('hd-bureau');
    await open('/packages/bureau/pages/home/index');
    const [asked] = s.app.cloud.store.find('zoning_inquiries', { address: '互助道500号' }) as Array<{ _id: string }>;
    await fill(`answer-${asked._id}`, '该门牌属本校划片，请按时报名');
    await byTestId(`send-answer-${asked._id}`).click();
    await waitForText('inquiry-inbox', '已答复');

    await login('parent');
    await open('/pages/me/index');
    await waitForText('inquiries', '答复：该门牌属本校划片');
  });

  it('an empty address is explained instead of doing nothing', async () => {
    await s.page.goto(`${s.app.url}/`);
    await byTestId('district-120102').click();
    await byTestId('address-search').click();
    expect(await byTestId('address-hint').textContent()).toContain('请先填写门牌地址');
  });

  it('a wrong phone number is explained and nothing is stored', async () => {
    await lookupAddress('互助道502号');
    await askSchool('李先生', '123');
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

    await open('/pages/me/index');
    await waitForText('favourites', '互助道小学');
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
