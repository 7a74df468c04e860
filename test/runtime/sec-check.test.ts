/**
 * security.msgSecCheck as the local runtime answers it: the 2.0 request/response shape, version 1's
 * errcode 87014, request errors, the config.json permission, and the record tests assert on.
 */
import type { LocalCloud } from '../../local/runtime';
import { DEFAULT_REVIEW_WORD, DEFAULT_RISKY_WORD, textChecks } from '../../local/runtime/sec-check';
import { openCloud, type Loose } from './helpers';

const ANN = { OPENID: 'o-ann', APPID: 'wx-app' };
const v2 = (content: string, over: Record<string, unknown> = {}) => ({
  version: 2,
  openid: 'o-ann',
  scene: 2,
  content,
  ...over,
});

let rt: LocalCloud;
beforeEach(() => {
  rt = openCloud();
});
afterEach(() => rt.close());
const check = async (event: Record<string, unknown>, fn = 'sec-check') =>
  (await rt.invoke(fn, event, ANN)).result as Loose;

test('ordinary text passes: result.suggest pass, label 100, a trace id', async () => {
  const r = await check(v2('孩子明年上小学，想确认一下划片'));
  expect(r).toMatchObject({
    errCode: 0,
    errMsg: 'openapi.security.msgSecCheck:ok',
    result: { suggest: 'pass', label: 100 },
  });
  expect(r.detail[0]).toMatchObject({ strategy: 'content_model', errcode: 0, suggest: 'pass' });
  expect(typeof r.traceId).toBe('string');
  expect(textChecks()).toEqual([
    {
      functionName: 'sec-check',
      version: 2,
      openid: 'o-ann',
      scene: 2,
      content: '孩子明年上小学，想确认一下划片',
      suggest: 'pass',
      errcode: 0,
    },
  ]);
});

test('the configured test word is risky, the review word is review (errcode 0 both: the verdict is in result)', async () => {
  const risky = await check(v2(`前面${DEFAULT_RISKY_WORD}后面`));
  expect(risky).toMatchObject({ errCode: 0, result: { suggest: 'risky' } });
  expect(risky.result.label).not.toBe(100);
  expect(risky.detail).toEqual(
    expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', keyword: DEFAULT_RISKY_WORD })]),
  );
  expect((await check(v2(DEFAULT_REVIEW_WORD))).result.suggest).toBe('review');
});

test('the words come from XUEQU_SECCHECK_RISKY / XUEQU_SECCHECK_REVIEW, read on every call', async () => {
  process.env.XUEQU_SECCHECK_RISKY = '甲词, 乙词';
  try {
    expect((await check(v2('含乙词'))).result.suggest).toBe('risky');
    expect((await check(v2(DEFAULT_RISKY_WORD))).result.suggest).toBe('pass');
  } finally {
    delete process.env.XUEQU_SECCHECK_RISKY;
  }
});

test('version 1 (no version): risky text fails with errcode 87014', async () => {
  expect((await check({ content: DEFAULT_RISKY_WORD })).thrown).toMatchObject({ errCode: 87014 });
  expect(await check({ content: '你好' })).toMatchObject({ errCode: 0 });
});

test('request errors: openid, scene, content, and an openid that is not the caller', async () => {
  expect((await check(v2('你好', { openid: undefined }))).thrown.errCode).toBe(40003);
  expect((await check(v2('你好', { scene: 9 }))).thrown.errCode).toBe(40129);
  expect((await check(v2(''))).thrown.errCode).toBe(47001);
  expect((await check(v2('字'.repeat(2501)))).thrown.errCode).toBe(47001);
  expect((await check(v2('你好', { openid: 'o-someone-else' }))).thrown.errCode).toBe(61010);
  expect(textChecks().map((c) => c.errcode)).toEqual([40003, 40129, 47001, 47001, 61010]);
});

test('a function without the permission in config.json is refused', async () => {
  expect((await check(v2('你好'), 'sec-check-denied')).thrown.errCode).toBe(-604101);
  expect(textChecks()).toEqual([]);
});

test('XUEQU_SECCHECK_ERRCODE makes every call fail with that errcode (WeChat busy)', async () => {
  process.env.XUEQU_SECCHECK_ERRCODE = '-1';
  try {
    expect((await check(v2('你好'))).thrown.errCode).toBe(-1);
  } finally {
    delete process.env.XUEQU_SECCHECK_ERRCODE;
  }
  expect((await check(v2('你好'))).result.suggest).toBe('pass');
});
