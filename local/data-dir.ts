/** Where the local data lives (XUEQU_DATA_DIR, default .local-data/) and how it is opened and seeded. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, INDEXES } from '../src/contracts/collections';
import { buildSeed, type SeedDocs } from '../tools/seed-data';
import { Store } from './runtime/store';
import { rebuildRollupsInStore } from './kpi-rollups';

export const ROOT = path.resolve(__dirname, '..');

/** The given directory, else XUEQU_DATA_DIR, else the project's .local-data/ (npm start, serve, --local tools). */
export function localDataDir(dir?: string): string {
  return path.resolve(dir || process.env.XUEQU_DATA_DIR || path.join(ROOT, '.local-data'));
}

export const storeFile = (dataDir: string): string => path.join(dataDir, 'xuequ.sqlite');

/** Writes every seeded document (creating the collections), and the dashboard rollups of seeded clock records; for a new, empty store. */
export function seedStore({ store }: { store: Store }, seed: SeedDocs, nowMs: number = Date.now()): void {
  for (const [collection, docs] of Object.entries(seed)) store.insertMany(collection, docs);
  if (seed[COLLECTIONS.clockRecords].length > 0) rebuildRollupsInStore(store, nowMs);
  store.analyze();
}

/** Opens the local store for a tool run with --local, seeding it first (as npm start does) when it is new. */
export function openLocalStore(dataDir: string, now: number = Date.now()): Store {
  mkdirSync(dataDir, { recursive: true });
  const file = storeFile(dataDir);
  const fresh = !existsSync(file);
  const store = new Store(file, { indexes: INDEXES, collections: Object.values(COLLECTIONS) });
  if (fresh) seedStore({ store }, buildSeed(now), now);
  return store;
}
