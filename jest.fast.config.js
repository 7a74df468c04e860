// `npm run test:fast` (tools/test-fast.mjs): the inner loop. Domain, contracts, data and the cloud
// functions through the local runtime, no app builds, esbuild instead of ts-jest. Everything else
// (environment, timeouts, module mapping) is the node project of jest.config.js, which `npm test` runs.
const base = require('./jest.config.js');
const node = base.projects.find((p) => p.displayName === 'node');

module.exports = {
  ...node,
  testTimeout: base.testTimeout,
  displayName: 'fast',
  testMatch: ['<rootDir>/test/{domain,contracts,data,cloud}/**/*.test.ts'],
  transform: { '^.+\\.[tj]sx?$': '<rootDir>/config/jest-esbuild-transform.js' },
  // The function bundles (2.5 MB of plain CommonJS, rebuilt on every source change) run as built.
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/cloudfunctions/[^/]+/index\\.js$'],
};
