/**
 * invoke(): fixture functions under test/runtime/fixtures run with the real wx-server-sdk.
 */
import { createLocalCloud, CLOUD_ENV_MARKERS, type LocalCloud } from '../../local/runtime';
import { FIXTURES, openCloud, rejection, tmpDbFile, type Loose } from './helpers';

const ANN = { OPENID: 'o-ann', APPID: 'wx-app' };
const BOB = { OPENID: 'o-bob', APPID: 'wx-app', UNIONID: 'u-bob' };

describe('identity and invocation', () => {
  let rt: LocalCloud;
  beforeAll(() => {
    rt = openCloud({ env: 'xuequ-local' });
  });
  afterAll(() => rt.close());

  test('concurrent invocations each see their own getWXContext()', async () => {
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_x, i) => rt.invoke('whoami', { trips: 1 + (i % 4) }, i % 2 ? BOB : ANN)),
    );
    runs.forEach(({ result }, i) => {
      const me = (i % 2 ? BOB : ANN).OPENID;
      const r = result as Loose;
      expect([r.before.OPENID, r.after.OPENID, r.userInfo.openId]).toEqual([me, me, me]);
    });
    const bob = runs[1].result as Loose;
    expect(bob.after).toEqual({ OPENID: 'o-bob', APPID: 'wx-app', UNIONID: 'u-bob', ENV: 'xuequ-local' });
  });

  test('outside an invocation, and without identity, there is no OPENID', async () => {
    const cloud: Loose = require('wx-server-sdk');
    expect(cloud.getWXContext().OPENID).toBeUndefined();
    const { result } = await rt.invoke('whoami', {}, null);
    expect(result).toEqual({ before: { ENV: 'xuequ-local' }, after: { ENV: 'xuequ-local' }, userInfo: null });
  });

  test('event.userInfo is overwritten: the client cannot choose its identity', async () => {
    const forged = { userInfo: { openId: 'o-admin', appId: 'evil' } };
    expect(((await rt.invoke('whoami', forged, ANN)).result as Loose).userInfo).toEqual({
      appId: 'wx-app',
      openId: 'o-ann',
    });
    expect(((await rt.invoke('whoami', forged, null)).result as Loose).userInfo).toBeNull();
  });

  test('round trips are counted per invocation, even when invocations overlap', async () => {
    const [three, five, none] = await Promise.all([
      rt.invoke('whoami', { trips: 3 }, ANN),
      rt.invoke('whoami', { trips: 5 }, BOB),
      rt.invoke('whoami', {}, ANN),
    ]);
    expect([three.roundTrips, five.roundTrips, none.roundTrips]).toEqual([3, 5, 0]);
  });

  test('requests in flight together cost one sequential wait', async () => {
    const r = await rt.invoke('whoami', { trips: 2, together: 3 }, ANN);
    expect(r).toMatchObject({ roundTrips: 5, sequentialTrips: 3 });
  });

  test('a transaction costs start + reads + writes + commit round trips', async () => {
    rt.store.ensureCollection('counters');
    rt.store.insertMany('counters', [{ _id: 'visits', n: 0 }]);
    const r = await rt.invoke('counter', { id: 'visits' }, ANN);
    expect(r).toEqual({ result: 1, roundTrips: 4, sequentialTrips: 4, simulatedMs: 0 });
  });

  test('event and result travel as JSON, as with callFunction', async () => {
    const { result } = await rt.invoke('echo', { when: new Date(0), skip: undefined }, ANN);
    expect(result).toEqual({
      event: { when: '1970-01-01T00:00:00.000Z', userInfo: { appId: 'wx-app', openId: 'o-ann' }, tcbContext: {} },
      at: '1970-01-01T00:00:00.000Z',
      fn: 'echo',
    });
  });

  test('the platform keys arrive as the cloud adds them: userInfo (identity only) and tcbContext', async () => {
    const echoed = async (event: Record<string, unknown>, who: typeof ANN | null) =>
      ((await rt.invoke('echo', event, who)).result as Loose).event;
    expect(await echoed({ a: 1 }, null)).toEqual({ a: 1, tcbContext: {} });
    expect(await echoed({ a: 1, tcbContext: { requestId: 'r1' } }, ANN)).toEqual({
      a: 1,
      tcbContext: { requestId: 'r1' },
      userInfo: { appId: 'wx-app', openId: 'o-ann' },
    });
  });

  test('an event nested deeper than JSON.stringify can recurse still reaches the function, as JSON', async () => {
    let deep: Loose = { when: new Date(0), skip: undefined, list: [undefined, 1, Infinity] };
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    Object.defineProperty(deep, '__proto__', { value: { polluted: true }, enumerable: true });
    const event = ((await rt.invoke('echo', { deep }, ANN)).result as Loose).event;
    let inner = event.deep;
    expect(Object.prototype.hasOwnProperty.call(inner, '__proto__')).toBe(true);
    expect(({} as Loose).polluted).toBeUndefined();
    for (let i = 0; i < 20_000; i++) inner = inner.a;
    expect(inner).toEqual({ when: '1970-01-01T00:00:00.000Z', list: [null, 1, null] });
  });

  test('hasFunction / unknown functions / errors thrown by main', async () => {
    expect(rt.hasFunction('whoami')).toBe(true);
    expect(rt.hasFunction('nope')).toBe(false);
    expect(rt.hasFunction('../fixtures/whoami')).toBe(false);
    await expect(rt.invoke('nope', {}, ANN)).rejects.toThrow(/no cloud function "nope"/);
    await expect(rt.invoke('inlined-sdk', {}, ANN)).rejects.toThrow(/bundles its own copy of the cloud SDK/);
    rt.store.dropAll();
    rt.store.ensureCollection('counters');
    const e = await rejection(rt.invoke('counter', { id: 'missing' }, ANN));
    expect(e.errMsg).toMatch(/document with _id missing does not exist/);
  });
});

