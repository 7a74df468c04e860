/**
 * Conformance: database behaviour through the real wx-server-sdk against the local runtime.
 */
import { AGGREGATE_DEFAULT_LIMIT, type LocalCloud } from '../../local/runtime';
import { LocalReq } from '../../local/runtime/transport';
import { openCloud, rejection, sdk, type Loose } from './helpers';

const NOW = Date.parse('2024-09-01T08:00:00.000Z');
let rt: LocalCloud;
let cloud: Loose;
let db: Loose;
let _: Loose;

const people = [
  {
    _id: 'p1',
    name: 'Ann',
    age: 30,
    tags: ['a', 'b'],
    city: { name: 'Tianjin', code: '120102' },
    scores: [
      { s: 90, k: 'm' },
      { s: 70, k: 'e' },
    ],
    joined: new Date('2020-01-01T00:00:00Z'),
    active: true,
  },
  {
    _id: 'p2',
    name: 'bob',
    age: 25,
    tags: ['b'],
    city: { name: 'Xiamen', code: '350205' },
    scores: [{ s: 60, k: 'm' }],
    joined: new Date('2021-06-01T00:00:00Z'),
    active: false,
  },
  {
    _id: 'p3',
    name: 'Cid',
    age: 35,
    tags: [],
    city: { name: 'Beijing', code: '110101' },
    scores: [],
    joined: new Date('2019-03-01T00:00:00Z'),
    active: true,
    nick: null,
  },
  { _id: 'p4', name: 'dee', age: 40, tags: ['c', 'a', 'b'], joined: new Date('2022-01-01T00:00:00Z') },
];

beforeAll(() => {
  rt = openCloud({ now: () => NOW });
  cloud = sdk();
  db = cloud.database();
  _ = db.command;
});
afterAll(() => rt.close());
beforeEach(() => {
  rt.store.dropAll();
  rt.store.insertMany(
    'people',
    people.map((p) => ({ ...p })),
  );
});

const ids = async (query: Loose): Promise<string[]> =>
  ((await query.get()).data as Array<{ _id: string }>).map((d) => d._id).sort();
const where = (q: Loose): Promise<string[]> => ids(db.collection('people').where(q));
const doc = async (id: string): Promise<Loose> => (await db.collection('people').doc(id).get()).data;

