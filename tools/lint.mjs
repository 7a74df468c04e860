// `npm run lint`: Prettier (format), ESLint (typed rules, React hooks) and stylelint (colours and radii
// only from src/styles/tokens.scss), run side by side. Exits non-zero when any of them finds a problem;
// `npm test` runs it first. `npm run format` rewrites what Prettier and the fixable ESLint rules can mend.
// Prettier and ESLint keep a content-keyed cache in .cache/ so a second run rereads only changed files;
// a clean clone (CI) has none and checks everything. `--no-cache` does the same here.
import { spawn } from 'node:child_process';

const cached = !process.argv.includes('--no-cache');
const steps = [
  [
    'prettier',
    [
      'prettier',
      '--check',
      '--log-level',
      'warn',
      ...(cached ? ['--cache', '--cache-location', '.cache/prettier'] : []),
      '.',
    ],
  ],
  [
    'eslint',
    [
      'eslint',
      '--max-warnings',
      '0',
      ...(cached ? ['--cache', '--cache-strategy', 'content', '--cache-location', '.cache/eslint/'] : []),
      '.',
    ],
  ],
  ['stylelint', ['stylelint', 'src/**/*.scss']],
];

const run = ([name, args]) =>
  new Promise((resolve) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (status) => resolve({ name, status, out }));
  });

const results = await Promise.all(steps.map(run));
const failed = [];
for (const { name, status, out } of results) {
  console.log(`== lint: ${name}${status === 0 ? '' : ' (failed)'}`);
  if (out.trim()) process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  if (status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`lint failed: ${failed.join(', ')} (npm run format fixes formatting)`);
  process.exit(1);
}
