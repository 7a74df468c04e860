/**
 * Conflict mode 'fail' (as CloudBase): no waiting; a write to a document another open transaction has
 * written fails at once with CloudBase's conflict, which wx-server-sdk rewraps (errCode -501001, the
 * code dropped) so that its runTransaction does not retry it. Correctness stays: no lost update.
 */
import type { LocalCloud } from '../../local/runtime';
import { TX_CONFLICT_MESSAGE } from '../../local/runtime/errors';
import { incrementDoc, openCloud, rejection, sdk, updateDoc, type Loose } from './helpers';

let rt: LocalCloud;
let db: Loose;

beforeAll(() => {
  rt = openCloud({ conflicts: 'fail' });
  db = sdk().database();
});
afterAll(() => rt.close());
beforeEach(() => {
  rt.store.dropAll();
  rt.store.insertMany('accounts', [{ _id: 'a', balance: 100 }]);
});

/** A conflict as the function code sees it from a document operation inside a transaction. */
const wrappedConflict = (e: Loose) => e.errCode === -501001 && String(e.errMsg).includes(TX_CONFLICT_MESSAGE);

const balance = async (): Promise<number> => (await db.collection('accounts').doc('a').get()).data.balance;

test('a write to a document another open transaction wrote fails at once; the first writer commits', async () => {
  const first = await db.startTransaction();
  await updateDoc(first, 'accounts', 'a', { balance: 1 });
  const second = await db.startTransaction();
  expect((await second.collection('accounts').doc('a').get()).data.balance).toBe(100); // reads do not conflict
  const e = await rejection(updateDoc(second, 'accounts', 'a', { balance: 2 }));
  expect(e.errMsg).toMatch(
    /^document\.update:fail -501001 resource system error\. \[ResourceUnavailable\.TransactionConflict\]/,
  );
  expect(wrappedConflict(e)).toBe(true);
  await first.commit();
  expect(await balance()).toBe(1);
});

test('the SDK’s runTransaction does not retry a conflict of a document operation: its code is gone', async () => {
  const holder = await db.startTransaction();
  await updateDoc(holder, 'accounts', 'a', { balance: 0 });
  let attempts = 0;
  const e = await rejection(
    db.runTransaction(async (tx: Loose) => {
      attempts++;
      await updateDoc(tx, 'accounts', 'a', { balance: 5 });
    }),
  );
  expect(wrappedConflict(e)).toBe(true);
  expect(attempts).toBe(1);
  await holder.rollback();
  expect(await balance()).toBe(100);
});

test('50 concurrent increments: each commits or fails with a conflict, and none is lost', async () => {
  const outcomes = await Promise.allSettled(
    Array.from({ length: 50 }, () => incrementDoc(db, 'accounts', 'a', 'balance')),
  );
  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  expect(failed.every((o) => wrappedConflict(o.reason) || o.reason.code === 'DATABASE_TRANSACTION_CONFLICT')).toBe(
    true,
  );
  expect(failed.length).toBeGreaterThan(0); // nothing queues: a burst runs out of retries, as in the cloud
  expect(await balance()).toBe(100 + outcomes.length - failed.length);
});