describe('query operators', () => {
  test.each([
    ['plain equality', () => ({ name: 'bob' }), ['p2']],
    ['eq', () => ({ age: _.eq(30) }), ['p1']],
    ['neq', () => ({ age: _.neq(30) }), ['p2', 'p3', 'p4']],
    ['gt', () => ({ age: _.gt(30) }), ['p3', 'p4']],
    ['gte', () => ({ age: _.gte(30) }), ['p1', 'p3', 'p4']],
    ['lt', () => ({ age: _.lt(30) }), ['p2']],
    ['lte', () => ({ age: _.lte(30) }), ['p1', 'p2']],
    ['in', () => ({ age: _.in([25, 40]) }), ['p2', 'p4']],
    ['in on an array field', () => ({ tags: _.in(['c']) }), ['p4']],
    ['nin', () => ({ age: _.nin([25, 40]) }), ['p1', 'p3']],
    ['scalar against array elements', () => ({ tags: 'a' }), ['p1', 'p4']],
    ['field-level and', () => ({ age: _.gt(26).and(_.lt(36)) }), ['p1', 'p3']],
    ['command and', () => _.and([{ age: _.gt(26) }, { active: true }]), ['p1', 'p3']],
    ['command or', () => _.or([{ age: _.lt(26) }, { age: _.gt(39) }]), ['p2', 'p4']],
    ['field-level or', () => ({ age: _.or(_.lt(26), _.gt(39)) }), ['p2', 'p4']],
    ['not', () => ({ age: _.not(_.gt(30)) }), ['p1', 'p2']],
    ['nor', () => _.nor([{ age: _.lt(26) }, { active: true }]), ['p4']],
    ['exists true (null counts)', () => ({ nick: _.exists(true) }), ['p3']],
    ['exists false', () => ({ city: _.exists(false) }), ['p4']],
    ['null matches missing and null', () => ({ nick: null }), ['p1', 'p2', 'p3', 'p4']],
    ['size', () => ({ tags: _.size(2) }), ['p1']],
    ['elemMatch', () => ({ scores: _.elemMatch({ s: _.gt(80), k: 'm' }) }), ['p1']],
    ['all', () => ({ tags: _.all(['a', 'b']) }), ['p1', 'p4']],
    ['mod', () => ({ age: _.mod(10, 0) }), ['p1', 'p4']],
    ['nested object is a dotted-path match', () => ({ city: { code: '120102' } }), ['p1']],
    ['dotted path', () => ({ 'city.name': 'Xiamen' }), ['p2']],
    ['dotted path into arrays', () => ({ 'scores.k': 'e' }), ['p1']],
    ['date range', () => ({ joined: _.gt(new Date('2020-06-01T00:00:00Z')) }), ['p2', 'p4']],
    ['JS RegExp', () => ({ name: /^b/i }), ['p2']],
    ['db.RegExp', () => ({ name: db.RegExp({ regexp: '^[a-c]', options: 'i' }) }), ['p1', 'p2', 'p3']],
    ['boolean', () => ({ active: false }), ['p2']],
    ['_id in', () => ({ _id: _.in(['p2', 'p3', 'nope']) }), ['p2', 'p3']],
  ])('%s', async (_name, query, expected) => {
    expect(await where(query())).toEqual(expected);
  });

  test('orderBy on several fields, skip, limit, field', async () => {
    const page = await db.collection('people').orderBy('active', 'desc').orderBy('age', 'asc').get();
    expect(page.data.map((d: Loose) => d._id)).toEqual(['p1', 'p3', 'p2', 'p4']);
    const sliced = await db.collection('people').orderBy('age', 'asc').skip(1).limit(2).field({ name: true }).get();
    expect(sliced.data).toEqual([
      { _id: 'p1', name: 'Ann' },
      { _id: 'p3', name: 'Cid' },
    ]);
    const without = await db.collection('people').doc('p1').field({ scores: false, city: false, tags: false }).get();
    expect(Object.keys(without.data).sort()).toEqual(['_id', 'active', 'age', 'joined', 'name']);
  });

  test('count', async () => {
    expect(
      (
        await db
          .collection('people')
          .where({ age: _.gt(26) })
          .count()
      ).total,
    ).toBe(3);
    expect((await db.collection('people').count()).total).toBe(4);
  });

  test('values keep their types (Date, nested arrays) on the way back', async () => {
    const p1 = await doc('p1');
    expect(p1.joined).toBeInstanceOf(Date);
    expect(p1.joined.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(p1.scores).toEqual(people[0].scores);
  });
});

describe('limits', () => {
  beforeEach(() => {
    rt.store.ensureCollection('bulk');
    rt.store.insertMany(
      'bulk',
      Array.from({ length: 1100 }, (_x, i) => ({ _id: `b${String(i).padStart(4, '0')}`, i })),
    );
  });

  test('get() returns 100 records by default, limit() up to 1000', async () => {
    expect((await db.collection('bulk').get()).data).toHaveLength(100);
    expect((await db.collection('bulk').limit(1000).get()).data).toHaveLength(1000);
    expect((await db.collection('bulk').limit(5000).get()).data).toHaveLength(1000); // the SDK caps
  });

  test('the service caps limits above 1000 too (raw request)', async () => {
    const res = await new LocalReq().send('database.getDocument', {
      collectionName: 'bulk',
      queryType: 'WHERE',
      limit: 5000,
    });
    expect((res.data as { list: unknown[] }).list).toHaveLength(1000);
  });

  test('paging with skip walks the whole collection', async () => {
    const seen = new Set<string>();
    for (let skip = 0; skip < 1100; skip += 1000) {
      const page = await db.collection('bulk').orderBy('i', 'asc').skip(skip).limit(1000).get();
      page.data.forEach((d: Loose) => seen.add(d._id));
    }
    expect(seen.size).toBe(1100);
  });
});

describe('documents', () => {
  test('doc().get() on a missing id rejects like the cloud, or answers null with throwOnNotFound: false', async () => {
    const e = await rejection(db.collection('people').doc('missing').get());
    expect(e.errMsg).toMatch(/document\.get:fail document with _id missing does not exist/);
    const lenient = cloud.database({ throwOnNotFound: false });
    expect((await lenient.collection('people').doc('missing').get()).data).toBeNull();
  });

  test('add() generates a 32-hex _id; duplicate _id fails with -502001', async () => {
    const { _id } = await db.collection('people').add({ data: { name: 'Eve' } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    const e = await rejection(db.collection('people').add({ data: { _id: 'p1', name: 'again' } }));
    expect(e.errCode).toBe(-502001);
    expect(e.errMsg).toMatch(/E11000 duplicate key/);
  });

  test('an unknown collection fails with -502005; createCollection() makes it', async () => {
    expect((await rejection(db.collection('ghosts').get())).errCode).toBe(-502005);
    expect((await rejection(db.collection('ghosts').add({ data: { a: 1 } }))).errCode).toBe(-502005);
    await db.createCollection('ghosts');
    await db.collection('ghosts').add({ data: { a: 1 } });
    expect((await db.collection('ghosts').count()).total).toBe(1);
  });

  test('set() upserts and replaces the whole document (merge false)', async () => {
    const created = await db
      .collection('people')
      .doc('p9')
      .set({ data: { name: 'Nine' } });
    expect(created.stats).toEqual({ updated: 0, created: 1 });
    const replaced = await db
      .collection('people')
      .doc('p1')
      .set({ data: { name: 'Ann2' } });
    expect(replaced.stats).toEqual({ updated: 1, created: 0 });
    expect(await doc('p1')).toEqual({ _id: 'p1', name: 'Ann2' });
  });

  test('where().update() and where().remove() act on every match', async () => {
    const u = await db
      .collection('people')
      .where({ active: true })
      .update({ data: { flagged: true } });
    expect(u.stats.updated).toBe(2);
    expect(await where({ flagged: true })).toEqual(['p1', 'p3']);
    const r = await db
      .collection('people')
      .where({ age: _.gte(35) })
      .remove();
    expect(r.stats.removed).toBe(2);
    expect(await ids(db.collection('people'))).toEqual(['p1', 'p2']);
  });

  test('a no-op update reports updated: 0 (MongoDB nModified)', async () => {
    const u = await db
      .collection('people')
      .doc('p1')
      .update({ data: { age: 30 } });
    expect(u.stats.updated).toBe(0);
  });

  test('serverDate() is the server clock, with offset', async () => {
    const { _id } = await db
      .collection('people')
      .add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } });
    const d = await doc(_id);
    expect(d.at.getTime()).toBe(NOW);
    expect(d.later.getTime()).toBe(NOW + 60_000);
    expect(await where({ at: _.lte(db.serverDate()), _id })).toEqual([_id]);
    await db
      .collection('people')
      .doc('p2')
      .update({ data: { seen: db.serverDate() } });
    expect((await doc('p2')).seen.getTime()).toBe(NOW);
  });
});

