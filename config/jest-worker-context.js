// The test environment of `npm run test:fast` (jest.fast.config.js): jest's node environment, except
// that the test files a worker runs share one global context instead of a fresh one each. That lets
// config/jest-worker-modules.js keep the packages from node_modules loaded across those files (zod's
// `instanceof Date`, bson and mingo see the same built-ins as the test). What a file gets fresh as
// before: `process`, the module mocker, fake timers (jest's teardown restores the real ones). A global a
// test assigns stays for the worker's next files: `npm test` keeps jest's full isolation and is the
// run that counts.
const { TestEnvironment: NodeEnvironment } = require('jest-environment-node');
const { ModuleMocker } = require('jest-mock');
const { LegacyFakeTimers, ModernFakeTimers } = require('@jest/fake-timers');

/** One context per project in this worker. */
const contexts = new Map();

class WorkerContextEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context); // a fresh context, dropped below when the worker has one
    const { projectConfig } = config;
    const kept = contexts.get(projectConfig.id);
    if (!kept) {
      contexts.set(projectConfig.id, { context: this.context, global: this.global });
      return;
    }
    const fresh = this.global;
    this.context = kept.context;
    this.global = kept.global;
    this.global.process = fresh.process;
    // As jest-environment-node builds them, bound to the kept global.
    this.moduleMocker = new ModuleMocker(this.global);
    const idToRef = (id) => ({
      id,
      ref() {
        return this;
      },
      unref() {
        return this;
      },
    });
    this.fakeTimers = new LegacyFakeTimers({
      config: projectConfig,
      global: this.global,
      moduleMocker: this.moduleMocker,
      timerConfig: { idToRef, refToId: (timer) => timer?.id },
    });
    this.fakeTimersModern = new ModernFakeTimers({ config: projectConfig, global: this.global });
  }
}

module.exports = WorkerContextEnvironment;
