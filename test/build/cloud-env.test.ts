import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cloudEnvId, OPT_OUT } from '../../config/cloud-env';

// A weapp production build without a cloud environment id would let WeChat pick the environment.
describe('the cloud environment id of the weapp build', () => {
  const weappProd = { TARO_ENV: 'weapp', NODE_ENV: 'production' };

  it('is compiled in when XUEQU_CLOUD_ENV names it', () => {
    expect(cloudEnvId({ ...weappProd, XUEQU_CLOUD_ENV: ' xuequ-prod-1a2b3c ' })).toBe('xuequ-prod-1a2b3c');
  });

  it('is required for a production weapp build, with the way to set it in the message', () => {
    expect(() => cloudEnvId(weappProd)).toThrow(/XUEQU_CLOUD_ENV=<环境ID> npm run build:weapp/);
    expect(() => cloudEnvId({ ...weappProd, XUEQU_CLOUD_ENV: '   ' })).toThrow(/needs the cloud environment id/);
    expect(() => cloudEnvId({ ...weappProd, XUEQU_CLOUD_ENV: 'a b' })).toThrow(/is not a cloud environment id/);
  });

  it('is optional for development, H5 and builds that opt out (tests, benchmarks)', () => {
    expect(cloudEnvId({ TARO_ENV: 'weapp', NODE_ENV: 'development' })).toBe('');
    expect(cloudEnvId({ TARO_ENV: 'h5', NODE_ENV: 'production' })).toBe('');
    expect(cloudEnvId({ ...weappProd, [OPT_OUT]: '1' })).toBe('');
    expect(() => cloudEnvId({ ...weappProd, [OPT_OUT]: 'yes' })).toThrow();
  });

  it('stops `taro build --type weapp` before it compiles anything, saying why', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'weapp-noenv-')), 'dist');
    const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_ROOT: out };
    delete env.XUEQU_CLOUD_ENV;
    delete env[OPT_OUT];
    const r = spawnSync(path.resolve(__dirname, '../../node_modules/.bin/taro'), ['build', '--type', 'weapp'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', env });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('the weapp production build needs the cloud environment id');
    expect(existsSync(path.join(out, 'app.js'))).toBe(false);
  });
});
