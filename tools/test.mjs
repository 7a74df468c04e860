// `npm test`: builds what the tests exercise (function bundles, weapp, H5, native components), runs
// every jest project once, and ends with one line `N passed, N failed` (CI reads it; jest's own summary
// is not a format CI knows). The same line is kept in .cache/test-summary.txt for .ci/run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const summaryFile = '.cache/test-summary.txt';
mkdirSync('.cache', { recursive: true });

function finish(passed, failed, skipped, code) {
  const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  writeFileSync(summaryFile, line + '\n');
  console.log(line);
  process.exit(code);
}

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status;

// The weapp test build is never uploaded: it may use the default cloud environment (config/cloud-env.ts).
const testBuild = { XUEQU_CLOUD_ENV_OPTIONAL: '1' };
const builds = [
  ['cloud functions', 'node', ['config/build-functions.mjs']],
  ['weapp', 'npx', ['taro', 'build', '--type', 'weapp'], testBuild],
  ['h5', 'npx', ['taro', 'build', '--type', 'h5']],
  ['native components', 'node', ['tools/build-components.mjs']],
];
for (const [name, cmd, args, env = {}] of builds) {
  console.log(`\n== build: ${name}`);
  if (run(cmd, args, { NODE_ENV: 'production', ...env }) !== 0) {
    console.error(`build failed: ${name}`);
    finish(0, 1, 0, 1);
  }
}

console.log('\n== sizes');
run('npx', ['tsx', 'tools/size-report.ts']);

console.log('\n== jest');
const jestOut = '.cache/jest-results.json';
const status = run('npx', ['jest', '--ci', '--json', `--outputFile=${jestOut}`, ...process.argv.slice(2)]);
let results;
try {
  results = JSON.parse(readFileSync(jestOut, 'utf8'));
} catch {
  finish(0, 1, 0, status || 1);
}
// A suite that fails to load counts as a failure even though it ran no test.
const brokenSuites = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
finish(results.numPassedTests, results.numFailedTests + brokenSuites, results.numPendingTests + results.numTodoTests, status === 0 && brokenSuites === 0 ? 0 : 1);
