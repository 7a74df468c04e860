/** Shared test plumbing: a fresh db file per runtime, the fixture functions, the real wx-server-sdk. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local/runtime';
import { Store, type StoreOptions } from '../../local/runtime/store';

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

/** Runs `use` on a store over `file` (a fresh one unless given) and closes it, also when `use` throws. */
export function withStore<T>(opts: StoreOptions, use: (store: Store) => T, file = tmpDbFile()): T {
  const store = new Store(file, opts);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

/** The sorted ids of the documents of `collection` that match `query`: equal sets whatever the plan's order. */
export const sortedIds = (store: Store, collection: string, query: Record<string, unknown>): unknown[] =>
  store
    .find(collection, query)
    .map((d) => d._id)
    .sort();

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

/** Updates one document by id through `on`: the database or a transaction. */
export const updateDoc = (on: Loose, collection: string, id: string, data: Record<string, unknown>): Promise<Loose> =>
  on.collection(collection).doc(id).update({ data });

/** One transaction that reads a document's `field` and writes it back one higher. */
export const incrementDoc = (db: Loose, collection: string, id: string, field: string): Promise<unknown> =>
  db.runTransaction(async (tx: Loose) => {
    const { data } = await tx.collection(collection).doc(id).get();
    await updateDoc(tx, collection, id, { [field]: data[field] + 1 });
  });
