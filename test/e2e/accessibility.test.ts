import type { Page } from 'playwright-core';
import { exchangeRequest } from '../helpers/calls';
import { h5Session } from './h5-session';

// Every parent page and every role page (teacher, principal, 学区长, bureau), in normal and in 长辈模式: axe-core finds no serious or critical violation (its
// colour-contrast rule included), and everything tappable is at least 44 × 44 CSS px.
const s = h5Session();
const { byTestId, login, open, schoolId, searchAddress } = s;
const AXE = require.resolve('axe-core/axe.min.js');

interface Finding {
  rule: string;
  impact: string;
  nodes: string[];
}

/** axe-core on the page: WCAG 2 A/AA rules; returns the serious and critical violations, and whether contrast ran. */
async function axe(page: Page): Promise<{ violations: Finding[]; contrastChecked: number }> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: unknown,
          opts: unknown,
        ): Promise<{
          violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[]; failureSummary: string }> }>;
          passes: Array<{ id: string; nodes: unknown[] }>;
        }>;
      };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations', 'passes'],
    });
    const contrast = r.passes.find((p) => p.id === 'color-contrast');
    return {
      violations: r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          rule: v.id,
          impact: v.impact,
          nodes: v.nodes
            .slice(0, 5)
            .map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)}`),
        })),
      contrastChecked: contrast ? contrast.nodes.length : 0,
    };
  });
}

/**
 * Everything with a tap handler or a native control, visible,
 * smaller than 44 px either way. A tappable inside a larger tappable that contains it is fine.
 */
async function tapTargets(page: Page): Promise<{ checked: number; small: string[] }> {
  return page.evaluate(() => {
    // Taro's H5 components keep their handlers in __events (onClick → click).
    const tappable = (el: Element) => {
      const events = (el as unknown as { __events?: Record<string, unknown[] | undefined> }).__events;
      return !!events && ['click', 'tap'].some((type) => (events[type]?.length ?? 0) > 0);
    };
    const found: string[] = [];
    let checked = 0;
    for (const el of Array.from(
      document.querySelectorAll('.taro_page:not([style*="display: none"]) *, .taro-tabbar__tabbar *'),
    )) {
      if (
        !tappable(el) &&
        !['TARO-BUTTON-CORE', 'INPUT', 'TEXTAREA', 'A'].includes(el.tagName) &&
        !el.classList.contains('weui-tabbar__item')
      )
        continue;
      if (el.tagName === 'INPUT' && el.closest('taro-input-core')) continue; // measured as its wrapper
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      checked++;
      if (r.width >= 44 && r.height >= 44) continue;
      let parent = el.parentElement;
      let covered = false;
      while (parent && !covered) {
        if (tappable(parent)) {
          const p = parent.getBoundingClientRect();
          covered = p.width >= 44 && p.height >= 44;
        }
        parent = parent.parentElement;
      }
      if (!covered)
        found.push(
          `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : `.${String(el.className).split(' ')[0]}`} “${(el.textContent ?? '').trim().slice(0, 12)}” ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return { checked, small: found };
  });
}

/** The page in the mode asked: no serious axe finding, contrast actually checked, every target ≥ 44 px. */
async function expectAccessible(page: Page, elder: boolean): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.classList.contains('xq-elder'))).toBe(elder);
  const { violations, contrastChecked } = await axe(page);
  expect(violations).toEqual([]);
  expect(contrastChecked).toBeGreaterThan(0);
  const targets = await tapTargets(page);
  expect(targets.small).toEqual([]);
  expect(targets.checked).toBeGreaterThan(0);
}

/** Signs in as `persona` with 长辈模式 on or off for every page this page opens next. */
async function signIn(persona: string, elder: boolean): Promise<void> {
  await login(persona);
  // Taro keeps storage as {"data": …} in localStorage; 长辈模式 is read from it on every page.
  await s.page.addInitScript((on) => localStorage.setItem('elder-mode', JSON.stringify({ data: on })), elder);
}

type Visit = (page: Page) => Promise<void>;
const go =
  (hash: string, ready: string): Visit =>
  async (page) => {
    await page.goto(`${s.app.url}/#${hash}`);
    await page.locator(`[data-testid="${ready}"]`).first().waitFor();
  };

