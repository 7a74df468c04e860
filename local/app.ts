/** Starts the local demo/test stack: the store (seeded on first use), the runtime and the gateway. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { createLocalCloud, setStorageBaseUrl, type ConflictMode, type LocalCloud } from './runtime';
import { STORAGE_PATH, createGateway, listen } from './gateway';
import { personasFrom } from './personas';
import { localDataDir, ROOT, seedStore, storeFile } from './data-dir';
import { buildSeed, type SeedDocs } from '../tools/seed-data';

export { ROOT, seedStore };

export interface LocalApp {
  url: string;
  port: number;
  /** The address the server actually bound (always 127.0.0.1). */
  host: string;
  cloud: LocalCloud;
  seed: SeedDocs;
  /** Where the store lives. */
  dataDir: string;
  close(): Promise<void>;
}

export interface LocalAppOptions {
  port?: number;
  /** Default: XUEQU_DATA_DIR, else .local-data/. */
  dataDir?: string;
  /** Serve the H5 build from here (default dist/h5 when it exists). */
  staticDir?: string | null;
  now?: () => number;
  /** How transactions meet on a document: see LocalCloudOptions.conflicts. */
  conflicts?: ConflictMode;
}

export async function startLocalApp(opts: LocalAppOptions = {}): Promise<LocalApp> {
  const dataDir = localDataDir(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const dbFile = storeFile(dataDir);
  const fresh = !existsSync(dbFile);
  const now = opts.now ?? Date.now;
  const cloud = createLocalCloud({
    dbFile,
    functionsRoot: path.join(ROOT, 'cloudfunctions'),
    now,
    conflicts: opts.conflicts,
  });
  // Personas come from the same seed builder, so they exist even when the store was seeded earlier.
  const seed = buildSeed(now());
  if (fresh) seedStore(cloud, seed, now());
  const h5 = path.join(ROOT, 'dist', 'h5');
  const staticDir = opts.staticDir === null ? undefined : (opts.staticDir ?? (existsSync(h5) ? h5 : undefined));
  const server: http.Server = createGateway({ cloud, personas: personasFrom(seed), staticDir });
  const port = await listen(server, opts.port ?? 0);
  // Large exports answer a tempFileURL: point it at this gateway, which serves the stored files.
  setStorageBaseUrl(`http://127.0.0.1:${port}${STORAGE_PATH}`);
  const bound = server.address();
  return {
    host: typeof bound === 'object' && bound ? bound.address : '',
    url: `http://127.0.0.1:${port}`,
    port,
    cloud,
    seed,
    dataDir,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => {
          cloud.close();
          resolve();
        });
      }),
  };
}
