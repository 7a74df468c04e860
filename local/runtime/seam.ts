/**
 * Where the unmodified wx-server-sdk meets the local runtime. Every loaded copy of the SDK packages is
 * patched at runtime (files on disk are never touched):
 *
 * - @cloudbase/database: `Db.reqClass` is pinned to LocalReq with a getter whose setter ignores the
 *   assignment node-sdk makes on every cloud.database(). Query#update/remove/count refuse to run on a
 *   transaction's collection (the SDK would silently run them outside the transaction).
 * - @cloudbase/node-sdk: CloudBase#callCompatibleWxOpenApi is served by openapi.ts, storage
 *   (uploadFile, getTempFileURL, downloadFile, deleteFile) by storage.ts, and every path to
 *   the network (API requester, HTTP layer, metadata lookups) is blocked, so nothing can reach the real
 *   cloud or crash the process with an unhandled rejection for lack of credentials.
 *
 * Copies are found by resolution from wx-server-sdk and by scanning node_modules trees (project and
 * functions root), and required through the caller's `require` so jest's registry sees the same ones.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CloudDbError, CODE } from './errors';
import { serveOpenApi, type OpenApiBackend, type OpenApiRequest } from './openapi';
import { resetTextChecks } from './sec-check';
import { sdkDirs } from './sdk-paths';
import * as storage from './storage';
import { LocalReq } from './transport';

export interface SeamStatus {
  wxServerSdkDir: string;
  databaseCopies: string[];
  nodeSdkCopies: string[];
  /** Assignments to Db.reqClass that the pin swallowed (node-sdk makes one per cloud.database()). */
  reqClassAssignments: number;
}

/** The SDK's own method under a wrapper, so a second install wraps the original again, not its wrapper. */
const ORIGINAL = Symbol.for('xuequ.localRuntime.original');
const TX_QUERY_METHODS = ['update', 'remove', 'count'];

const status: SeamStatus = { wxServerSdkDir: '', databaseCopies: [], nodeSdkCopies: [], reqClassAssignments: 0 };
let openApiBackend: OpenApiBackend | null = null;

export const seamStatus = (): SeamStatus => ({ ...status });

/** Where openapi calls go; null (after close) makes them fail like a blocked network call. */
export function bindOpenApi(b: OpenApiBackend | null): void {
  openApiBackend = b;
  resetTextChecks();
}

function moved(what: string): never {
  throw new Error(`local runtime seam moved: ${what}. wx-server-sdk changed; update local/runtime/seam.ts.`);
}

function mainOf(dir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { main?: string };
  return path.join(dir, pkg.main ?? 'index.js');
}

/** Finds every `<node_modules>/<name>` below a node_modules directory (nested trees included). */
function scan(
  nodeModules: string,
  names: readonly string[],
  found: Map<string, Set<string>>,
  visited: Set<string>,
): void {
  // Most packages have no nested node_modules: a plain existence check is far cheaper than a throwing realpath.
  if (!fs.existsSync(nodeModules)) return;
  let real: string;
  try {
    real = fs.realpathSync(nodeModules);
  } catch {
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  for (const name of names) {
    if (fs.existsSync(path.join(real, name, 'package.json')))
      found.get(name)?.add(fs.realpathSync(path.join(real, name)));
  }
  for (const entry of fs.readdirSync(real, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    const top = path.join(real, entry.name);
    let dirs = [top];
    if (entry.name.startsWith('@')) {
      try {
        dirs = fs.readdirSync(top).map((s) => path.join(top, s));
      } catch {
        continue; // a dangling or file symlink: nothing to scan
      }
    }
    for (const d of dirs) scan(path.join(d, 'node_modules'), names, found, visited);
  }
}

const scanCache = new Map<string, Map<string, Set<string>>>();

function findCopies(roots: readonly string[], names: readonly string[]): Map<string, Set<string>> {
  const all = new Map(names.map((n) => [n, new Set<string>()]));
  for (const root of roots) {
    let found = scanCache.get(root);
    if (!found) {
      found = new Map(names.map((n) => [n, new Set<string>()]));
      const visited = new Set<string>();
      scan(path.join(root, 'node_modules'), names, found, visited);
      if (fs.existsSync(root)) {
        for (const e of fs.readdirSync(root, { withFileTypes: true })) {
          if (e.isDirectory() && e.name !== 'node_modules')
            scan(path.join(root, e.name, 'node_modules'), names, found, visited);
        }
      }
      scanCache.set(root, found);
    }
    for (const n of names) for (const d of found.get(n) ?? []) all.get(n)?.add(d);
  }
  return all;
}

type AnyFn = (this: unknown, ...args: unknown[]) => unknown;

function pinDatabase(dir: string): void {
  const mod = require(mainOf(dir)) as { Db?: unknown; Query?: { prototype: Record<string | symbol, unknown> } };
  const Db = mod.Db;
  if (typeof Db !== 'function') moved(`${dir} no longer exports Db`);
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    enumerable: true,
    get: () => LocalReq,
    set: () => {
      status.reqClassAssignments++;
    },
  });
  const proto = mod.Query?.prototype ?? moved(`${dir} no longer exports Query`);
  // Wrapped again on every install: a copy of the SDK kept loaded across installs (a test worker's
  // shared modules) must refuse with this install's CloudDbError, which the transport recognises.
  for (const m of TX_QUERY_METHODS) {
    const present = proto[m] as (AnyFn & { [ORIGINAL]?: AnyFn }) | undefined;
    const original = present?.[ORIGINAL] ?? present;
    if (typeof original !== 'function') moved(`Query#${m} is gone`);
    const wrapped = function (this: { _transactionId?: string }, ...args: unknown[]) {
      if (this._transactionId) {
        return Promise.reject(
          new CloudDbError(
            CODE.REQUEST_FAILED,
            'where()/collection queries are not allowed in a transaction: use doc(id) operations',
          ),
        );
      }
      return original.apply(this, args);
    };
    proto[m] = Object.assign(wrapped, { [ORIGINAL]: original });
  }
}