describe('subscribe messages', () => {
  let rt: LocalCloud;
  beforeEach(() => {
    rt = openCloud();
  });
  afterEach(() => rt.close());

  const data = {
    thing1: { value: '课后服务调课申请' },
    phrase2: { value: '已通过' },
    time3: { value: '2024-09-01 08:00' },
  };

  test('send() is recorded and answers like the real API', async () => {
    const { result } = await rt.invoke('notify', { data }, ANN);
    expect(result).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    expect(rt.sentMessages).toEqual([
      { touser: 'o-ann', templateId: 'TPL_APPROVAL', page: 'pages/index/index', miniprogramState: 'developer', data },
    ]);
  });

  test('invalid template data fails with the API error code and records nothing', async () => {
    const e = await rejection(
      rt.invoke('notify', { data: { thing1: { value: '这是一段明显超过二十个字符长度限制的事项名称文字' } } }, ANN),
    );
    expect(e.errCode).toBe(47003);
    expect(e.errMsg).toMatch(/data\.thing1\.value invalid/);
    expect(rt.sentMessages).toEqual([]);
  });

  test('a function without the openapi permission in config.json is refused', async () => {
    const e = await rejection(rt.invoke('notify-denied', { data }, ANN));
    expect(e.errCode).toBe(-604101);
    expect(rt.sentMessages).toEqual([]);
  });
});

describe('lifecycle', () => {
  test('refuses to start in a real cloud environment', () => {
    for (const key of CLOUD_ENV_MARKERS) {
      process.env[key] = 'something';
      try {
        expect(() => createLocalCloud({ dbFile: tmpDbFile(), functionsRoot: FIXTURES })).toThrow(
          /real cloud environment/,
        );
      } finally {
        delete process.env[key];
      }
    }
  });

  test('only one LocalCloud at a time; close() releases it and data persists in its file', async () => {
    const file = tmpDbFile();
    const first = createLocalCloud({ dbFile: file, functionsRoot: FIXTURES });
    expect(() => openCloud()).toThrow(/already open/);
    first.store.insertMany('counters', [{ _id: 'k', n: 41 }]);
    first.close();
    first.close(); // idempotent
    await expect(first.invoke('whoami', {}, ANN)).rejects.toThrow(/closed/);

    const other = openCloud();
    expect(other.store.hasCollection('counters')).toBe(false);
    other.close();

    const again = createLocalCloud({ dbFile: file, functionsRoot: FIXTURES });
    try {
      expect((await again.invoke('counter', { id: 'k' }, ANN)).result).toBe(42);
    } finally {
      again.close();
    }
  });

  test('close() restores process.env', () => {
    const before = process.env;
    const rt = openCloud();
    expect(process.env).not.toBe(before);
    rt.close();
    expect(process.env).toBe(before);
  });
});

describe('simulated latency', () => {
  let rt: LocalCloud;
  beforeAll(() => {
    rt = openCloud({ latencyMs: 20 });
  });
  afterAll(() => rt.close());

  test('simulated time is the sequential waits × latencyMs, computed rather than slept', async () => {
    const started = Date.now();
    const r = await rt.invoke('whoami', { trips: 2, together: 3 }, ANN);
    expect(r).toMatchObject({ roundTrips: 5, sequentialTrips: 3, simulatedMs: 60 });
    expect(Date.now() - started).toBeLessThan(60);
  });

  test('a negative or non-numeric latency is refused', () => {
    rt.close();
    expect(() => openCloud({ latencyMs: -1 })).toThrow(/latencyMs/);
    rt = openCloud({ latencyMs: 0 });
  });
});