describe('update commands', () => {
  const update = async (data: Loose): Promise<Loose> => {
    await db.collection('people').doc('p1').update({ data });
    return doc('p1');
  };

  test.each([
    [
      'set replaces an object',
      () => ({ city: _.set({ name: 'X' }) }),
      (d: Loose) => expect(d.city).toEqual({ name: 'X' }),
    ],
    [
      'nested object merges (flattened paths)',
      () => ({ city: { name: 'X' } }),
      (d: Loose) => expect(d.city).toEqual({ name: 'X', code: '120102' }),
    ],
    ['inc', () => ({ age: _.inc(2), visits: _.inc(1) }), (d: Loose) => expect([d.age, d.visits]).toEqual([32, 1])],
    ['mul', () => ({ age: _.mul(2) }), (d: Loose) => expect(d.age).toBe(60)],
    ['remove', () => ({ city: _.remove() }), (d: Loose) => expect('city' in d).toBe(false)],
    ['min', () => ({ age: _.min(20) }), (d: Loose) => expect(d.age).toBe(20)],
    ['max', () => ({ age: _.max(20) }), (d: Loose) => expect(d.age).toBe(30)],
    [
      'rename',
      () => ({ name: _.rename('fullName') }),
      (d: Loose) => expect([d.name, d.fullName]).toEqual([undefined, 'Ann']),
    ],
    ['push values', () => ({ tags: _.push('c', 'd') }), (d: Loose) => expect(d.tags).toEqual(['a', 'b', 'c', 'd'])],
    [
      'push each/position/slice/sort',
      () => ({ tags: _.push({ each: ['z', 'y'], position: 0, sort: 1, slice: 3 }) }),
      (d: Loose) => expect(d.tags).toEqual(['a', 'b', 'y']),
    ],
    ['pull a value', () => ({ tags: _.pull('a') }), (d: Loose) => expect(d.tags).toEqual(['b'])],
    [
      'pull by condition',
      () => ({ scores: _.pull({ s: _.lt(80) }) }),
      (d: Loose) => expect(d.scores).toEqual([{ s: 90, k: 'm' }]),
    ],
    ['pullAll', () => ({ tags: _.pullAll(['a', 'b']) }), (d: Loose) => expect(d.tags).toEqual([])],
    ['addToSet', () => ({ tags: _.addToSet('a') }), (d: Loose) => expect(d.tags).toEqual(['a', 'b'])],
    [
      'addToSet each',
      () => ({ tags: _.addToSet({ each: ['b', 'c'] }) }),
      (d: Loose) => expect(d.tags).toEqual(['a', 'b', 'c']),
    ],
    ['pop', () => ({ tags: _.pop() }), (d: Loose) => expect(d.tags).toEqual(['a'])],
    ['shift', () => ({ tags: _.shift() }), (d: Loose) => expect(d.tags).toEqual(['b'])],
    ['unshift', () => ({ tags: _.unshift('x', 'y') }), (d: Loose) => expect(d.tags).toEqual(['x', 'y', 'a', 'b'])],
  ])('%s', async (_name, data, check) => {
    check(await update(data()));
  });

  test('updating a path and its parent in one request fails like MongoDB', async () => {
    const e = await rejection(
      db
        .collection('people')
        .doc('p1')
        .update({ data: { city: _.set({ a: 1 }), 'city.code': '1' } }),
    );
    expect(e.errMsg).toMatch(/would create a conflict/);
    expect((await doc('p1')).city.code).toBe('120102');
  });

  test('type errors surface as request failures and write nothing', async () => {
    const e = await rejection(
      db
        .collection('people')
        .doc('p1')
        .update({ data: { name: _.inc(1) } }),
    );
    expect(e.errCode).toBe(-502001);
    expect((await doc('p1')).name).toBe('Ann');
  });
});

