import type { Request } from 'playwright-core';
import { TEST_NOW } from '../helpers/local-app';
import { h5Session } from './h5-session';

// Issue 14: after binding an invite, 返回“我的” showed the old identity until a reload. Issue 15: account.me
// was asked for by every page separately; the client data cache asks once for a sequence of pages.
const s = h5Session();
const { bindFromMe, byTestId, login, open, tab } = s;

/** The cloud calls the page makes through the gateway, as `function.action`. */
function gatewayCalls(): string[] {
  const calls: string[] = [];
  s.page.on('request', (r: Request) => {
    const fn = /\/fn\/([^/?]+)$/.exec(r.url());
    if (fn && r.method() === 'POST')
      calls.push(`${fn[1]}.${String((r.postDataJSON() as { data: { action: string } }).data.action)}`);
  });
  return calls;
}
const countOf = (calls: string[], name: string) => calls.filter((c) => c === name).length;

// The browser's clock too: the cache's freshness window is measured on it.
beforeEach(() => s.page.clock.setFixedTime(TEST_NOW));

/** A principal invite of 中心东道小学 made by the bureau (through the runtime, as the bureau's pages would). */
async function principalInvite(requestId: string): Promise<string> {
  const { persona } = (await (await login('hd-bureau')).json()) as { persona: { openid: string } };
  const { result } = (await s.app.cloud.invoke(
    'admin',
    { action: 'createInvite', requestId, role: 'principal', schoolId: 'hd-s07', note: '张校长' },
    { OPENID: persona.openid, APPID: 'wx' },
  )) as { result: { ok: boolean; data: { code: string } } };
  expect(result.ok).toBe(true);
  return result.data.code;
}

it('after binding, 返回“我的” shows the new role and its entry at once, with no reload', async () => {
  const code = await principalInvite('e2e-bind-identity-01');
  await login('parent');
  const loads: string[] = [];
  s.page.on('load', () => loads.push(s.page.url()));
  await open('/pages/me/index');
  await byTestId('me-roles').waitFor();
  expect(await byTestId('me-roles').textContent()).toBe('家长');
  expect(await s.page.locator('[data-testid="entry-principal"]').count()).toBe(0);
  loads.length = 0;

  await bindFromMe(code);
  await byTestId('back-to-me').click();

  await byTestId('entry-principal').waitFor();
  expect(await byTestId('me-roles').textContent()).toContain('校长');
  expect(await byTestId('me-card').textContent()).toContain('中心东道小学');
  expect(loads).toEqual([]);

  // The role page opened from there knows the role too (no "此页面供校长使用").
  await byTestId('entry-principal').click();
  await byTestId('role-home-who').waitFor();
  expect(await byTestId('role-home-who').textContent()).toContain('中心东道小学');
});

it('a sequence of pages asks for account.me once: 我的 → 绑定身份 → 校长工作台 → 我的 → 查学区 → 我的', async () => {
  const code = await principalInvite('e2e-bind-identity-02');
  await login('parent');
  const calls = gatewayCalls();
  await open('/pages/me/index');
  await byTestId('me-roles').waitFor();
  await bindFromMe(code);
  await byTestId('open-role-page').click();
  // The principal's home: its entries and the role home both read the account (one answer, from the bind).
  await byTestId('role-home-who').waitFor();
  await byTestId('open-inbox').waitFor();
  await s.page.goBack(); // the bind page was replaced by the home: back is 我的

  await byTestId('entry-principal').waitFor();
  await tab('查学区');
  await byTestId('district-120102').waitFor();
  await tab('我的');
  await byTestId('entry-principal').waitFor();

  expect(countOf(calls, 'account.me')).toBe(1);
  expect(countOf(calls, 'account.bind')).toBe(1);
  // The district list is reference data: one request however often the tab is shown.
  expect(countOf(calls, 'school.listDistricts')).toBe(1);
});
