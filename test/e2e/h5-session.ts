import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LocalApp } from '../../local/app';
import { fakeServerClock, startTestApp } from '../helpers/local-app';
import { launchBrowser } from './browser';

export interface H5Session {
  readonly app: LocalApp;
  readonly page: Page;
  byTestId(id: string): ReturnType<Page['locator']>;
}

/**
 * Registers the hooks every browser test needs: the server clock at TEST_NOW (the browser's follows it,
 * see ./browser.ts), the H5 build served by a fresh gateway, chromium, and a new phone-sized page per
 * test. Read `app` and `page` inside tests (they change per suite / test).
 */
export function h5Session(): H5Session {
  let app: LocalApp;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    fakeServerClock();
    app = await startTestApp({ staticDir: path.resolve(__dirname, '../../dist/h5') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    jest.useRealTimers();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  });
  afterEach(async () => {
    await page?.close();
  });
  return {
    get app() {
      return app;
    },
    get page() {
      return page;
    },
    byTestId: (id: string) => page.locator(`[data-testid="${id}"]`).first(),
  };
}
