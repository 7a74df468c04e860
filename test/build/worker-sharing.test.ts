/**
 * The inner loop's worker sharing (config/jest-worker-context.js, config/jest-worker-modules.js): a
 * package from node_modules is evaluated once per worker and handed to the worker's later test files,
 * while the project's own modules stay fresh per file and a file that mocks gets jest's isolation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ambientStart } from '../helpers/clock';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(__dirname, 'fixtures', 'worker-sharing');
const fast = require('../../jest.fast.config.js');

it('shares packages across the files of a worker, never the project’s modules, and not with a file that mocks; each file starts at the ambient date', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'worker-sharing-'));
  const out = path.join(dir, 'seen.jsonl');
  try {
    const config = {
      rootDir: root,
      transform: fast.transform,
      testEnvironment: fast.testEnvironment,
      setupFiles: fast.setupFiles,
      runtime: fast.runtime,
      testMatch: [`${fixtures}/*.fixture.js`],
      testSequencer: path.join(fixtures, 'by-name.js'),
    };
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', JSON.stringify(config), '--runInBand', '--ci'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, WORKER_SHARING_OUT: out } },
    );
    expect(run.stderr).toMatch(/Tests:\s+3 passed, 3 total/);
    const seen = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const year = new Date(ambientStart()).getUTCFullYear();
    expect(seen).toEqual([
      { name: 'a-one', year, sawEarlierFile: false },
      { name: 'b-two', year, sawEarlierFile: true, samePackage: true, sameProjectModule: false },
      { name: 'c-mocks', year, sawEarlierFile: true, samePackage: false, sameProjectModule: false },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
