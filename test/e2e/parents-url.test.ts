import { h5Session } from './h5-session';

// A parent's answer lives in the URL: reload, bookmark and shared link show it again; deep pages opened
// directly have a way home; an unknown address says so; the wizard's steps are browser history; the
// 请学校确认 form asks a visitor to sign in first.
const s = h5Session();
const { askSchool, byTestId, fill, login, lookupAddress, open, schoolId, textOf } = s;
const hash = () => s.page.evaluate(() => decodeURIComponent(window.location.hash));

describe('the lookup in the URL', () => {
  it('survives a reload and opens from a shared link in a fresh browser', async () => {
    await lookupAddress('互助道15号');
    expect(await hash()).toBe('#/pages/lookup/index?district=120102&address=互助道15号');
    const answer = await textOf('answer-primary');
    expect(answer).toContain('单校划片');

    await s.page.reload();
    await byTestId('lookup-result').waitFor();
    expect(await textOf('answer-primary')).toBe(answer);
    expect(await s.page.locator('[data-testid="address-input"] input').first().inputValue()).toBe('互助道15号');

    const shared = await s.page.context().browser()!.newPage();
    try {
      await shared.goto(`${s.app.url}/#/pages/lookup/index?district=120102&street=120102005&community=120102005001`);
      await shared.locator('[data-testid="lookup-result"]').first().waitFor();
      expect(await shared.locator('[data-testid="chosen-community"]').first().textContent()).toBeTruthy();
      expect(await shared.locator('[data-testid="lookup-result"]').first().textContent()).toContain('第一学区');
    } finally {
      await shared.close();
    }
  });

  it('changing the district clears the question from the URL', async () => {
    await lookupAddress('互助道15号');
    await byTestId('change-district').click();
    await s.page.waitForFunction(() => window.location.hash === '#/pages/lookup/index');
    expect(await s.page.locator('[data-testid="lookup-result"]').count()).toBe(0);
  });

  it('5,000 characters typed into the address stop at the limit, and the field says so', async () => {
    await s.page.goto(`${s.app.url}/`);
    await byTestId('district-120102').click();
    expect(await textOf('address-count')).toBe('0/100字');
    await fill('address-input', '互'.repeat(5000));
    expect((await s.page.locator('[data-testid="address-input"] input').first().inputValue()).length).toBe(100);
    expect(await textOf('address-count')).toContain('地址最多100字，已到上限');
  });

  it('the 学区 tab opens on the district chosen in the lookup; a school row opens the school', async () => {
    await s.page.goto(`${s.app.url}/`);
    await byTestId('district-350205').click();
    await s.page.getByText('学区', { exact: true }).last().click();
    await s.page.waitForFunction(() =>
      document.querySelector('[data-testid="tab-350205"]')?.className.includes('xuequ-list__tab--on'),
    );
    const row = s.page.locator('[data-testid^="xuequ-school-"]').first();
    await row.waitFor();
    expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    const name = (await row.locator('.xuequ-card__school-name').textContent())!;
    await row.click();
    await s.page.waitForFunction((n) => document.querySelector('[data-testid="school-name"]')?.textContent === n, name);
    // Reached from within the app: the browser's back is the way back, no home button.
    expect(await s.page.locator('[data-testid="home-link"]').count()).toBe(0);
  });
});

describe('deep pages opened directly', () => {
  it('a shared school page shows its address and phone honestly and leads home', async () => {
    await open(`/pages/school/index?id=${schoolId('互助道小学')}`);
    await byTestId('school-name').waitFor();
    expect(await textOf('school-contact')).toContain('地址：未公布');
    expect(await textOf('school-contact')).toContain('电话：未公布');
    const home = byTestId('home-link');
    expect((await home.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await home.click();
    await byTestId('district-120102').waitFor();
  });

  it.each(['xuequ-detail/index?id=none', 'policy-detail/index?id=none', 'enrol/index?district=120102'])(
    '%s has a way home',
    async (route) => {
      await open(`/pages/${route}`);
      await byTestId('home-link').waitFor();
    },
  );

  it('an unknown address is a Chinese 页面不存在 page with a link home', async () => {
    await open('/pages/no-such-page/index');
    await byTestId('not-found').waitFor();
    expect(await textOf('not-found')).toContain('页面不存在');
    await byTestId('not-found-home').click();
    await byTestId('district-120102').waitFor();
  });
});

describe('the enrolment wizard in browser history', () => {
  const tap = (id: string) => byTestId(id).click();

  it('back and forward move between steps, a reload stays on the step', async () => {
    await open('/pages/enrol/index?district=120102');
    await tap('answer-stage-primary');
    await tap('answer-hukouInDistrict-true');
    await byTestId('question-housing').waitFor();

    await s.page.goBack();
    await byTestId('question-hukouInDistrict').waitFor();
    expect(await textOf('enrol-answers')).toContain('小学入学');
    await s.page.goBack();
    await byTestId('question-stage').waitFor();
    await s.page.goForward();
    await byTestId('question-hukouInDistrict').waitFor();
    await s.page.goForward();
    await byTestId('question-housing').waitFor();
    expect(await textOf('enrol-answers')).toContain('在本区');

    await s.page.reload();
    await byTestId('question-housing').waitFor();
    await tap('enrol-back');
    await byTestId('question-hukouInDistrict').waitFor();
  });

  it('随迁 without 居住证: what to do instead, no category, documents or countdown', async () => {
    await open('/pages/enrol/index?district=120102');
    await tap('answer-stage-primary');
    await tap('answer-hukouInDistrict-false');
    await tap('answer-residencePermit-false');
    await tap('date-year-2020');
    await tap('date-month-5');
    await tap('date-day-1');
    await tap('date-confirm');
    await byTestId('enrol-result').waitFor();
    const body = await textOf('enrol-result');
    expect(await textOf('enrol-instead-what')).toContain('先为父母办理本区居住证');
    for (const absent of ['第一类', '第五类', '优先录取', '还有', '已备齐']) expect(body).not.toContain(absent);
    expect(await s.page.locator('[data-testid="enrol-checklist"], [data-testid="enrol-timeline"]').count()).toBe(0);
  });
});

describe('请学校确认 for a visitor not signed in', () => {
  it('is told to sign in before filling anything, signs in, and comes back to the same form', async () => {
    await lookupAddress('互助道500号');
    await byTestId('ask-sign-in').waitFor();
    expect(await s.page.locator('[data-testid="ask-name"]').count()).toBe(0);
    await byTestId('ask-sign-in-go').click();
    await byTestId('me-card').waitFor();
    await login('parent');
    await s.page.getByText('查学区', { exact: true }).last().click();
    await byTestId('ask-name').waitFor();
    expect(await hash()).toContain('address=互助道500号');

    // A wrong phone number: the Chinese label, never the field key.
    await askSchool('李先生', '123');
    await byTestId('ask-error').waitFor();
    const message = await textOf('ask-error');
    expect(message).toContain('手机号');
    expect(message).not.toMatch(/（[a-zA-Z.]+）/);
    expect(s.app.cloud.store.count('zoning_inquiries', { address: '互助道500号' })).toBe(0);
  });
});
