import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalApp } from '../../local/app';
import { gcj02ToWgs84 } from '@/domain/geo';
import { fakeServerClock, startTestApp } from '../helpers/local-app';
import { launchBrowser } from './browser';
import { pageSteps, type PageSteps } from './steps';

export interface TeacherSession extends PageSteps {
  readonly app: LocalApp;
  readonly browser: Browser;
  /** A phone standing at the host school of the demo teacher's first duty (geolocation granted). */
  readonly context: BrowserContext;
  /** One page for the whole suite: what a test leaves (sign-in, route) the next one finds. */
  readonly page: Page;
  /** That school's position (GCJ-02, as stored). */
  readonly host: { latitude: number; longitude: number };
  /** Moves the server clock (jest's fake Date; the gateway runs in this process) to an instant. */
  at(iso: string): void;
  /**
   * Thursday 26 Nov 16:00 China: the teacher asks a 补卡 for Wednesday's missed 14:00 session (互助道小学
   * hosts it) in the browser. Returns the request as stored.
   */
  askMissedMakeup(): Promise<{ _id: string }>;
  /** Waits until the clock card is in this state (签到 'in', 签退 'out', …). */
  waitForCardState(state: string): Promise<unknown>;
}

/**
 * Registers the set-up of the clock-in browser tests: server time on jest's fake Date, the H5 build
 * served by a fresh gateway, and a phone-sized page at the host school. The browser reports WGS-84, so
 * the stored GCJ-02 position is converted. Read the fields inside tests.
 */
export function teacherSession(viewport = { width: 375, height: 812 }): TeacherSession {
  let t: { app: LocalApp; browser: Browser; context: BrowserContext; page: Page; host: TeacherSession['host'] };
  beforeAll(async () => {
    fakeServerClock();
    const app = await startTestApp({ staticDir: path.resolve(__dirname, '../../dist/h5') });
    const browser = await launchBrowser();
    const host = (
      app.cloud.store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as {
        hostLocation: { latitude: number; longitude: number };
      }
    ).hostLocation;
    const context = await browser.newContext({
      viewport,
      geolocation: gcj02ToWgs84(host),
      permissions: ['geolocation'],
    });
    t = { app, browser, context, host, page: await context.newPage() };
  });
  afterAll(async () => {
    await t?.browser.close();
    await t?.app.close();
    jest.useRealTimers();
  });
  const steps = pageSteps(() => t);
  const at = (iso: string) => jest.setSystemTime(Date.parse(iso));
  return {
    get app() {
      return t.app;
    },
    get browser() {
      return t.browser;
    },
    get context() {
      return t.context;
    },
    get page() {
      return t.page;
    },
    get host() {
      return t.host;
    },
    at,
    async askMissedMakeup() {
      at('2026-11-26T08:00:00Z');
      await steps.openAs('hd-teacher', '/packages/teacher/pages/home/index');
      await steps.byTestId('makeup-dt-hd-teacher-2-2026-11-25-1400').click();
      await steps.fill('makeup-reason', '外出教研，手机没电');
      await steps.byTestId('makeup-submit').click();
      await steps.byTestId('makeup-sent').waitFor();
      return t.app.cloud.store.find('makeup_requests', { dutyId: 'dt-hd-teacher-2' })[0] as { _id: string };
    },
    waitForCardState: (state: string) =>
      t.page.waitForFunction(
        (s) => document.querySelector('[data-testid="clock-panel"]')?.getAttribute('data-state') === s,
        state,
      ),
    ...steps,
  };
}
