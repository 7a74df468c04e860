import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium (installed by .ci/run); a test tool's own browser download cannot work here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Playwright's clock in every context: the page's Date starts where this process's Date is when the
 * context opens (the fake server clock, else the ambient test date of test/helpers/clock.js) and runs
 * on, so the app never reads the machine's date and agrees with the server on "today".
 */
async function onTestClock(context: BrowserContext): Promise<BrowserContext> {
  await context.clock.install({ time: Date.now() });
  return context;
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // playwright gives each launch a fresh temporary profile of its own.
  });
  // Every way a suite opens a page goes through these two, so none can forget the clock.
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = async (options) => onTestClock(await newContext(options));
  browser.newPage = async (options) => {
    const page = await newPage(options); // keeps the page owning its context (closing one closes both)
    await onTestClock(page.context());
    return page;
  };
  return browser;
}
