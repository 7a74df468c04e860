import type { LocalApp } from '../../local/app';
import { callFn, login, startTestApp } from '../helpers/local-app';
import { postJson } from '../helpers/http';

let app: LocalApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('gateway: the wire contract of DESIGN.md §3', () => {
  it('lists the seeded personas: parent and each role of the seeded districts', async () => {
    const res = await fetch(`${app.url}/__dev/personas`);
    const { personas } = (await res.json()) as { personas: Array<{ id: string }> };
    expect(personas.map((p) => p.id)).toEqual([
      'parent',
      'hd-teacher',
      'hd-principal',
      'hd-xuequzhang',
      'hd-lead-primary',
      'hd-bureau',
      'hc-teacher',
      'hc-principal',
      'hc-xuequzhang',
      'hc-lead-primary',
      'hc-bureau',
      'dc-bureau',
    ]);
  });

  it('answers { result } with the function envelope', async () => {
    const { status, body } = await callFn(app, 'school', { action: 'listDistricts' });
    expect(status).toBe(200);
    expect(body.result.ok).toBe(true);
  });

  it('an unknown function is 404', async () => {
    const { status } = await callFn(app, 'nope', { action: 'x' });
    expect(status).toBe(404);
  });

  it('malformed JSON is a clear 400', async () => {
    const res = await postJson(app, '/fn/school', '{"data": {');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('JSON');
  });

  it('a body without data is a clear 400', async () => {
    const res = await postJson(app, '/fn/school', '{"action":"lookup"}');
    expect(res.status).toBe(400);
  });

  it('a body over 6 MB is 413', async () => {
    const big = JSON.stringify({ data: { action: 'lookup', address: 'x'.repeat(6 * 1024 * 1024 + 10) } });
    const res = await postJson(app, '/fn/school', big);
    expect(res.status).toBe(413);
  });

  it('binds 127.0.0.1 only', () => {
    expect(app.host).toBe('127.0.0.1');
  });
});

describe('gateway: identity comes from the session, never from the payload', () => {
  it('without a session a function that needs one says UNAUTHENTICATED', async () => {
    const { body } = await callFn(app, 'account', { action: 'me' });
    expect(body.result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('a forged userInfo in the payload is ignored', async () => {
    const { body } = await callFn(app, 'account', {
      action: 'me',
      userInfo: { openId: 'o-local-hd-bureau', appId: 'x' },
    });
    expect(body.result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('an unknown persona cannot sign in', async () => {
    const res = await postJson(app, '/__dev/login', JSON.stringify({ persona: 'root' }));
    expect(res.status).toBe(400);
  });

  it('signs in any account bound in the local store by its openid; an unbound openid is refused', async () => {
    const login = (openid: string) => postJson(app, '/__dev/login', JSON.stringify({ openid }));
    const res = await login('o-local-hd-teacher');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    expect((await callFn(app, 'account', { action: 'me' }, cookie)).body.result.data).toMatchObject({
      openid: 'o-local-hd-teacher',
      roles: ['teacher'],
    });
    const unknown = await login('o-local-nobody');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toContain('没有已绑定的账号');
  });

  it('concurrent callers each see their own identity', async () => {
    const [teacher, bureau] = await Promise.all([login(app, 'hd-teacher'), login(app, 'hc-bureau')]);
    const calls = Array.from({ length: 20 }, (_, i) =>
      callFn(app, 'account', { action: 'me' }, i % 2 ? teacher : bureau),
    );
    const answers = await Promise.all(calls);
    answers.forEach(({ body }, i) => {
      expect(body.result.data.roles).toEqual(i % 2 ? ['teacher'] : ['bureau']);
    });
  });
});

describe('gateway: never in a real cloud environment', () => {
  it.each(['TCB_ENV', 'SCF_NAMESPACE', 'TENCENTCLOUD_RUNENV', 'WX_CONTEXT_KEYS'])(
    'refuses to start when %s is set',
    async (name) => {
      process.env[name] = 'prod';
      try {
        await expect(startTestApp()).rejects.toThrow();
      } finally {
        delete process.env[name];
      }
    },
  );
});
