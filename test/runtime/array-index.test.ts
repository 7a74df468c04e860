/**
 * Array fields of a declared index: `{ f: x }` / `{ f: { $in: [...] } }` match a document whose array f
 * holds x (MongoDB / mingo semantics). The store answers them through its element table, which every
 * write path keeps current (insert, update, replace, transaction commit, remove); results must equal a
 * store without indexes, and a lookup must read only the matching documents, not the whole district.
 */
import fc from 'fast-check';
import type { Doc } from '../../local/runtime/codec';
import { Store } from '../../local/runtime/store';
import { INDEXES } from '@/contracts/collections';
import { sortedIds, tmpDbFile, withStore } from './helpers';

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('array membership through the element table', () => {
  const scalar = fc.oneof(fc.constantFrom('k1', 'k2', 'k3', 'K1', ''), fc.integer({ min: 0, max: 4 }), fc.boolean());
  const value = fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 4 }),
    fc.array(fc.oneof(scalar, fc.array(scalar, { maxLength: 2 }), fc.record({ x: scalar }), fc.constant(null)), {
      maxLength: 3,
    }),
  );
  const cond = fc.oneof(
    scalar,
    scalar.map((v) => ({ $eq: v })),
    fc.array(scalar, { minLength: 1, maxLength: 3 }).map((v) => ({ $in: v })),
    fc.tuple(fc.constantFrom('$gt', '$lte'), scalar).map(([op, v]) => ({ [op]: v })),
    fc.tuple(scalar, scalar).map(([lo, hi]) => ({ $gte: lo, $lt: hi })),
    fc.boolean().map((b) => ({ $exists: b })),
    fc.tuple(fc.boolean(), scalar).map(([b, v]) => ({ $exists: b, $eq: v })),
  );
  // A write applied to both stores: the element table must follow every path that changes a document.
  const write = fc.oneof(
    fc.record({ kind: fc.constant('update' as const), i: fc.nat(7), f: value }),
    fc.record({ kind: fc.constant('replace' as const), i: fc.nat(9), f: value }),
    fc.record({ kind: fc.constant('commit' as const), i: fc.nat(9), f: fc.option(value, { nil: undefined }) }),
    fc.record({ kind: fc.constant('remove' as const), i: fc.nat(7) }),
    fc.record({ kind: fc.constant('removeWhere' as const), v: scalar }),
  );

  function apply(s: Store, w: Record<string, unknown>): void {
    const id = `d${String(w.i)}`;
    if (w.kind === 'update') s.mutate('t', { _id: id }, false, (d) => ({ ...d, f: w.f }));
    else if (w.kind === 'replace') s.replace('t', id, { f: w.f, d: 'x' });
    else if (w.kind === 'commit')
      s.commit([], [{ coll: 't', key: id, doc: w.f === undefined ? null : { _id: id, f: w.f } }]);
    else if (w.kind === 'remove') s.mutate('t', { _id: id }, false, () => null);
    else s.mutate('t', { f: w.v }, true, () => null);
  }

  test('insert, update, replace, commit and remove: indexed answers equal a full scan', () => {
    withStore({ indexes: { t: ['f', 'd'] }, collections: ['t'] }, (indexed) =>
      withStore({ collections: ['t'] }, (scan) => {
        fc.assert(
          fc.property(
            fc.array(fc.record({ f: value }, { requiredKeys: [] }), { maxLength: 8 }).map(plain),
            fc.array(write, { maxLength: 5 }).map(plain),
            fc.array(cond, { minLength: 1, maxLength: 3 }).map(plain),
            (docs, writes, conds) => {
              for (const s of [indexed, scan]) {
                s.dropAll();
                s.insertMany(
                  't',
                  docs.map((d, i) => ({ _id: `d${i}`, d: 'x', ...d })),
                );
                for (const w of writes) apply(s, w);
              }
              for (const c of conds) {
                const q = { f: c } as Doc;
                expect(sortedIds(indexed, 't', q)).toEqual(sortedIds(scan, 't', q));
                expect(indexed.count('t', q)).toBe(scan.count('t', q));
                expect(indexed.find('t', { d: 'x', ...q }).length).toBe(scan.find('t', { d: 'x', ...q }).length);
              }
            },
          ),
          { numRuns: 400 },
        );
      }),
    );
  });

  test('a field declared after documents were stored is backfilled when the store reopens', () => {
    const file = tmpDbFile();
    const before = new Store(file, { indexes: { t: [] }, collections: ['t'] });
    before.insertMany('t', [
      { _id: 'a', f: ['k1', 'k2'] },
      { _id: 'b', f: ['k3'] },
      { _id: 'c', f: 'k1' },
    ]);
    before.close();
    withStore(
      { indexes: { t: ['f'] }, collections: ['t'] },
      (after) => {
        expect(
          after
            .find('t', { f: { $in: ['k1'] } })
            .map((d) => d._id)
            .sort(),
        ).toEqual(['a', 'c']);
        expect(after.find('t', { f: 'k3' }).map((d) => d._id)).toEqual(['b']);
        expect(after.integrityCheck()).toBe('ok');
      },
      file,
    );
  });
});

