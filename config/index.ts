import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { cloudEnvId } from './cloud-env';

/** Stops the build with the reason alone (Taro would add its own misleading "config not found"). */
function cloudEnvOrExit(): string {
  try {
    return cloudEnvId(process.env);
  } catch (e) {
    console.error(`\n${(e as Error).message}\n`);
    process.exit(1);
  }
}

// One Taro config for weapp, h5 and the native-components build used by miniprogram-simulate.
export default defineConfig<'webpack5'>(async () => {
  const isProd = process.env.NODE_ENV !== 'development';
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'xuequ',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    // The bench builds a Taro hello-world from bench/hello-world/src with this same config, as a size baseline.
    sourceRoot: process.env.TARO_SOURCE_ROOT || 'src',
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // Cloud environment id for weapp builds (required for a production weapp build: see cloud-env.ts).
      CLOUD_ENV: JSON.stringify(cloudEnvOrExit()),
      // Subscribe-message templates the app asks for (the same ids as the approval function's environment):
      // a requester accepts "your request was decided", a decider "a request waits for you".
      TPL_RESULT: JSON.stringify(process.env.XUEQU_TPL_RESULT || ''),
      TPL_APPROVAL: JSON.stringify(process.env.XUEQU_TPL_APPROVAL || ''),
      // A host principal accepts "a visiting teacher's clock-in was flagged" on the attendance page.
      TPL_ATTENDANCE: JSON.stringify(process.env.XUEQU_TPL_ATTENDANCE || ''),
      TPL_REMINDER: JSON.stringify(process.env.XUEQU_TPL_REMINDER || ''),
    },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    terser: { enable: isProd },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      optimizeMainPackage: { enable: true },
      // Imported images are emitted as files, never inlined as data: URIs (<map> marker icons need a
      // file path). Taro reads `limit: true` as "inline nothing" (maxSize 0).
      imageUrlLoaderOption: { limit: true },
      // Page styles are independent (BEM per component): their order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      // `npm run dev:h5` (watch): webpack's dev server on loopback, the functions and demo sign-in passed to
      // the gateway of `npm run serve` (PORT, default 3000) under the gateway's own Host, which it requires.
      devServer: {
        host: '127.0.0.1',
        port: 10086,
        allowedHosts: ['127.0.0.1', 'localhost'],
        // Live reload instead of React fast refresh (its webpack plugin is not a dependency of the project).
        hot: false,
        proxy: { '/fn': devGateway(), '/__dev': devGateway() },
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  config.cache = taroCache(isProd, config);
  return config;
});

function devGateway() {
  return { target: `http://127.0.0.1:${process.env.PORT || 3000}`, changeOrigin: true };
}

/**
 * webpack's persistent cache (node_modules/.cache/webpack): on for development builds (`npm run
 * dev:weapp` / `dev:h5`, rebuilds in seconds), off for production builds unless TARO_CACHE=1 (CI and
 * `npm test` build from scratch, so nothing stale can reach a test or an upload); TARO_CACHE=0 turns it
 * off everywhere. Each build flavour keeps its own cache: the name carries the environment, the source
 * root and the defined constants (another cloud environment id never reuses modules built for the last).
 */
function taroCache(isProd: boolean, config: UserConfigExport<'webpack5'>) {
  const flag = process.env.TARO_CACHE;
  const enable = flag === '1' || (flag !== '0' && !isProd);
  const { sourceRoot, defineConstants } = config as { sourceRoot?: string; defineConstants?: unknown };
  const flavour = JSON.stringify([sourceRoot, defineConstants]);
  const name = `${process.env.NODE_ENV}-${process.env.TARO_ENV}-${createHash('sha1').update(flavour).digest('hex').slice(0, 10)}`;
  return enable ? { enable, name } : { enable };
}
