import { useTestApp } from '../helpers/local-app';
import { ACCESS } from '@/contracts/access';
import type { ActionContext, ActionTable, SignedInContext } from '@/server/handler';
import type { accountInputs, AccountOutputs } from '@/contracts/account';
import type { schoolInputs, SchoolOutputs } from '@/contracts/school';

/**
 * An action whose access row needs a caller receives a SignedInContext (openid a string): the handler
 * refuses an anonymous call before the action runs, so no database request is made and nothing is written.
 */
const app = useTestApp();

// Signed-in and role actions whose input is empty or all optional, so validation passes and the door decides.
const CASES: Array<[fn: string, action: string]> = [
  ['account', 'me'],
  ['school', 'myInquiries'],
  ['duty', 'today'],
  ['approval', 'mine'],
  ['facility', 'list'],
  ['admin', 'compositionState'],
];

describe('the context of a signed-in action', () => {
  it.each(CASES)(
    '%s.%s: an anonymous call is UNAUTHENTICATED before the action runs (no database request)',
    async (fn, action) => {
      const access = (ACCESS as Record<string, Record<string, { access: unknown }>>)[fn][action].access;
      expect(access).not.toBe('public');
      const before = app.cloud.store.collections().map((c) => [c, app.cloud.store.count(c, {})]);
      const answer = await app.cloud.invoke(fn, { action }, null);
      expect(answer.result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
      expect(answer.roundTrips).toBe(0);
      expect(app.cloud.store.collections().map((c) => [c, app.cloud.store.count(c, {})])).toEqual(before);
    },
  );

  it('the same call signed in runs the action (the refusal above is the door, not the input)', async () => {
    const answer = await app.cloud.invoke(
      'account',
      { action: 'me' },
      { OPENID: 'o-local-hd-bureau', APPID: 'wx-test' },
    );
    expect(answer.result).toMatchObject({ ok: true });
    expect(answer.roundTrips).toBeGreaterThan(0);
  });

  it('is typed from the access matrix: a signed-in action gets a non-null openid, a public one may not claim it', () => {
    type Account = ActionTable<typeof accountInputs, AccountOutputs>;
    type School = ActionTable<typeof schoolInputs, SchoolOutputs>;
    const me: Parameters<Account['me']['run']>[1] = { openid: 'o-x' } as SignedInContext;
    const openid: string = me.openid; // compiles only because `me` is signed-in
    // @ts-expect-error a public action's context may have no caller
    const publicCtx: SignedInContext = {} as Parameters<School['listDistricts']['run']>[1];
    // @ts-expect-error a signed-in action cannot be given a context without a caller
    const anonymous: Parameters<Account['me']['run']>[1] = {} as ActionContext;
    expect([openid, publicCtx, anonymous]).toHaveLength(3);
  });
});
