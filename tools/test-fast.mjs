// `npm run test:fast [jest args]`: the inner loop. Rebuilds the cloud function bundles only when a
// source they are built from is newer than the oldest bundle (the cloud tests run those bundles), then
// runs jest.fast.config.js: domain, contracts, data and cloud, no app builds, esbuild transform.
// `npm test` (tools/test.mjs) stays the full run CI uses.
// `XUEQU_TEST_TODAY=2029-03-14T02:00:00Z npm run test:fast` runs it with the test date in another year,
// as CI does after the full run (test/helpers/clock.js).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => path.join(root, ...p);

/** What the bundles are built from: the functions' sources, everything under src/ that is not app UI, the seed data, the build itself. */
const APP_ONLY = new Set(['pages', 'packages', 'components', 'assets', 'styles', 'hooks', 'services']);
function newestInput() {
  let newest = 0;
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const name of readdirSync(at('cloudfunctions')))
    if (existsSync(at('cloudfunctions', name, 'src'))) walk(at('cloudfunctions', name, 'src'));
  for (const name of readdirSync(at('src')))
    if (!APP_ONLY.has(name) && statSync(at('src', name)).isDirectory()) walk(at('src', name));
  for (const p of ['data', 'config/build-functions.mjs', 'config/functions-runtime.json', 'package-lock.json'])
    if (existsSync(at(p))) walk(at(p));
  return newest;
}

function oldestBundle() {
  let oldest = Infinity;
  for (const name of readdirSync(at('cloudfunctions'))) {
    if (!existsSync(at('cloudfunctions', name, 'src', 'index.ts'))) continue;
    const bundle = at('cloudfunctions', name, 'index.js');
    if (!existsSync(bundle)) return 0;
    oldest = Math.min(oldest, statSync(bundle).mtimeMs);
  }
  return oldest;
}

const args = process.argv.slice(2);
const force = args.includes('--build');
const jestArgs = args.filter((a) => a !== '--build');
const run = (cmd, argv) => spawnSync(cmd, argv, { stdio: 'inherit', cwd: root }).status;

if (force || newestInput() > oldestBundle()) {
  console.log('== build: cloud functions (sources changed)');
  if (run('node', ['config/build-functions.mjs']) !== 0) process.exit(1);
} else console.log('== cloud function bundles are up to date');

process.exit(run('npx', ['jest', '-c', 'jest.fast.config.js', ...jestArgs]) ?? 1);
