import { h5Session } from './h5-session';

// The 政策 tab of the H5 build (`npx taro build --type h5`) served by the gateway, in chromium.
const s = h5Session();
const { byTestId, fill, open, waitForText } = s;

const searchFor = async (words: string) => {
  await fill('policy-search-input', words);
  await byTestId('policy-search-btn').click();
};

describe('a parent reads the policy documents', () => {
  it('sees the five documents with issuer, date and what the product takes from them', async () => {
    await open('/pages/policy/index');
    await byTestId('policy-docs').waitFor();
    for (const id of ['p000', 'p001', 'p002', 'p003', 'p004']) await byTestId(`policy-doc-${id}`).waitFor();
    const hedong = (await byTestId('policy-doc-p000').textContent())!;
    expect(hedong).toContain('河东区教育局关于进一步推进义务教育学区化办学的实施方案');
    expect(hedong).toContain('2020年5月21日');
    expect(hedong).toContain('本产品采用：');
    expect(await byTestId('policy-doc-p003').textContent()).toContain('征求意见稿');
    expect(await byTestId('policy-doc-p004').textContent()).toContain('日期未注明');
  });

  it('searches 轮岗, opens the Dongcheng document and reads 不少于30% at the highlighted hit', async () => {
    await open('/pages/policy/index');
    await byTestId('policy-docs').waitFor();
    await searchFor('轮岗');
    await byTestId('policy-hits').waitFor();
    expect(await byTestId('policy-hit-count').textContent()).toMatch(/“轮岗”共找到\d+处/);
    const hit = byTestId('policy-hit-p001-s4-p15');
    await hit.waitFor();
    const hitText = (await hit.textContent())!;
    expect(hitText).toContain('《关于《东城区实施学区制综合改革方案》的通知》');
    expect(hitText).toContain('三、改革举措');
    expect(await hit.locator('.policy__mark').first().textContent()).toBe('轮岗');

    await hit.click();
    await byTestId('policy-text').waitFor();
    expect(s.page.url()).toContain('id=p001');
    const text = (await byTestId('policy-text').textContent())!;
    expect(text).toContain('东城区实施学区制综合改革方案');
    expect(text).toContain('优秀干部教师轮岗交流资源共享比率不少于30%');

    // The tapped hit is the current one, highlighted and scrolled into view.
    const target = s.page.locator('#policy-s4-p15');
    expect(await target.textContent()).toContain('不少于30%');
    await expect(target.getAttribute('class')).resolves.toContain('policy-detail__current');
    expect(await target.locator('.policy-detail__mark').allTextContents()).toEqual(['轮岗', '轮岗', '轮岗']);
    await s.page.waitForFunction(() => {
      const r = document.querySelector('#policy-s4-p15')!.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    const bar = (await byTestId('policy-detail-bar').textContent())!;
    expect(bar).toMatch(/“轮岗”在本文\d+处，第\d+处/);
  });

  it('steps to the next hit inside a document', async () => {
    await open(`/pages/policy-detail/index?id=p001&q=${encodeURIComponent('轮岗')}`);
    await byTestId('policy-text').waitFor();
    const first = (await byTestId('policy-detail-bar').textContent())!;
    expect(first).toContain('第1处');
    const current1 = await s.page.locator('.policy-detail__current').first().getAttribute('id');
    await byTestId('policy-next').click();
    await waitForText('policy-detail-bar', '第2处');
    const current2 = await s.page.locator('.policy-detail__current').first().getAttribute('id');
    expect(current2).not.toBe(current1);
  });

  it('a query found nowhere says so plainly; 清除 brings the list back', async () => {
    await open('/pages/policy/index');
    await byTestId('policy-docs').waitFor();
    await searchFor('轮岗 蓄水池');
    await byTestId('policy-hits').waitFor();
    expect(await byTestId('policy-hits').textContent()).toContain('没有找到“轮岗 蓄水池”。多个词需在同一段中都出现');
    await byTestId('policy-search-clear').click();
    await byTestId('policy-docs').waitFor();
  });

  it('a suggested word searches in one tap; the Hedong annex shows as a table', async () => {
    await open('/pages/policy/index');
    await byTestId('policy-chip-班额').click();
    await byTestId('policy-hit-p004-s2-p3').waitFor();
    await open('/pages/policy-detail/index?id=p000');
    await byTestId('policy-text').waitFor();
    const row = s.page.locator('.policy-detail__row').filter({ hasText: '第一学区' }).first();
    expect(await row.locator('.policy-detail__cell').allTextContents()).toEqual([
      '第一学区',
      '第四十五中学',
      '第九十八中学、二号桥中学、华英中学',
    ]);
  });

  it('an unknown document shows the error plainly', async () => {
    await open('/pages/policy-detail/index?id=p999');
    await byTestId('status-error').waitFor();
    expect(await byTestId('status-error').textContent()).toContain('未找到该政策文件');
  });
});
