// globalSetup / globalTeardown of the node jest projects: one folder per jest run where the first test
// app of each clock instant leaves its freshly seeded store, which later apps copy instead of seeding
// again (test/helpers/local-app.ts). Per run, so a code change never meets a store seeded by old code.
'use strict';
const { mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ENV = 'XUEQU_SEED_TEMPLATES';

module.exports = async function setup() {
  // Workers start after globalSetup and inherit this process's environment.
  process.env[ENV] = mkdtempSync(path.join(os.tmpdir(), 'xuequ-seed-'));
};

module.exports.ENV = ENV;
module.exports.teardown = async function teardown() {
  const dir = process.env[ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
  delete process.env[ENV];
};
