/**
 * Conflicts as the real database has them (issue 12): the runtime in conflict mode 'fail', where a
 * transaction that meets another one's write fails at once, as CloudBase's does. Through the built
 * bundles: concurrent decisions still yield exactly one; the rest get a conflict code, never INTERNAL.
 */
import { useTestApp } from '../helpers/local-app';
import { exchangeRequest } from '../helpers/calls';

const app = useTestApp({ conflicts: 'fail' });

const who = (OPENID: string) => ({ OPENID, APPID: 'wx-test' });
const TEACHER = who('o-local-hd-teacher');
const HOME = who('o-local-hd-principal'); // 友爱道小学, the releasing school's principal
const BUREAU = who('o-local-hd-bureau');
const call = async (fn: string, data: Record<string, unknown>, as: ReturnType<typeof who>) =>
  ((await app.cloud.invoke(fn, data, as)) as { result: any }).result;

const exchange = exchangeRequest;
const approvalOf = (id: string) =>
  app.cloud.store.find('approvals', { _id: id })[0] as { version: number; trail: Array<{ action: string }> };

it('a decision on a request another transaction is writing answers CONFLICT in Chinese, and writes nothing', async () => {
  const { data } = await call('approval', exchange('req-cf-000001'), TEACHER);
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const holder = await cloud.database().startTransaction();
  await holder
    .collection('approvals')
    .doc(data.id)
    .update({ data: { note: 'held' } });

  const refused = await call(
    'approval',
    { action: 'decide', id: data.id, decision: 'approve', version: 1, comment: '同意' },
    HOME,
  );
  expect(refused).toEqual({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/同时修改.*请稍后重试/) });
  await holder.rollback();
  expect(approvalOf(data.id).version).toBe(1);

  const retried = await call(
    'approval',
    { action: 'decide', id: data.id, decision: 'approve', version: 1, comment: '同意' },
    HOME,
  );
  expect(retried.ok).toBe(true);
});

it('100 concurrent approvals of one step yield exactly one; the rest STALE_VERSION or CONFLICT', async () => {
  const { data } = await call('approval', exchange('req-cf-000002'), TEACHER);
  const calls = await Promise.all(
    Array.from({ length: 100 }, () =>
      call('approval', { action: 'decide', id: data.id, decision: 'approve', version: 1, comment: '同意' }, HOME),
    ),
  );
  expect(calls.filter((r) => r.ok)).toHaveLength(1);
  const codes = new Set(calls.filter((r) => !r.ok).map((r) => r.code));
  expect([...codes].filter((c) => c !== 'STALE_VERSION' && c !== 'CONFLICT')).toEqual([]);
  expect(approvalOf(data.id).version).toBe(2);
  expect(approvalOf(data.id).trail.filter((t) => t.action === 'approve')).toHaveLength(1);
});

it('20 concurrent binds of one invite: exactly one account; the rest INVITE_USED or CONFLICT', async () => {
  const { data } = await call(
    'admin',
    { action: 'createInvite', requestId: 'req-cf-inv-01', role: 'principal', schoolId: 'hd-s08' },
    BUREAU,
  );
  const users = app.cloud.store.count('users', {});
  const results = await Promise.all(
    Array.from({ length: 20 }, (_x, i) => call('account', { action: 'bind', code: data.code }, who(`o-cf-race-${i}`))),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(
    [...new Set(results.filter((r) => !r.ok).map((r) => r.code))].filter(
      (c) => c !== 'INVITE_USED' && c !== 'CONFLICT',
    ),
  ).toEqual([]);
  expect(app.cloud.store.count('users', {})).toBe(users + 1);
});
