/** Shared test plumbing: a fresh db file per runtime, the fixture functions, the real wx-server-sdk. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local/runtime';

export const FIXTURES = path.join(__dirname, 'fixtures');

/** wx-server-sdk's typings do not describe the database API precisely; tests use it untyped. */

export type Loose = any;

const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tmpDbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-runtime-'));
  tmpDirs.push(dir);
  return path.join(dir, 'cloud.db');
}

export function openCloud(opts: Partial<LocalCloudOptions> = {}): LocalCloud {
  return createLocalCloud({ dbFile: tmpDbFile(), functionsRoot: FIXTURES, ...opts });
}

/** The real SDK, initialised the way every cloud function does it. */
export function sdk(): Loose {
  const cloud: Loose = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud;
}

/** Asserts a promise rejects and returns the error (wx-server-sdk errors carry errCode/errMsg). */
export async function rejection(p: Promise<unknown>): Promise<Loose> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
