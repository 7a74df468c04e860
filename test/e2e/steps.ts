import type { Page } from 'playwright-core';
import type { LocalApp } from '../../local/app';

/** A Taro field: the native input or textarea sits inside the element carrying the test id (or is it). */
const field = (id: string) =>
  `[data-testid="${id}"] input, input[data-testid="${id}"], [data-testid="${id}"] textarea, textarea[data-testid="${id}"]`;

export type PageSteps = ReturnType<typeof pageSteps>;

/**
 * The steps browser tests take on the H5 build, on whatever page and app `get` returns when a step runs
 * (suites open them in their hooks, so they are read late).
 */
export function pageSteps(get: () => { app: LocalApp; page: Page }) {
  const page = () => get().page;
  const url = () => get().app.url;
  const byTestId = (id: string) => page().locator(`[data-testid="${id}"]`).first();
  const steps = {
    byTestId,
    /** The text of the first element with this test id ('' when it has none). */
    textOf: async (id: string) => (await byTestId(id).textContent()) ?? '',
    /** Types into the input or textarea named by a test id. */
    fill: (id: string, value: string) => page().locator(field(id)).first().fill(value),
    /** The value in that field now. */
    valueOf: (id: string) => page().locator(field(id)).first().inputValue(),
    /** The _id of the school of that name. */
    schoolId: (name: string) => (get().app.cloud.store.find('schools', { name }) as Array<{ _id: string }>)[0]._id,
    /** Switches the H5 tab bar to the tab of that label (no page load). */
    tab: (label: string) => page().locator('.weui-tabbar__item', { hasText: label }).first().click(),
    /** Signs the browser context in as a demo persona (the gateway's dev login); the response names it. */
    login: (persona: string) => page().request.post(`${url()}/__dev/login`, { data: { persona } }),
    /** Opens a route of the app, e.g. `/pages/me/index`. */
    open: (route: string) => page().goto(`${url()}/#${route}`),
    /** Signs in as `persona`, then opens `route`. */
    async openAs(persona: string, route: string) {
      await steps.login(persona);
      await steps.open(route);
    },
    /** Waits until the first element with this test id contains `part`. */
    waitForText: (id: string, part: string) =>
      page().waitForFunction(([i, p]) => document.querySelector(`[data-testid="${i}"]`)?.textContent?.includes(p), [
        id,
        part,
      ] as const),
    /** On 我的: 绑定身份 with an invite code, until the page says it is bound. */
    async bindFromMe(code: string) {
      await byTestId('open-bind').click();
      await steps.fill('bind-code', code);
      await byTestId('bind-submit').click();
      await byTestId('bind-done').waitFor();
    },
    /** The demo teacher starts a 跨校兼课 request: opens the form, picks the host school, goes on to 每周安排. */
    async startExchangeRequest(hostSchoolId: string) {
      await steps.openAs('hd-teacher', '/packages/teacher/pages/request-new/index');
      await byTestId(`host-${hostSchoolId}`).click();
      await byTestId('next-step').click();
      await byTestId('step-slots').waitFor();
    },
    /** Picks a file for the page's 选择文件 button (test id pick-file), as the browser's file chooser would. */
    async pickFile(name: string, content: string | Buffer) {
      const [chooser] = await Promise.all([page().waitForEvent('filechooser'), byTestId('pick-file').click()]);
      await chooser.setFiles({
        name,
        mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
        buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
      });
    },
    /** 查学区, already on the lookup page: picks 河东区, types the address, searches and waits for `until`. */
    async searchAddress(address: string, until = 'lookup-result') {
      await byTestId('district-120102').click();
      await steps.fill('address-input', address);
      await byTestId('address-search').click();
      await byTestId(until).waitFor();
    },
    /** 请学校确认 under a lookup's answer: fills who asks (and the question, if any) and sends it. */
    async askSchool(name: string, phone: string, question?: string) {
      await steps.fill('ask-name', name);
      await steps.fill('ask-phone', phone);
      if (question !== undefined) await steps.fill('ask-question', question);
      await byTestId('ask-submit').click();
    },
    /** Opens the lookup page afresh and searches an address there (see searchAddress). */
    async lookupAddress(address: string, until = 'lookup-result') {
      await page().goto(`${url()}/`);
      await steps.searchAddress(address, until);
    },
  };
  return steps;
}
