// The module runtime of `npm run test:fast` (jest.fast.config.js): jest's, except that a package from
// node_modules is evaluated once per worker and then handed to every later test file of that worker
// (with config/jest-worker-context.js, which keeps them in one global context). Jest re-evaluates every
// module per test file; for the cloud suites that was wx-server-sdk, mingo, bson, zod… (~800 modules)
// again in each of 40+ files, about a sixth of the inner loop's CPU.
// The project's own code (src, local, the function bundles) is still evaluated fresh per file: its
// state (stores, caches, the seams bound to a file's runtime) must not leak. A file that mocks a module
// or resets the registry gets jest's behaviour unchanged. `npm test` uses jest's runtime as it is.
const path = require('node:path');
const Runtime = require('jest-runtime').default;

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
// Jest's own packages stay per file, as jest loads them.
const JEST_OWN = /[\\/]node_modules[\\/](@jest|jest-[^\\/]+|expect|pretty-format)[\\/]/;

/** Loaded packages by global context (one per project in a worker, see jest-worker-context.js). */
const byContext = new WeakMap();
/** The runtime of the file running now: requires made later by a package a previous file loaded go there. */
const live = { runtime: null };

class WorkerModulesRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    live.runtime = this;
    this._isolatedOnce = false;
  }

  resetModules() {
    super.resetModules();
    this._isolatedOnce = true; // a file that wants a fresh registry gets a wholly fresh one
  }

  requireModuleOrMock(from, moduleName) {
    const now = this._liveRuntime();
    if (now) return now.requireModuleOrMock(from, moduleName);
    return super.requireModuleOrMock(from, moduleName);
  }

  requireModule(from, moduleName, options, isRequireActual) {
    const now = this._liveRuntime();
    if (now) return now.requireModule(from, moduleName, options, isRequireActual);
    const shared = this._sharedModules(moduleName, options);
    if (!shared) return super.requireModule(from, moduleName, options, isRequireActual);
    const modulePath = this._resolveCjsModule(from, moduleName);
    if (!modulePath.includes(NODE_MODULES) || JEST_OWN.test(modulePath))
      return super.requireModule(from, moduleName, options, isRequireActual);
    const loaded = shared.get(modulePath);
    if (loaded) return loaded.exports;
    const exports = super.requireModule(from, moduleName, options, isRequireActual);
    const record = this._moduleRegistry.get(modulePath);
    if (record) shared.set(modulePath, record);
    return exports;
  }

  /** The file running now, when this one is over (a package it loaded requires lazily), else null. */
  _liveRuntime() {
    return this.isTornDown && live.runtime && live.runtime !== this ? live.runtime : null;
  }

  /** The worker's loaded packages, or null when this require must go through jest as usual. */
  _sharedModules(moduleName, options) {
    if (!moduleName || options?.isInternalModule || this._resolver.isCoreModule(moduleName)) return null;
    if (this._isolatedOnce || this._isolatedModuleRegistry || this._explicitShouldMock.size > 0) return null;
    const context = this._environment.getVmContext?.();
    if (!context) return null;
    let shared = byContext.get(context);
    if (!shared) byContext.set(context, (shared = new Map()));
    return shared;
  }
}

module.exports = WorkerModulesRuntime;
