/**
 * Local cloud runtime: runs the real cloud function bundles (cloudfunctions/<fn>/index.js) with the
 * real, unmodified wx-server-sdk against a durable SQLite store. See README.md for the seam and limits.
 */
import * as fs from 'fs';
import * as path from 'path';
import { COLLECTIONS, INDEXES } from '@/contracts/collections';
import { newId } from './codec';
import { viaJson } from './json';
import { installEnvOverlay, invocations, type Identity, type Invocation } from './identity';
import { bindOpenApi, installSeams } from './seam';
import { bindStorage } from './storage';
import { Store } from './store';
import { TxManager, type ConflictMode } from './transactions';
import { bindBackend } from './transport';

export type { Identity } from './identity';
export type { ConflictMode } from './transactions';
export { Store } from './store';
export { seamStatus, type SeamStatus } from './seam';
export { CloudDbError } from './errors';
export { readFile as readStoredFile, readByUrlPath as readStoredFileByUrlPath, setStorageBaseUrl } from './storage';
export { AGGREGATE_DEFAULT_LIMIT, DEFAULT_LIMIT, MAX_LIMIT } from './actions';

export interface InvokeResult {
  result: unknown;
  /** Database requests the call made. */
  roundTrips: number;
  /** The waits they cost in sequence (requests in flight together count once). */
  sequentialTrips: number;
  /**
   * Simulated database time of the call: sequentialTrips × the runtime's latencyMs (0 without one).
   * Computed, never slept: a bench at the cloud's latency stays as fast as the store.
   */
  simulatedMs: number;
}

export interface InvokeOptions {
  /** The event was just parsed from JSON text (the gateway): it is used as is, not round-tripped again. */
  parsedJson?: boolean;
}

export interface LocalCloud {
  store: Store; // seeding and test inspection
  sentMessages: Array<Record<string, unknown>>;
  /**
   * Require cloudfunctions/<name>/index.js from functionsRoot (cached), run main(event, context) with
   * identity in ALS; counts DB round trips (send() calls) of this invocation only. Adds the platform's
   * keys like the cloud: event.userInfo overwritten with {appId, openId} (removed without identity),
   * event.tcbContext ({} unless the caller passed one).
   */
  invoke(
    name: string,
    event: Record<string, unknown>,
    identity: Identity | null,
    options?: InvokeOptions,
  ): Promise<InvokeResult>;
  hasFunction(name: string): boolean;
  close(): void;
}

export interface LocalCloudOptions {
  dbFile: string;
  functionsRoot: string;
  /** Server clock for db.serverDate(); defaults to Date.now. */
  now?: () => number;
  /** Reported as getWXContext().ENV; defaults to 'local'. */
  env?: string;
  /**
   * How a transaction meets another that touched the same document: 'wait' queues it behind the other
   * (the default); 'fail' fails a conflicting write at once, as CloudBase does. Default from
   * XUEQU_TX_CONFLICTS (wait | fail).
   */
  conflicts?: ConflictMode;
  /**
   * Simulated latency of one database request (ms), the cloud's round trip (measured figures are
   * around 20 ms). Only reported (InvokeResult.simulatedMs), never waited. Default 0.
   */
  latencyMs?: number;
  /**
   * Where tempFileURLs of stored files point (cloud.getTempFileURL): `<storageUrl>/<cloudPath>`. Files
   * live in `<dbFile>.files/`. Default `http://127.0.0.1/local-storage` (served by nothing unless a
   * gateway serves it with readStoredFileByUrlPath).
   */
  storageUrl?: string;
}

/** Any of these means we are inside a real cloud (or its local debugger): never run there. */
export const CLOUD_ENV_MARKERS = ['TCB_ENV', 'SCF_NAMESPACE', 'TENCENTCLOUD_RUNENV', 'WX_CONTEXT_KEYS'] as const;

const FUNCTION_NAME = /^[A-Za-z0-9_-]+$/;

function conflictModeFromEnv(): ConflictMode {
  const mode = process.env.XUEQU_TX_CONFLICTS ?? 'wait';
  if (mode !== 'wait' && mode !== 'fail') throw new Error(`XUEQU_TX_CONFLICTS must be wait or fail, not ${mode}`);
  return mode;
}

let openCloud: LocalCloud | null = null;

