/**
 * The cloud environment the weapp build's `Taro.cloud.init` uses. A production weapp build must name it
 * (XUEQU_CLOUD_ENV): without it the app would talk to whatever environment WeChat picks as the default,
 * which is not necessarily the one the functions and data were deployed to. Development builds
 * (NODE_ENV=development, e.g. `taro build --type weapp --watch`) and H5 builds do not need it. Builds that
 * are not shipped (tests, the native-component build, the bench baseline) opt out explicitly with
 * XUEQU_CLOUD_ENV_OPTIONAL=1.
 */
export const OPT_OUT = 'XUEQU_CLOUD_ENV_OPTIONAL';

export const MISSING_MESSAGE = [
  '学区通: the weapp production build needs the cloud environment id.',
  '  XUEQU_CLOUD_ENV=<环境ID> npm run build:weapp   (云开发控制台 → 设置 → 环境ID, e.g. xuequ-prod-1a2b3c)',
  `  Builds that are never uploaded (tests, benchmarks) may set ${OPT_OUT}=1 instead; a development build`,
  '  (taro build --type weapp --watch) does not need it.',
].join('\n');

/** The environment id to compile into the app ('' = WeChat's default); throws for a production weapp build without one. */
export function cloudEnvId(env: Record<string, string | undefined>): string {
  const id = (env.XUEQU_CLOUD_ENV ?? '').trim();
  if (id) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
      throw new Error(`学区通: XUEQU_CLOUD_ENV "${id}" is not a cloud environment id (letters, digits, - and _).`);
    return id;
  }
  const production = env.NODE_ENV !== 'development';
  if (env.TARO_ENV === 'weapp' && production && env[OPT_OUT] !== '1') throw new Error(MISSING_MESSAGE);
  return '';
}
