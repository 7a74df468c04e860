/**
 * Store: SQL push-down must never change results (it only narrows candidates), and declared indexes
 * must actually be used.
 */
import fc from 'fast-check';
import type { Doc } from '../../local/runtime/codec';
import { Store } from '../../local/runtime/store';
import { INDEXES } from '@/contracts/collections';
import { sortedIds, tmpDbFile, withStore } from './helpers';

describe('push-down equivalence', () => {
  const scalar = fc.oneof(
    fc.constantFrom('a', 'b', 'B', '10', '9', ''),
    fc.integer({ min: -3, max: 12 }),
    fc.boolean(),
    fc.constant(1.5),
  );
  const value = fc.oneof(scalar, fc.constant(null), fc.array(scalar, { maxLength: 3 }), fc.record({ x: scalar }));
  const doc = fc.record({ f: value, g: value }, { requiredKeys: [] });
  const cond = fc.oneof(
    scalar,
    scalar.map((v) => ({ $eq: v })),
    fc.array(scalar, { minLength: 1, maxLength: 3 }).map((v) => ({ $in: v })),
    fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), scalar).map(([op, v]) => ({ [op]: v })),
    fc.tuple(scalar, scalar).map(([lo, hi]) => ({ $gte: lo, $lt: hi })),
    fc.constant(null),
  );
  const query = fc.oneof(
    fc.record({ f: cond }),
    fc.record({ f: cond, g: cond }),
    fc.tuple(cond, cond).map(([a, b]) => ({ $and: [{ f: a }, { g: b }] })),
    fc
      .array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 3 })
      .map((ns) => ({ _id: { $in: ns.map((n) => `d${n}`) } })),
  );

  const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

  test('indexed and unindexed stores answer every query identically', () => {
    withStore({ indexes: { t: ['f', 'g'] }, collections: ['t'] }, (indexed) =>
      withStore({ collections: ['t'] }, (scan) => {
        fc.assert(
          // JSON round trip: fast-check builds null-prototype objects, the wire never does.
          fc.property(fc.array(doc, { maxLength: 12 }).map(plain), query.map(plain), (docs, q) => {
            for (const s of [indexed, scan]) {
              s.dropAll();
              s.insertMany(
                't',
                docs.map((d, i) => ({ _id: `d${i}`, ...d })),
              );
            }
            expect(sortedIds(indexed, 't', q)).toEqual(sortedIds(scan, 't', q));
            expect(indexed.count('t', q as Doc)).toBe(scan.count('t', q as Doc));
          }),
          { numRuns: 300 },
        );
      }),
    );
  });
});

describe('ordered by _id', () => {
  // find() reads in key order and stops early for { _id: 1 } over string ids; the general path (mingo's
  // sort, here forced by a second sort key that never decides since ids are unique) is the reference.
  const id = fc.oneof(
    fc.constantFrom('a', 'b', 'B', 'a1', 'a10', 'a9', 'z', '学', '0'),
    fc.integer({ min: -3, max: 12 }),
  );
  const q = fc.oneof(
    fc.constant({}),
    fc.record({ f: fc.constantFrom(1, 2) }),
    fc
      .tuple(
        fc.constantFrom('$gt', '$gte', '$lt', '$lte'),
        fc.oneof(fc.constantFrom('a', 'a9', 'B', ''), fc.integer({ min: 0, max: 5 })),
      )
      .map(([op, v]) => ({ _id: { [op]: v } })),
    fc.tuple(fc.constantFrom('a', 'a1', 'B'), fc.constantFrom(1, 2)).map(([v, f]) => ({ _id: { $gt: v }, f })),
  );
  test("pages equal mingo's sort, with string ids only and with numeric ids mixed in", () => {
    withStore({ indexes: { t: ['f'] }, collections: ['t'] }, (store) => {
      fc.assert(
        fc.property(
          fc.uniqueArray(id, { maxLength: 10 }),
          q,
          fc.nat(3),
          fc.integer({ min: 1, max: 4 }),
          (ids, query, skip, limit) => {
            store.dropAll();
            store.insertMany(
              't',
              ids.map((i, n) => ({ _id: i, f: 1 + (n % 2) })),
            );
            query = JSON.parse(JSON.stringify(query)); // fast-check builds null-prototype objects, the wire never does
            const fast = store.find('t', query as Doc, { sort: { _id: 1 }, skip, limit }).map((d) => d._id);
            const ref = store.find('t', query as Doc, { sort: { _id: 1, f: 1 }, skip, limit }).map((d) => d._id);
            expect(fast).toEqual(ref);
          },
        ),
        { numRuns: 400 },
      );
    });
  });
});

