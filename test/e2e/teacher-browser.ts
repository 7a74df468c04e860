import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalApp } from '../../local/app';
import { gcj02ToWgs84 } from '@/domain/geo';
import { fakeServerClock, startTestApp } from '../helpers/local-app';
import { launchBrowser } from './browser';

export interface TeacherBrowser {
  app: LocalApp;
  browser: Browser;
  /** A phone standing at the host school of the demo teacher's first duty (geolocation granted). */
  context: BrowserContext;
  page: Page;
  /** That school's position (GCJ-02, as stored). */
  host: { latitude: number; longitude: number };
}

/**
 * The set-up of the clock-in browser tests: server time on jest's fake Date (the gateway runs in this
 * process), the H5 build served by a fresh gateway, and a phone-sized page at the host school. The
 * browser reports WGS-84, so the stored GCJ-02 position is converted.
 */
export async function startTeacherBrowser(viewport = { width: 375, height: 812 }): Promise<TeacherBrowser> {
  fakeServerClock();
  const app = await startTestApp({ staticDir: path.resolve(__dirname, '../../dist/h5') });
  const browser = await launchBrowser();
  const host = (
    app.cloud.store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as {
      hostLocation: { latitude: number; longitude: number };
    }
  ).hostLocation;
  const context = await browser.newContext({ viewport, geolocation: gcj02ToWgs84(host), permissions: ['geolocation'] });
  return { app, browser, context, host, page: await context.newPage() };
}

export async function closeTeacherBrowser(t: TeacherBrowser | undefined): Promise<void> {
  await t?.browser.close();
  await t?.app.close();
  jest.useRealTimers();
}
