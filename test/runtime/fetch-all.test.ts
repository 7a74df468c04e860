/**
 * fetchAll through the real wx-server-sdk and the local runtime: pages in _id order by a range on
 * _id, returns every matching document exactly once, and refuses (throws) a result over its cap
 * instead of returning a partial list.
 */
import type { LocalCloud } from '../../local/runtime';
import { openCloud, sdk } from './helpers';
import { fetchAll, TooManyDocumentsError } from '@/server/repositories/query';
import { COLLECTIONS } from '@/contracts/collections';

let cloud: LocalCloud;
beforeAll(() => {
  sdk();
  cloud = openCloud();
});
afterAll(() => cloud.close());

const coll = COLLECTIONS.invites;
const id = (n: number) => `inv-${String(n).padStart(6, '0')}`;

test('every matching document once, in _id order, across pages (inserted out of order)', async () => {
  const ids = Array.from({ length: 2503 }, (_, n) => n);
  // Shuffle deterministically: insertion order must not decide the order or the pages.
  const shuffled = ids.map((n) => (n * 7919) % 2503);
  cloud.store.insertMany(
    coll,
    shuffled.map((n) => ({ _id: id(n), districtCode: 'A', n })),
  );
  cloud.store.insertMany(coll, [{ _id: 'inv-other', districtCode: 'B', n: -1 }]);
  const got = await fetchAll<{ _id: string }>(coll, { districtCode: 'A' });
  expect(got.map((d) => d._id)).toEqual(ids.map(id));
});

test('a condition on _id itself is kept while paging', async () => {
  const db = sdk().database();
  const wanted = [5, 999, 1000, 1001, 2502].map(id);
  const got = await fetchAll<{ _id: string }>(coll, {
    _id: db.command.in([...wanted, 'inv-other']),
    districtCode: 'A',
  });
  expect(got.map((d) => d._id)).toEqual(wanted);
});

test('exactly the cap is returned whole; one more is an error, not a truncated list', async () => {
  // 2503 documents with districtCode A: a cap of 3 pages (3000) holds them, 2 pages (2000) do not.
  await expect(fetchAll(coll, { districtCode: 'A' }, 3)).resolves.toHaveLength(2503);
  cloud.store.insertMany(
    coll,
    Array.from({ length: 497 }, (_, n) => ({ _id: `inv-z-${n}`, districtCode: 'A' })),
  );
  await expect(fetchAll(coll, { districtCode: 'A' }, 3)).resolves.toHaveLength(3000);
  cloud.store.insertMany(coll, [{ _id: 'inv-zz', districtCode: 'A' }]);
  const err = await fetchAll(coll, { districtCode: 'A' }, 3).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TooManyDocumentsError);
  expect((err as Error).message).toMatch(/more than 3000 documents of invites/);
  await expect(fetchAll(coll, { districtCode: 'A' }, 2)).rejects.toThrow(/more than 2000/);
});

test('more than the default cap of 20,000 is an error', async () => {
  cloud.store.insertMany(
    coll,
    Array.from({ length: 20001 }, (_, n) => ({ _id: `big-${n}`, districtCode: 'C' })),
  );
  await expect(fetchAll(coll, { districtCode: 'C' })).rejects.toThrow(/more than 20000 documents/);
});
