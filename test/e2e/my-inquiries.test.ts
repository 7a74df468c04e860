import { h5Session } from './h5-session';

// Issue 14: after sending a 请学校确认 question, 我的 → 我的咨询 shows it without a reload (the tab page stays
// mounted and reloads its list when shown). Issue 13: the lists page with 加载更多.
const s = h5Session();
const { askSchool, byTestId, login, open, searchAddress, tab, waitForText } = s;
const inquiriesText = () => byTestId('inquiries').textContent();

it('a question sent from 查学区 shows under 我的咨询 when the parent switches to 我的, with no reload', async () => {
  await login('parent');
  await open('/pages/me/index');
  await byTestId('inquiries').waitFor();
  await s.page.waitForFunction(
    () => !document.querySelector('[data-testid="inquiries"]')?.textContent?.includes('加载中'),
  );
  expect(await inquiriesText()).not.toContain('互助道520号');

  // Same page load from here on: a reload would hide the stale state this checks.
  const loads: string[] = [];
  s.page.on('load', () => loads.push(s.page.url()));
  await tab('查学区');
  await searchAddress('互助道520号');
  await askSchool('王女士', '13800000000');
  await byTestId('ask-sent').waitFor();

  await tab('我的');
  await waitForText('inquiries', '互助道520号');
  expect(await inquiriesText()).toContain('待答复');
  expect(loads).toEqual([]);
});

it('45 questions show 20 at a time, and 加载更多 brings the rest without repeats', async () => {
  const PARENT = 'o-local-parent';
  const before = s.app.cloud.store.count('zoning_inquiries', { openid: PARENT });
  // 示例数据 put in the store as earlier days' questions (the parent may send 20 a day).
  s.app.cloud.store.insert(
    'zoning_inquiries',
    Array.from({ length: 45 }, (_x, i) => ({
      _id: `iq-${PARENT}-e2e-page-${String(i).padStart(3, '0')}`,
      openid: PARENT,
      districtCode: '120102',
      schoolId: 'hd-s05',
      communityCode: null,
      address: `示例地址${i}号`,
      contactName: '王女士',
      phone: '13800000000',
      question: null,
      status: 'pending',
      answer: null,
      createdAt: new Date(Date.parse('2026-10-01T02:00:00Z') + i * 60_000),
    })),
  );
  await login('parent');
  await open('/pages/me/index');
  const items = s.page.locator('[data-testid="inquiries"] .me__inquiry');
  await byTestId('inquiries-more').waitFor();
  expect(await items.count()).toBe(20);
  for (let page = 0; page < 5 && (await byTestId('inquiries-more').count()) > 0; page++) {
    const shown = await items.count();
    await byTestId('inquiries-more').click();
    await s.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="inquiries"] .me__inquiry').length > n,
      shown,
    );
  }
  expect(await byTestId('inquiries-more').count()).toBe(0);
  const texts = await items.allTextContents();
  expect(texts).toHaveLength(before + 45);
  expect(new Set(texts).size).toBe(texts.length);
  // Newest first: the last of the sample questions heads the sample ones.
  const sample = texts.filter((t) => t.includes('示例地址'));
  expect(sample[0]).toContain('示例地址44号');
  expect(sample[44]).toContain('示例地址0号');
});
