import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LocalApp } from '../../local/app';
import { fakeServerClock, startTestApp } from '../helpers/local-app';
import { launchBrowser } from './browser';
import { pageSteps, type PageSteps } from './steps';

export interface H5Session extends PageSteps {
  readonly app: LocalApp;
  readonly page: Page;
}

/**
 * Registers the hooks every browser test needs: the server clock at TEST_NOW (the browser's follows it,
 * see ./browser.ts), the H5 build served by a fresh gateway, chromium, and a new phone-sized page per
 * test. Read `app` and `page` inside tests (they change per suite / test); the steps read them late.
 */
export function h5Session(): H5Session {
  let app: LocalApp;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    fakeServerClock();
    app = await startTestApp({ staticDir: path.resolve(__dirname, '../../dist/h5') });
    browser = await launchBrowser();
    fakeServerClock(); // again: the suite starts at TEST_NOW itself, not after the start-up's seconds
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
    ...pageSteps(() => ({ app, page })),
  };
}
