// `npm run test:fast` (tools/test-fast.mjs): the inner loop. Domain, contracts, data and the cloud
// functions through the local runtime, no app builds, esbuild instead of ts-jest. Everything else
// (environment, timeouts, module mapping) is the node project of jest.config.js, which `npm test` runs.
const base = require('./jest.config.js');
const node = base.projects.find((p) => p.displayName === 'node');

// The inner loop's depth (test/helpers/depth.ts): randomised properties take a tenth of their runs and
// the district-scale suites below are left to the full run. XUEQU_TEST_DEPTH=full runs this same set at
// full depth (CI's second pass in another year does). Set here, before jest starts its workers.
process.env.XUEQU_TEST_DEPTH ??= 'fast';
const FULL = process.env.XUEQU_TEST_DEPTH === 'full';

// Suites whose point is volume: 20,000 rules or 5,000 records seeded to count requests at district
// scale, or every place of every seeded district asked three ways. A third of the fast set's CPU.
const DISTRICT_SCALE = [
  'test/cloud/export-file',
  'test/cloud/zoning-cost',
  'test/cloud/zoning-years',
  'test/cloud/zoning-targeted',
  'test/cloud/dashboard-rollups\\.test',
];

module.exports = {
  ...node,
  testTimeout: base.testTimeout,
  globalSetup: base.globalSetup,
  globalTeardown: base.globalTeardown,
  displayName: 'fast',
  testMatch: ['<rootDir>/test/{domain,contracts,data,cloud}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(FULL ? [] : DISTRICT_SCALE.map((p) => `<rootDir>/${p}`))],
  transform: { '^.+\\.[tj]sx?$': '<rootDir>/config/jest-esbuild-transform.js' },
  // Packages from node_modules load once per worker, not once per test file (config/jest-worker-*.js).
  testEnvironment: '<rootDir>/config/jest-worker-context.js',
  runtime: '<rootDir>/config/jest-worker-modules.js',
  // The function bundles (2.5 MB of plain CommonJS, rebuilt on every source change) run as built.
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/cloudfunctions/[^/]+/index\\.js$'],
};
