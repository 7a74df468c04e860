/**
 * Transactions through the real SDK: db.runTransaction and db.startTransaction.
 */
import type { LocalCloud } from '../../local/runtime';
import { CODE } from '../../local/runtime/errors';
import { LOCK_WAIT_MS } from '../../local/runtime/transactions';
import { incrementDoc, openCloud, rejection, sdk, updateDoc, type Loose } from './helpers';

let rt: LocalCloud;
let db: Loose;
let _: Loose;

beforeAll(() => {
  rt = openCloud();
  db = sdk().database();
  _ = db.command;
});
afterAll(() => rt.close());
beforeEach(() => {
  rt.store.dropAll();
  rt.store.insertMany('accounts', [
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
  ]);
});

const balance = async (id: string): Promise<number> => (await db.collection('accounts').doc(id).get()).data.balance;

/** Moves 10 from `first` to `second` inside `tx`, reading both; `between` runs between the two reads. */
async function transfer(tx: Loose, first: string, second: string, between: () => Promise<void>): Promise<void> {
  const x = (await tx.collection('accounts').doc(first).get()).data;
  await between();
  const y = (await tx.collection('accounts').doc(second).get()).data;
  await updateDoc(tx, 'accounts', first, { balance: x.balance - 10 });
  await updateDoc(tx, 'accounts', second, { balance: y.balance + 10 });
}