describe('aggregate', () => {
  beforeEach(() => {
    rt.store.ensureCollection('cities');
    rt.store.insertMany('cities', [
      { _id: 'c1', code: '120102', province: '天津' },
      { _id: 'c2', code: '350205', province: '福建' },
    ]);
  });

  test('match / group / sort / project', async () => {
    const $ = _.aggregate;
    const res = await db
      .collection('people')
      .aggregate()
      .match({ age: _.gte(25) })
      .group({ _id: '$active', n: $.sum(1), avgAge: $.avg('$age') })
      .sort({ n: -1, _id: 1 })
      .project({ _id: 0, active: '$_id', n: 1, avgAge: 1 })
      .end();
    expect(res.list).toEqual([
      { active: true, n: 2, avgAge: 32.5 },
      { active: null, n: 1, avgAge: 40 },
      { active: false, n: 1, avgAge: 25 },
    ]);
  });

  test('lookup (localField and pipeline forms), skip, limit', async () => {
    const $ = _.aggregate;
    const joined = await db
      .collection('people')
      .aggregate()
      .sort({ age: 1 })
      .lookup({ from: 'cities', localField: 'city.code', foreignField: 'code', as: 'c' })
      .skip(1)
      .limit(1)
      .end();
    expect(joined.list.map((d: Loose) => [d._id, d.c.map((c: Loose) => c.province)])).toEqual([['p1', ['天津']]]);

    const piped = await db
      .collection('people')
      .aggregate()
      .match({ _id: 'p2' })
      .lookup({
        from: 'cities',
        let: { code: '$city.code' },
        pipeline: $.pipeline()
          .match(_.expr($.eq(['$code', '$$code'])))
          .project({ _id: 0, province: 1 })
          .done(),
        as: 'c',
      })
      .end();
    expect(piped.list[0].c).toEqual([{ province: '福建' }]);
  });

  test(`a pipeline without limit returns ${AGGREGATE_DEFAULT_LIMIT} records, like the cloud`, async () => {
    rt.store.ensureCollection('bulk');
    rt.store.insertMany(
      'bulk',
      Array.from({ length: 50 }, (_x, i) => ({ i })),
    );
    expect((await db.collection('bulk').aggregate().match({}).end()).list).toHaveLength(AGGREGATE_DEFAULT_LIMIT);
    expect((await db.collection('bulk').aggregate().match({}).limit(50).end()).list).toHaveLength(50);
  });
});
