// `npm run lint`: Prettier (format), ESLint (typed rules, React hooks) and stylelint (colours and radii
// only from src/styles/tokens.scss). Exits non-zero when any of them finds a problem; `npm test` runs it
// first. `npm run format` rewrites what Prettier and the fixable ESLint rules can mend.
import { spawnSync } from 'node:child_process';

const steps = [
  ['prettier', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['eslint', ['eslint', '--max-warnings', '0', '.']],
  ['stylelint', ['stylelint', 'src/**/*.scss']],
];
let failed = [];
for (const [name, args] of steps) {
  console.log(`== lint: ${name}`);
  const status = spawnSync('npx', args, { stdio: 'inherit' }).status;
  if (status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`lint failed: ${failed.join(', ')} (npm run format fixes formatting)`);
  process.exit(1);
}
