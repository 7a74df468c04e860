// `npm test`: builds what the tests exercise (function bundles, weapp, H5, native components), runs
// every jest project once and the fast set once more in another year, and ends with one line
// `N passed, N failed` over both runs (CI reads it; jest's own summary is not a format CI knows). The
// same line is kept in .cache/test-summary.txt for .ci/run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const summaryFile = '.cache/test-summary.txt';
mkdirSync('.cache', { recursive: true });

function finish(passed, failed, skipped, code) {
  const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  writeFileSync(summaryFile, line + '\n');
  console.log(line);
  process.exit(code);
}

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status;

// Lint (Prettier, typed ESLint, stylelint) on the full run: a finding is one failure in the summary line.
const args = process.argv.slice(2);
let lintFailed = 0;
if (args.length === 0) {
  console.log('\n== lint');
  lintFailed = run('node', ['tools/lint.mjs']) === 0 ? 0 : 1;
}

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
/** One jest run with its results read back from the JSON file jest writes. */
function jest(label, args, env = {}) {
  const out = `.cache/jest-${label}.json`;
  rmSync(out, { force: true }); // a crashed run must not be read as the last one
  const status = run('npx', ['jest', '--ci', '--json', `--outputFile=${out}`, ...args], env);
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    // A suite that fails to load counts as a failure even though it ran no test.
    const broken = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests + broken,
      skipped: r.numPendingTests + r.numTodoTests,
      ok: status === 0 && broken === 0,
    };
  } catch {
    return { passed: 0, failed: 1, skipped: 0, ok: false };
  }
}

const all = jest('results', args);

// The same tests must pass whatever the machine's date: the fast set (domain, contracts, data, cloud
// through the runtime; not the browser, UI or build suites, to keep CI time bounded) runs once more
// with the ambient test date in another year, across a school-year boundary (test/helpers/clock.js),
// at full depth (the district-scale suites and every property run, as in the first pass).
const OTHER_TODAY = '2028-08-31T17:00:00Z'; // 2028-09-01 01:00 in China: a school year's first hour, a leap year
console.log(`\n== jest, fast set again with XUEQU_TEST_TODAY=${OTHER_TODAY}`);
const other = jest('other-year', ['-c', 'jest.fast.config.js', '--passWithNoTests', ...args], {
  XUEQU_TEST_TODAY: OTHER_TODAY,
  XUEQU_TEST_DEPTH: 'full',
});

finish(
  all.passed + other.passed,
  all.failed + other.failed + lintFailed,
  all.skipped + other.skipped,
  all.ok && other.ok && !lintFailed ? 0 : 1,
);
