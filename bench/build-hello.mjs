// Builds the Taro hello-world (bench/hello-world/src) with the app's own config for weapp and H5: the
// size baseline `npm run bench` divides by.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';

// The same HTML shell as the app (not kept twice in git: .gitignore names the copy).
copyFileSync('src/index.html', 'bench/hello-world/src/index.html');

for (const type of ['weapp', 'h5']) {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    TARO_SOURCE_ROOT: 'bench/hello-world/src',
    TARO_OUTPUT_ROOT: `dist/hello-${type}`,
    XUEQU_CLOUD_ENV_OPTIONAL: '1',
  };
  const r = spawnSync('npx', ['taro', 'build', '--type', type], { encoding: 'utf8', env });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(r.status ?? 1);
  }
}
console.log('built the Taro hello-world baseline (dist/hello-weapp, dist/hello-h5)');
