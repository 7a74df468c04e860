/**
 * The event as the platform sends it (issue 12): CloudBase adds `userInfo` and `tcbContext` beside the
 * caller's data. Every action of every built bundle (`npm run build:functions` first) is called through
 * the local runtime with its valid example and those keys, as a persona it admits. A refusal writes
 * nothing, so the same call without the platform keys must then be refused alike (a business rule, not
 * the strict schema seeing a platform key). A client-sent userInfo never becomes the caller.
 */
import type { z } from 'zod';
import { CONTRACTS } from '@/contracts';
import { accessRule } from '@/contracts/access';
import type { Role } from '@/domain/roles';
import { examples } from '../fuzz/examples';
import { callFn, useTestApp } from '../helpers/local-app';

const app = useTestApp();

const APPID = 'wx-local-demo';
const OPENID_OF: Record<Role, string> = {
  parent: 'o-local-parent',
  teacher: 'o-local-hd-teacher',
  principal: 'o-local-hd-principal',
  xuequzhang: 'o-local-hd-xuequzhang',
  bureau: 'o-local-hd-bureau',
};
/** Platform keys as a real call carries them, plus a forged identity in userInfo. */
const PLATFORM = {
  tcbContext: { requestId: 'tcb-req-0001', envId: 'xuequ-prod-1a2b' },
  userInfo: { appId: 'wx-forged', openId: 'o-local-hd-bureau' },
};

/** An OPENID the action admits (null for public actions: no identity at all). */
function callerOf(fn: string, action: string): string | null {
  const { access } = accessRule(fn as never, action)!;
  if (access === 'public') return null;
  return access === 'signed-in' ? OPENID_OF.parent : OPENID_OF[access[0]];
}

const calls = Object.entries(examples()).flatMap(([fn, actions]) =>
  Object.entries(actions).map(([action, list]) => ({ fn, action, example: list[0] })),
);

it('has an example for every action of every function', () => {
  const contracted = Object.entries(CONTRACTS).flatMap(([fn, actions]) =>
    Object.keys(actions as Record<string, z.ZodTypeAny>).map((a) => `${fn}.${a}`),
  );
  expect(calls.map((c) => `${c.fn}.${c.action}`).sort()).toEqual(contracted.sort());
});

it.each(calls.map((c) => [`${c.fn}.${c.action}`, c] as const))(
  '%s takes the platform keys beside its input',
  async (_name, { fn, action, example }) => {
    const openid = callerOf(fn, action);
    const identity = openid ? { OPENID: openid, APPID } : null;
    const { result } = await app.cloud.invoke(fn, { ...example, action, ...PLATFORM }, identity);
    const answer = result as { ok: boolean; code?: string; message?: string };
    expect(answer.ok ? 'ok' : `${answer.code} ${answer.message}`).not.toMatch(
      /^(UNKNOWN_ACTION|UNAUTHENTICATED|INTERNAL)|tcbContext|userInfo/,
    );
    if (!answer.ok) expect((await app.cloud.invoke(fn, { ...example, action }, identity)).result).toEqual(result);
  },
);

it('answers ok with tcbContext: {} through the gateway, and a client-sent userInfo is not the caller', async () => {
  const districts = await callFn(app, 'school', { action: 'listDistricts', tcbContext: {} });
  expect(districts.body.result).toMatchObject({ ok: true });
  const { result } = await app.cloud.invoke(
    'account',
    { action: 'me', ...PLATFORM },
    { OPENID: OPENID_OF.parent, APPID },
  );
  expect(result).toMatchObject({ ok: true, data: { openid: OPENID_OF.parent } });
  const anonymous = await callFn(app, 'admin', { action: 'listInvites', ...PLATFORM });
  expect(anonymous.body.result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
});

it('still refuses keys that are not the platform’s', async () => {
  const { result } = await app.cloud.invoke('school', { action: 'listDistricts', tcbContext: {}, tcbContex: {} }, null);
  expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'tcbContex' });
});