function blocked(what: string): () => Promise<never> {
  return () =>
    Promise.reject(
      new CloudDbError(
        CODE.SYS_ERR,
        `local runtime: ${what} would call the real cloud; only the database, storage, openapi.subscribeMessage.send and openapi.security.msgSecCheck are served locally`,
      ),
    );
}

function patchExport(file: string, name: string, replacement: unknown): void {
  const mod = require(file) as Record<string, unknown>;
  if (typeof mod[name] !== 'function') moved(`${file} no longer exports ${name}()`);
  mod[name] = replacement;
}

function guardNodeSdk(dir: string): void {
  const utils = path.join(dir, 'dist', 'utils');
  patchExport(path.join(utils, 'metadata.js'), 'lookupAppId', async () => ''); // "not on Tencent Cloud"
  patchExport(path.join(utils, 'metadata.js'), 'lookupCredentials', blocked('a credentials lookup'));
  patchExport(path.join(utils, 'metadata.js'), 'lookup', blocked('a metadata lookup'));
  patchExport(path.join(utils, 'tcbapirequester.js'), 'request', blocked('this API'));
  patchExport(path.join(utils, 'tcbopenapirequester.js'), 'request', blocked('this API'));
  patchExport(path.join(utils, 'tcbopenapicommonrequester.js'), 'request', blocked('this API'));
  patchExport(path.join(utils, 'request.js'), 'extraRequest', blocked('an HTTP request'));
  patchExport(path.join(utils, 'request-core.js'), 'request', () => {
    throw new CloudDbError(CODE.SYS_ERR, 'local runtime: HTTP requests to the real cloud are disabled');
  });
  // Storage (cloud.uploadFile & co.): CloudBase calls these module exports at call time.
  const storageModule = path.join(dir, 'dist', 'storage', 'index.js');
  for (const name of ['uploadFile', 'getTempFileURL', 'downloadFile', 'deleteFile'] as const)
    patchExport(storageModule, name, storage[name]);
  const { CloudBase } = require(path.join(dir, 'dist', 'cloudbase.js')) as {
    CloudBase?: { prototype: Record<string, unknown> };
  };
  if (typeof CloudBase?.prototype.callCompatibleWxOpenApi !== 'function')
    moved('CloudBase#callCompatibleWxOpenApi is gone');
  CloudBase.prototype.callCompatibleWxOpenApi = async function (opts: OpenApiRequest): Promise<Buffer> {
    if (!openApiBackend) return blocked('openapi')();
    return serveOpenApi(openApiBackend, opts);
  };
}

/**
 * Installs every seam on every copy reachable from `roots` (project root, functions root). Idempotent;
 * the pins stay after close() on purpose: with no backend bound, requests fail instead of going online.
 */
export function installSeams(roots: readonly string[]): SeamStatus {
  const { wxServerSdk: wxServerSdkDir, nodeSdk: nodeSdkDir, database: databaseDir } = sdkDirs();
  const copies = findCopies(
    [...roots, path.dirname(path.dirname(wxServerSdkDir))],
    ['@cloudbase/database', '@cloudbase/node-sdk'],
  );
  const databases = new Set([fs.realpathSync(databaseDir), ...(copies.get('@cloudbase/database') ?? [])]);
  const nodeSdks = new Set([fs.realpathSync(nodeSdkDir), ...(copies.get('@cloudbase/node-sdk') ?? [])]);

  for (const d of databases) pinDatabase(d);
  for (const d of nodeSdks) guardNodeSdk(d);
  Object.assign(status, { wxServerSdkDir, databaseCopies: [...databases], nodeSdkCopies: [...nodeSdks] });
  return seamStatus();
}