const PAGES: Array<[string, Visit]> = [
  ['查学区', go('/pages/lookup/index', 'district-120102')],
  [
    '查学区 with an answer',
    go('/pages/lookup/index?district=120102&street=120102005&community=120102005001', 'lookup-result'),
  ],
  ['查学区 with 请学校确认', go('/pages/lookup/index?district=120102&address=互助道500号', 'ask-form')],
  ['学区', go('/pages/xuequ-list/index', 'xuequ-card')],
  [
    '学区详情',
    async (page) => {
      await go('/pages/xuequ-list/index', 'tab-120102')(page);
      await page.locator('[data-testid="tab-120102"]').first().click();
      await page.locator('[data-testid^="xuequ-school-"]').first().waitFor();
      await page.locator('[data-testid="xuequ-open"]').first().click();
      await page.locator('.xuequ-detail [data-testid="school-card"]').first().waitFor();
    },
  ],
  ['学校', async (page) => go(`/pages/school/index?id=${schoolId('互助道小学')}`, 'school-name')(page)],
  ['政策', go('/pages/policy/index', 'policy-docs')],
  ['政策原文', go('/pages/policy-detail/index?id=p000', 'home-link')],
  ['入学条件: district', go('/pages/enrol/index', 'enrol-district-120102')],
  ['入学条件: question', go('/pages/enrol/index?district=120102&stage=primary', 'question-hukouInDistrict')],
  [
    '入学条件: date',
    go('/pages/enrol/index?district=120102&stage=primary&hukouInDistrict=1&housing=rent', 'question-birthDate'),
  ],
  [
    '入学条件: result',
    go(
      '/pages/enrol/index?district=120102&stage=primary&hukouInDistrict=0&residencePermit=1&housing=rent&birthDate=2021-08-31',
      'enrol-checklist',
    ),
  ],
  [
    '入学条件: too young',
    go(
      '/pages/enrol/index?district=120102&stage=primary&hukouInDistrict=1&housing=own&hukouAtHome=1&birthDate=2021-09-01',
      'enrol-instead',
    ),
  ],
  ['我的', go('/pages/me/index', 'elder-switch')],
  ['绑定身份', go('/pages/bind/index', 'home-link')],
  ['页面不存在', go('/pages/nowhere/index', 'not-found')],
];

describe.each([
  ['normal', false],
  ['长辈模式', true],
])('parent pages (%s)', (_mode, elder) => {
  beforeEach(async () => {
    await signIn('parent', elder);
  });

  it.each(PAGES)('%s: no serious axe violation, contrast checked, targets ≥ 44 px', async (_name, visit) => {
    await visit(s.page);
    await expectAccessible(s.page, elder);
  });
});

describe('长辈模式', () => {
  it('is switched in 我的, kept on reload, and makes the text larger on every page', async () => {
    await open('/pages/lookup/index');
    const intro = s.page.locator('.lookup__intro').first();
    await intro.waitFor();
    const normal = await intro.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await open('/pages/me/index');
    await byTestId('elder-switch').click();
    expect(await byTestId('elder-switch').textContent()).toContain('已开启');
    await s.page.reload();
    await byTestId('elder-switch').waitFor();
    expect(await byTestId('elder-switch').textContent()).toContain('已开启');
    await s.page.getByText('查学区', { exact: true }).last().click();
    await intro.waitFor();
    const large = await intro.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(large).toBeGreaterThanOrEqual(normal * 1.2);
    // Plain wording too.
    expect(await intro.textContent()).toContain('孩子上哪所学校');
    await searchAddress('互助道15号');
  });
});

// The role pages, each as the persona that uses it. One exchange request is filed first (server clock
// fixed), so the request pages show their checks, steps and the approver's buttons.
const REQUEST_ID = 'req-e2e-a11y-01';
let filedId = '';
beforeAll(async () => {
  const r = await s.app.cloud.invoke('approval', exchangeRequest(REQUEST_ID), {
    OPENID: 'o-local-hd-teacher',
    APPID: 'wx-e2e',
  });
  filedId = (r.result as { data: { id: string } }).data.id;
});