type Main = (event: Record<string, unknown>, context: Record<string, unknown>) => unknown;

const checkedBundles = new Set<string>();

/**
 * Requires a function bundle (require caches it). A bundle that inlined wx-server-sdk would carry its
 * own @cloudbase/database with the real network transport: refuse it instead of going online.
 */
function loadMain(file: string): Main {
  if (!checkedBundles.has(file)) {
    if (/["']database\.getDocument["']/.test(fs.readFileSync(file, 'utf8'))) {
      throw new Error(`${file} bundles its own copy of the cloud SDK: mark wx-server-sdk as external when bundling`);
    }
    checkedBundles.add(file);
  }
  const main = (require(file) as { main?: unknown }).main;
  if (typeof main !== 'function') throw new Error(`${file} does not export main`);
  return main as Main;
}

export function createLocalCloud(opts: LocalCloudOptions): LocalCloud {
  const markers = CLOUD_ENV_MARKERS.filter((k) => process.env[k] !== undefined);
  if (markers.length) {
    throw new Error(
      `refusing to start the local cloud runtime in a real cloud environment (${markers.join(', ')} set)`,
    );
  }
  if (openCloud) throw new Error('a LocalCloud is already open in this process: close() it first');

  const functionsRoot = path.resolve(opts.functionsRoot);
  const envName = opts.env ?? 'local';
  const latencyMs = opts.latencyMs ?? 0;
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0))
    throw new Error(`latencyMs must be a non-negative number, not ${opts.latencyMs}`);
  installSeams([functionsRoot]); // throws if the SDK moved the seam, before anything is opened
  const store = new Store(opts.dbFile, { indexes: INDEXES, collections: Object.values(COLLECTIONS) });
  const tx = new TxManager(store, { conflicts: opts.conflicts ?? conflictModeFromEnv() });
  const sentMessages: Array<Record<string, unknown>> = [];
  bindBackend({ store, tx, now: opts.now ?? Date.now });
  bindOpenApi({ functionsRoot, sentMessages });
  bindStorage({
    dir: `${path.resolve(opts.dbFile)}.files`,
    env: envName,
    baseUrl: (opts.storageUrl ?? 'http://127.0.0.1/local-storage').replace(/\/+$/, ''),
  });
  const restoreEnv = installEnvOverlay(envName);
  let closed = false;

  const entry = (name: string): string => path.join(functionsRoot, name, 'index.js');
  const hasFunction = (name: string): boolean => FUNCTION_NAME.test(name) && fs.existsSync(entry(name));

  const invoke = async (
    name: string,
    event: Record<string, unknown>,
    identity: Identity | null,
    options: InvokeOptions = {},
  ): Promise<InvokeResult> => {
    if (closed) throw new Error('LocalCloud is closed');
    if (!hasFunction(name)) throw new Error(`no cloud function "${name}" under ${functionsRoot}`);
    if (identity && (!identity.OPENID || !identity.APPID)) throw new Error('identity needs OPENID and APPID');
    const main = loadMain(entry(name));

    // The cloud hands functions JSON and returns JSON: round-trip both so nothing only works locally.
    const ev = (options.parsedJson ? event : viaJson(event ?? {})) as Record<string, unknown>;
    if (identity) ev.userInfo = { appId: identity.APPID, openId: identity.OPENID };
    else delete ev.userInfo; // never trust a client-supplied identity
    ev.tcbContext ??= {};
    const invocation: Invocation = { identity, functionName: name, roundTrips: 0, sequentialTrips: 0, inFlight: 0 };
    const context = {
      request_id: newId(),
      function_name: name,
      function_version: '$LATEST',
      namespace: envName,
      memory_limit_in_mb: 256,
      time_limit_in_ms: 3000,
    };
    const result = await invocations.run(invocation, () => main(ev, context));
    const { roundTrips, sequentialTrips } = invocation;
    return { result: viaJson(result), roundTrips, sequentialTrips, simulatedMs: sequentialTrips * latencyMs };
  };

  const close = (): void => {
    if (closed) return;
    closed = true;
    bindBackend(null);
    bindOpenApi(null);
    bindStorage(null);
    tx.clear();
    restoreEnv();
    store.close();
    openCloud = null;
  };

  openCloud = { store, sentMessages, invoke, hasFunction, close };
  return openCloud;
}