describe('a zoning lookup reads only its matches (counted, not timed)', () => {
  test('matchKeys $in at 20,000 rules in one district reads the matching rules, through an index', () => {
    withStore({ indexes: INDEXES, collections: Object.keys(INDEXES) }, (store) => {
      const rules = Array.from({ length: 20_000 }, (_x, i) => ({
        _id: `r${String(i).padStart(5, '0')}`,
        districtCode: '120101',
        schoolYear: 2025 + (i % 2),
        matchKeys: [`road:${i % 5000}`, `community:${i % 700}`],
      }));
      store.insertMany('zoning_rules', rules);
      store.insertMany('zoning_rules', [
        { _id: 'other', districtCode: '120102', schoolYear: 2025, matchKeys: ['road:1'] },
      ]);
      store.analyze();
      const query = { districtCode: '120101', matchKeys: { $in: ['road:1', 'road:2', 'community:3'] } };

      const plan = store.explain('zoning_rules', query).join(' | ');
      expect(plan).toMatch(/ix:elems:v/);
      expect(plan).not.toMatch(/SCAN zoning_rules(?! USING)/);
      // The district's index would walk all 20,000 rules inside SQLite: the plan must not use it.
      expect(plan).not.toMatch(/ix:zoning_rules:v:districtCode/);

      const before = store.stats.rowsRead;
      const found = store.find('zoning_rules', query);
      const read = store.stats.rowsRead - before;
      const expected = rules.filter((r) => r.matchKeys.some((k) => ['road:1', 'road:2', 'community:3'].includes(k)));
      expect(found.map((d) => d._id).sort()).toEqual(expected.map((r) => r._id));
      // 4 + 4 + 29 matching rules (and the other district's one, dropped by mingo): not 20,000.
      expect(expected).toHaveLength(37);
      expect(read).toBeLessThanOrEqual(expected.length + 1);

      // Rules stored before rules carried keys: found through the type index, not by reading the district.
      store.insertMany('zoning_rules', [{ _id: 'unkeyed', districtCode: '120101', schoolYear: 2025 }]);
      const unkeyedQuery = { districtCode: '120101', matchKeys: { $exists: false } };
      expect(store.explain('zoning_rules', unkeyedQuery).join(' | ')).toMatch(/ix:zoning_rules:t:matchKeys/);
      const readBefore = store.stats.rowsRead;
      expect(store.find('zoning_rules', unkeyedQuery).map((d) => d._id)).toEqual(['unkeyed']);
      expect(store.stats.rowsRead - readBefore).toBe(1);

      // After an update moves a rule off the key and a remove, the next lookup follows.
      store.mutate('zoning_rules', { _id: 'r00001' }, false, (d) => ({ ...d, matchKeys: ['road:4999'] }));
      store.mutate('zoning_rules', { _id: 'r00002' }, false, () => null);
      const again = store.find('zoning_rules', query).map((d) => d._id);
      expect(again).not.toContain('r00001');
      expect(again).not.toContain('r00002');
      expect(again).toHaveLength(35);
      expect(
        store.find('zoning_rules', { districtCode: '120101', matchKeys: 'road:4999' }).map((d) => d._id),
      ).toContain('r00001');
    });
  });
});