/** Resolves once `n` parties have arrived: forces two transactions to interleave. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((r) => (open = r));
  return () => {
    if (++arrived === n) open();
    return all;
  };
}

test('commit applies every write and resolves with the callback result', async () => {
  const result = await db.runTransaction(async (tx: Loose) => {
    const a = (await tx.collection('accounts').doc('a').get()).data;
    await updateDoc(tx, 'accounts', 'a', { balance: a.balance - 30 });
    await updateDoc(tx, 'accounts', 'b', { balance: _.inc(30) });
    await tx
      .collection('accounts')
      .doc('c')
      .set({ data: { balance: 5 } });
    const added = await tx.collection('accounts').add({ data: { balance: 1 } });
    return added._id;
  });
  expect([await balance('a'), await balance('b'), await balance('c')]).toEqual([70, 30, 5]);
  expect(await balance(result)).toBe(1);
});

test('a transaction sees its own writes and nothing before commit is visible outside', async () => {
  const t = await db.startTransaction();
  await updateDoc(t, 'accounts', 'a', { balance: 1 });
  expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(1);
  expect(await balance('a')).toBe(100);
  await t.collection('accounts').doc('b').remove();
  await t.commit();
  expect(await balance('a')).toBe(1);
  expect((await db.collection('accounts').where({ _id: 'b' }).get()).data).toEqual([]);
});

test('a thrown error rolls back: nothing is written', async () => {
  const e = await rejection(
    db.runTransaction(async (tx: Loose) => {
      await updateDoc(tx, 'accounts', 'a', { balance: 0 });
      await tx.collection('accounts').add({ data: { _id: 'new', balance: 1 } });
      throw new Error('business rule failed');
    }),
  );
  expect(e.message).toBe('business rule failed');
  expect(await balance('a')).toBe(100);
  expect((await db.collection('accounts').count()).total).toBe(2);
});

test('rollback(reason) rejects with the reason and writes nothing', async () => {
  const e = await rejection(
    db.runTransaction(async (tx: Loose) => {
      await updateDoc(tx, 'accounts', 'a', { balance: 0 });
      await tx.rollback({ code: 'INSUFFICIENT' });
    }),
  );
  expect(e).toEqual({ code: 'INSUFFICIENT' });
  expect(await balance('a')).toBe(100);
});

test('where() inside a transaction is refused, like the cloud', async () => {
  const get = await rejection(
    db.runTransaction(async (tx: Loose) => tx.collection('accounts').where({ balance: 0 }).get()),
  );
  expect(get.errMsg).toMatch(/single-document operations/);
  const update = await rejection(
    db.runTransaction(async (tx: Loose) =>
      tx
        .collection('accounts')
        .where({ balance: 0 })
        .update({ data: { x: 1 } }),
    ),
  );
  expect(update.errMsg).toMatch(/not allowed in a transaction/);
  expect((await db.collection('accounts').where({ x: 1 }).count()).total).toBe(0);
});

test('a write between read and commit is a conflict; runTransaction retries to success', async () => {
  let attempts = 0;
  const result = await db.runTransaction(async (tx: Loose) => {
    attempts++;
    const a = (await tx.collection('accounts').doc('a').get()).data;
    if (attempts === 1) await updateDoc(db, 'accounts', 'a', { balance: _.inc(1) }); // someone else
    await updateDoc(tx, 'accounts', 'a', { balance: a.balance + 10 });
    return a.balance;
  });
  expect(attempts).toBe(2);
  expect(result).toBe(101);
  expect(await balance('a')).toBe(111);
});

test('two interleaved transactions: one wins, the other gets the SDK conflict error', async () => {
  // A reads a then b, B reads b then a: each waits for the other, so the runtime lets both proceed
  // optimistically and commit-time validation picks exactly one winner.
  const meet = barrier(2);
  const outcomes = await Promise.allSettled([
    db.runTransaction((tx: Loose) => transfer(tx, 'a', 'b', meet), 0),
    db.runTransaction((tx: Loose) => transfer(tx, 'b', 'a', meet), 0),
  ]);
  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  expect(failed).toHaveLength(1);
  expect(failed[0].reason.code).toBe(CODE.TX_CONFLICT); // what runTransaction retries on
  expect((await balance('a')) + (await balance('b'))).toBe(100);
});

test('the same interleaving with retries: both transfers succeed', async () => {
  const meet = barrier(2);
  let calls = 0;
  // The first attempts meet between their reads; the retry runs alone.
  const attempt = (first: string, second: string) => (tx: Loose) => {
    calls++;
    return transfer(tx, first, second, async () => {
      if (calls <= 2) await meet();
    });
  };
  await Promise.all([db.runTransaction(attempt('a', 'b')), db.runTransaction(attempt('b', 'a'))]);
  expect(calls).toBe(3); // one retry
  expect([await balance('a'), await balance('b')]).toEqual([100, 0]);
});

test('startTransaction: commit after a concurrent change rejects with the conflict code', async () => {
  const t = await db.startTransaction();
  const a = (await t.collection('accounts').doc('a').get()).data;
  await updateDoc(db, 'accounts', 'a', { balance: 7 });
  await updateDoc(t, 'accounts', 'a', { balance: a.balance + 1 });
  const e = await rejection(t.commit());
  expect(e.code).toBe(CODE.TX_CONFLICT);
  expect(await balance('a')).toBe(7);
});

test('100 concurrent increments of one counter end at exactly 100', async () => {
  rt.store.insertMany('counters', [{ _id: 'c', n: 0 }]);
  await Promise.all(Array.from({ length: 100 }, () => incrementDoc(db, 'counters', 'c', 'n')));
  expect((await db.collection('counters').doc('c').get()).data.n).toBe(100);
});

test('concurrent inserts of one _id in transactions: exactly one succeeds', async () => {
  const book = (who: string) =>
    db.runTransaction(async (tx: Loose) => {
      await tx.collection('accounts').add({ data: { _id: 'slot-9', who } });
    });
  const outcomes = await Promise.allSettled([book('x'), book('y'), book('z')]);
  expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  rejected.forEach((o) => expect(o.reason.errMsg).toMatch(/E11000/));
});

test('operations of one transaction may run concurrently', async () => {
  await db.runTransaction(async (tx: Loose) => {
    const [a, b] = await Promise.all([
      tx.collection('accounts').doc('a').get(),
      tx.collection('accounts').doc('b').get(),
    ]);
    await Promise.all([
      updateDoc(tx, 'accounts', 'a', { balance: a.data.balance - 1 }),
      updateDoc(tx, 'accounts', 'b', { balance: b.data.balance + 1 }),
    ]);
  });
  expect([await balance('a'), await balance('b')]).toEqual([99, 1]);
});

test('an abandoned transaction delays others on its documents by at most LOCK_WAIT_MS', async () => {
  const abandoned = await db.startTransaction();
  await abandoned.collection('accounts').doc('a').get();
  const started = Date.now();
  await incrementDoc(db, 'accounts', 'a', 'balance');
  expect(Date.now() - started).toBeGreaterThanOrEqual(LOCK_WAIT_MS - 50);
  expect(await balance('a')).toBe(101);
  await abandoned.rollback();
});