describe('indexes', () => {
  test('declared index fields are pushed down to expression indexes (after ANALYZE)', () => {
    withStore({ indexes: INDEXES, collections: Object.keys(INDEXES) }, (store) => {
      store.insertMany(
        'schools',
        Array.from({ length: 2000 }, (_x, i) => ({ districtCode: String(120100 + (i % 50)), name: `学校${i}` })),
      );
      store.analyze();
      const plan = store.explain('schools', { districtCode: '120102' }).join(' | ');
      expect(plan).toMatch(/USING INDEX ix:schools:v:districtCode/);
      expect(store.find('schools', { districtCode: '120102' })).toHaveLength(40);
      expect(store.explain('schools', { districtCode: { $in: ['120102', '120103'] }, name: /学/ }).join()).toMatch(
        /INDEX/,
      );
      expect(store.explain('schools', { _id: 'x' }).join()).toMatch(/sqlite_autoindex|PRIMARY KEY|USING INDEX/);
      expect(store.explain('schools', { note: 'x' }).join()).toMatch(/^SCAN schools$/);
    });
  });

  test('indexes follow the declaration when a store is reopened', () => {
    const file = tmpDbFile();
    new Store(file, { indexes: { t: ['a', 'b'] }, collections: ['t'] }).close();
    withStore(
      { indexes: { t: ['b'] }, collections: ['t'] },
      (reopened) => {
        expect(reopened.explain('t', { a: 1 }).join()).toMatch(/^SCAN t$/);
        expect(reopened.explain('t', { b: 1 }).join()).toMatch(/INDEX ix:t:v:b/);
        expect(reopened.integrityCheck()).toBe('ok');
      },
      file,
    );
  });

  test('numeric and string _id values stay distinct', () => {
    withStore({ collections: ['t'] }, (store) => {
      store.insertMany('t', [
        { _id: 5, v: 'number' },
        { _id: '5', v: 'string' },
      ]);
      expect(store.find('t', { _id: 5 })).toEqual([{ _id: 5, v: 'number' }]);
      expect(store.find('t', { _id: { $in: ['5'] } })).toEqual([{ _id: '5', v: 'string' }]);
    });
  });
});

describe('storedText (what "wrote nothing" compares)', () => {
  it('changes with every insert, update and removal, and only then', () => {
    withStore({ collections: ['t'] }, (store) => {
      const seen = [store.storedText('t')];
      expect(seen[0]).toBe('');
      store.insertMany('t', [
        { _id: 'b', n: 1 },
        { _id: 'a', n: new Date(0) },
      ]);
      seen.push(store.storedText('t'));
      expect(store.storedText('t')).toBe(seen[1]); // reading changes nothing
      store.mutate('t', { _id: 'b' }, false, (d) => ({ ...d, n: 2 }));
      seen.push(store.storedText('t'));
      store.mutate('t', { _id: 'a' }, false, () => null);
      seen.push(store.storedText('t'));
      expect(new Set(seen).size).toBe(4);
      expect(seen[1].indexOf('a\t')).toBeLessThan(seen[1].indexOf('b\t')); // in _id order
    });
  });
});
