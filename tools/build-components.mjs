// Builds the key components as native WeChat components into dist/native-components for
// miniprogram-simulate (it cannot load Taro pages, only components).
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['taro', 'build', 'native-components', '--type', 'weapp'], {
  stdio: 'inherit',
  // Never uploaded: no cloud environment id needed (config/cloud-env.ts).
  env: {
    ...process.env,
    XUEQU_NATIVE_COMPONENTS: '1',
    TARO_OUTPUT_ROOT: 'dist/native-components',
    XUEQU_CLOUD_ENV_OPTIONAL: '1',
  },
});
process.exit(r.status ?? 1);
