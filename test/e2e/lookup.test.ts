import { h5Session } from './h5-session';

// The H5 build served by the gateway, driven in chromium as a parent and as a teacher would use it.
const s = h5Session();
const { byTestId, fill, open, waitForText } = s;

describe('a parent finds the 学区 of a home in 河东区', () => {
  it('picks 区 → 街道 → 社区 and sees 第一学区, its schools, and the zoned schools with the reason', async () => {
    await s.page.goto(`${s.app.url}/`);
    await byTestId('district-120102').click();
    await byTestId('street-120102005').click();
    await byTestId('community-120102005001').click();
    const result = byTestId('lookup-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('第一学区');
    const text = (await result.textContent())!;
    expect(text).toContain('学区长学校：互助道小学');
    expect(text).toContain('学区长学校：第四十五中学');
    expect(text).toContain('成员校：友爱道小学');
    expect(text).toContain('2027年秋季入学 · 2020-09-01至2021-08-31出生');
    expect(await byTestId('answer-primary').textContent()).toMatch(/单校划片/);
    expect(await byTestId('answer-middle').textContent()).toMatch(/对口直升|九年一贯/);
    expect(text).toMatch(/所在社区在划片范围内，属.+的小学登记范围/);
    expect(text).toContain('示例数据');
  });

  it('types a school name and sees its 学区', async () => {
    await s.page.goto(`${s.app.url}/`);
    await byTestId('district-120102').click();
    await fill('school-input', '东局子');
    await byTestId('school-search').click();
    const result = byTestId('lookup-result');
    await result.waitFor();
    const text = (await result.textContent())!;
    expect(text).toContain('七中教育集团·东局子学校');
    expect(text).toContain('第三学区');
  });
});

describe('the local demo identity switch', () => {
  it('a teacher persona opens the teacher subpackage and sees their duties', async () => {
    await open('/pages/me/index');
    await byTestId('dev-persona-switch').waitFor();
    await byTestId('persona-hd-teacher').click();
    await waitForText('me-roles', '教师');
    await byTestId('entry-teacher').click();
    await byTestId('clock-panel').waitFor();
    await s.page.waitForFunction(() => document.body.textContent?.includes('友爱道小学 → 第四十五中学'));
  });
});
