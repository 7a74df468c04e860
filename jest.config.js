// One jest run, several environments. ts-jest compiles each file alone (isolatedModules): type errors
// are caught by `npm run typecheck`, not here.
const ts = [
  'ts-jest',
  { diagnostics: false, tsconfig: { isolatedModules: true, jsx: 'react-jsx', esModuleInterop: true, allowJs: true } },
];
// No test sees the machine's date: every file starts on the test clock (test/helpers/clock.js).
const clock = '<rootDir>/test/helpers/setup-clock.js';
// `@/…` is src/ (tsconfig paths), as in the app and function builds.
const alias = { '^@/(.*)$': '<rootDir>/src/$1' };
const common = { transform: { '^.+\\.[tj]sx?$': ts }, setupFiles: [clock], moduleNameMapper: alias };

module.exports = {
  testTimeout: 60000,
  // One seeded store per run and clock instant, copied by the test apps (test/helpers/seed-templates.js).
  globalSetup: '<rootDir>/test/helpers/seed-templates.js',
  globalTeardown: '<rootDir>/test/helpers/seed-templates-teardown.js',
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/{domain,contracts,data,cloud,gateway,runtime,build,fuzz}/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/ui/**/*.test.tsx'],
      moduleNameMapper: {
        ...alias,
        '^@tarojs/components$': '<rootDir>/test/ui/mocks/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/test/ui/mocks/taro.ts',
        '\\.(scss|css)$': 'identity-obj-proxy',
      },
    },
    {
      displayName: 'simulate',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/simulate/**/*.test.js'],
      setupFiles: [clock, '<rootDir>/test/simulate/setup.js'],
      // The components are already compiled by Taro; jest must not transform them again.
      transform: {},
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