const ROLE_PAGES: Array<[string, string, Visit]> = [
  ['hd-teacher', '教师 · 首页（签到）', go('/packages/teacher/pages/home/index', 'clock-panel')],
  ['hd-xuequzhang', '校长 · 交流教师考勤', go('/packages/principal/pages/attendance/index', 'attendance-summary')],
  ['hd-xuequzhang', '校长 · 签到码', go('/packages/principal/pages/presence/index', 'presence-page')],
  ['hd-teacher', '教师 · 本月签到', go('/packages/teacher/pages/month/index', 'month-totals')],
  [
    'hd-teacher',
    '教师 · 补卡',
    go(
      '/packages/teacher/pages/makeup/index?dutyId=d1&date=2026-12-01&start=14:00&label=%E5%91%A8%E4%BA%8C%2014%3A00',
      'makeup-submit',
    ),
  ],
  ['hd-teacher', '教师 · 我的申请', go('/packages/teacher/pages/requests/index', 'new-request')],
  [
    'hd-teacher',
    '教师 · 申请详情',
    async (page) => go(`/packages/teacher/pages/requests/index?id=${filedId}`, 'approval-checks')(page),
  ],
  ['hd-teacher', '教师 · 新申请', go('/packages/teacher/pages/request-new/index', 'step-host')],
  ['hd-principal', '校长 · 首页', go('/packages/principal/pages/home/index', 'role-home-who')],
  ['hd-principal', '校长 · 待审批', go('/packages/principal/pages/inbox/index', 'tab-pending')],
  [
    'hd-principal',
    '校长 · 审批',
    async (page) => go(`/packages/principal/pages/request/index?id=${filedId}`, 'approve')(page),
  ],
  ['hd-principal', '校长 · 邀请码', go('/packages/principal/pages/invites/index', 'create-invite')],
  ['hd-xuequzhang', '学区长 · 场馆预约', go('/packages/principal/pages/facilities/index', 'facility-fc-hd-s01-gym')],
  ['hd-bureau', '教育局 · 首页', go('/packages/bureau/pages/home/index', 'role-home-who')],
  ['hd-bureau', '教育局 · 学区调整', go('/packages/bureau/pages/composition/index', 'xuequ-hd-x1')],
  ['hd-bureau', '教育局 · 邀请码', go('/packages/bureau/pages/invites/index', 'create-invite')],
  ['hd-bureau', '教育局 · 统计', go('/packages/bureau/pages/dashboard/index', 'dashboard-summary')],
  ['hd-bureau', '教育局 · 导入', go('/packages/bureau/pages/imports/index', 'table-teachers')],
  ['hd-bureau', '教育局 · 入学规则', go('/packages/bureau/pages/admission/index', 'save-admission')],
  ['hd-bureau', '教育局 · 全区审批', go('/packages/bureau/pages/approvals/index', 'bureau-approvals')],
];

describe.each([
  ['normal', false],
  ['长辈模式', true],
])('role pages (%s)', (_mode, elder) => {
  it.each(ROLE_PAGES)(
    '%s %s: no serious axe violation, contrast checked, targets ≥ 44 px',
    async (persona, _name, visit) => {
      await signIn(persona, elder);
      await visit(s.page);
      await expectAccessible(s.page, elder);
    },
  );

  it('the request checks show no green ✓ beside 未达标', async () => {
    await signIn('hd-principal', elder);
    await go(`/packages/principal/pages/request/index?id=${filedId}`, 'approval-checks')(s.page);
    const lines = await s.page
      .locator('.approval__check')
      .evaluateAll((els) =>
        els.map((e) => ({ text: e.textContent ?? '', ok: e.classList.contains('approval__check--ok') })),
      );
    const below = lines.filter((l) => l.text.includes('未达标'));
    expect(below.length).toBeGreaterThan(0);
    for (const l of below) expect(l).toEqual({ text: expect.not.stringContaining('✓'), ok: false });
  });
});

describe('长辈模式 on the role pages', () => {
  it('makes the text of a role page larger', async () => {
    await login('hd-bureau');
    const size = async () => {
      await go('/packages/bureau/pages/dashboard/index', 'dashboard-summary')(s.page);
      return s.page
        .locator('.dash__summary-line')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    };
    const normal = await size();
    await s.page.evaluate(() => localStorage.setItem('elder-mode', JSON.stringify({ data: true })));
    await s.page.reload();
    const large = await size();
    expect(large).toBeGreaterThanOrEqual(normal * 1.2);
  });
});
