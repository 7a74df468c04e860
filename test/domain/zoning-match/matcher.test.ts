import {
  buildZoningIndex,
  matchIndexed,
  naiveMatch,
  resolveHits,
  type ZoningMatch,
  type ZoningQuery,
  type ZoningRuleLike,
} from '@/domain/zoning-match';

const rule = (_id: string, match: ZoningMatch, stage: 'primary' | 'middle' = 'primary'): ZoningRuleLike => ({
  _id,
  stage,
  match,
  schoolIds: [`school-${_id}`],
  text: '',
});
const road = (road: string, side: 'odd' | 'even' | 'all', from: number, to: number): ZoningMatch => ({
  kind: 'road',
  road,
  side,
  from,
  to,
});
const estate = (name: string, aliases: string[] = []): ZoningMatch => ({ kind: 'estate', name, aliases });
const community = (communityCode: string): ZoningMatch => ({ kind: 'community', communityCode });

// Listed out of _id order on purpose: results are ordered by _id within a kind.
const rules: ZoningRuleLike[] = [
  rule('liuwei-even', road('六纬路', 'even', 2, 40)),
  rule('liuwei-odd', road('六纬路', 'odd', 1, 39)),
  rule('liuwei-middle', road('6纬路', 'all', 1, 200), 'middle'),
  rule('qiwei', road('七纬路', 'all', 1, 99)),
  rule('zs-b', road('中山路', 'all', 40, 80)),
  rule('zs-a', road('中山路', 'all', 1, 50)),
  rule('dagu-dao', road('大沽道', 'all', 1, 99)),
  rule('wanda-plaza', estate('万达广场', ['万达', '广'])),
  rule('wanda-huafu', estate('万达华府')),
  rule('sunny', estate('阳光花园', ['阳光'])),
  rule('c1', community('120105001001')),
  rule('c1-middle', community('120105001001'), 'middle'),
];
const index = buildZoningIndex(rules);

/** Every case is checked against both matchers: the indexed one must answer as the linear reference. */
function answers(query: ZoningQuery) {
  const got = naiveMatch(rules, query);
  expect(matchIndexed(index, query)).toEqual(got);
  return got;
}
const ids = (query: ZoningQuery) => answers(query).map((h) => h.rule._id);

describe('road rules: parity', () => {
  it.each([
    ['六纬路12号', ['liuwei-even', 'liuwei-middle']],
    ['六纬路13号', ['liuwei-middle', 'liuwei-odd']],
    ['七纬路12号', ['qiwei']],
    ['七纬路13号', ['qiwei']],
  ])('%s → %j', (address, expected) => expect(ids({ address })).toEqual(expected));

  it('explains the parity and the range', () => {
    expect(answers({ address: '六纬路12号' })[0]).toMatchObject({
      why: 'road',
      detail: '六纬路12号为双号，在 2–40 号双号范围内',
    });
    expect(answers({ address: '六纬路13号' })[1]).toMatchObject({
      why: 'road',
      detail: '六纬路13号为单号，在 1–39 号单号范围内',
    });
    expect(answers({ address: '七纬路13号' })[0]).toMatchObject({ why: 'road', detail: '七纬路13号在 1–99 号范围内' });
  });
});

describe('road rules: range edges', () => {
  it.each([
    ['七纬路1号 (from)', '七纬路1号', ['qiwei']],
    ['七纬路99号 (to)', '七纬路99号', ['qiwei']],
    ['七纬路0号 (from − 1)', '七纬路0号', []],
    ['七纬路100号 (to + 1)', '七纬路100号', []],
    ['六纬路2号 (from of the even side)', '六纬路2号', ['liuwei-even', 'liuwei-middle']],
    ['六纬路40号 (to of the even side)', '六纬路40号', ['liuwei-even', 'liuwei-middle']],
    ['六纬路41号 (odd, beyond the odd side)', '六纬路41号', ['liuwei-middle']],
    ['六纬路42号 (next even number)', '六纬路42号', ['liuwei-middle']],
  ])('%s', (_name, address, expected) => expect(ids({ address })).toEqual(expected));
});

describe('road rules: overlapping ranges give several candidates', () => {
  it.each([
    ['中山路39号', ['zs-a']],
    ['中山路40号', ['zs-a', 'zs-b']],
    ['中山路45号', ['zs-a', 'zs-b']],
    ['中山路50号', ['zs-a', 'zs-b']],
    ['中山路51号', ['zs-b']],
    ['中山路81号', []],
  ])('%s → %j', (address, expected) => expect(ids({ address })).toEqual(expected));
});

describe('road rules: what people type', () => {
  it.each([
    '6纬路12号',
    '６纬路１２号',
    '六纬路十二号',
    '天津市河北区六纬路12号',
    '河北区望海楼街道 六纬路 12-3 号',
    '六纬路12号楼2单元301',
    '六纬路12栋',
  ])('%s is 六纬路12号', (address) => expect(ids({ address })).toEqual(['liuwei-even', 'liuwei-middle']));

  it('a road with another suffix is another road', () => {
    expect(ids({ address: '大沽路5号' })).toEqual([]);
    expect(ids({ address: '大沽道5号' })).toEqual(['dagu-dao']);
  });
  it('a road without a house number matches no road rule', () => {
    expect(ids({ address: '六纬路' })).toEqual([]);
  });
});

describe('estate rules', () => {
  it('matches the name', () => {
    expect(answers({ address: '万达广场3号楼' })).toEqual([
      { rule: rules[7], why: 'estate', detail: '地址包含小区名“万达广场”' },
    ]);
  });
  it('matches an alias, and says whose alias it is', () => {
    expect(answers({ address: '万达3号楼' })).toEqual([
      { rule: rules[7], why: 'estate', detail: '地址包含小区名“万达”（万达广场的别名）' },
    ]);
  });
  it('an alias shorter than two characters never matches', () => {
    expect(ids({ address: '广3号楼' })).toEqual([]);
  });
  it('two estates can both match (by name and by alias)', () => {
    const got = answers({ address: '万达华府5号楼' });
    expect(got.map((h) => [h.rule._id, h.detail])).toEqual([
      ['wanda-huafu', '地址包含小区名“万达华府”'],
      ['wanda-plaza', '地址包含小区名“万达”（万达广场的别名）'],
    ]);
  });
  it('ignores spaces and full-width letters in the address', () => {
    expect(ids({ address: ' 阳光 花园 ３号楼' })).toEqual(['sunny']);
  });
});

describe('community rules and combinations', () => {
  it('matches the exact community code, every stage', () => {
    const got = answers({ communityCode: '120105001001' });
    expect(got.map((h) => h.rule._id)).toEqual(['c1', 'c1-middle']);
    expect(got[0].detail).toBe('所在社区在划片范围内');
  });
  it('needs the exact code', () => {
    expect(ids({ communityCode: '12010500100' })).toEqual([]);
    expect(ids({ communityCode: '' })).toEqual([]);
  });
  it('orders estate, then road, then community', () => {
    expect(ids({ address: '六纬路12号万达广场', communityCode: '120105001001' })).toEqual([
      'wanda-plaza',
      'liuwei-even',
      'liuwei-middle',
      'c1',
      'c1-middle',
    ]);
  });
});

describe('no match', () => {
  it.each([
    {},
    { address: '' },
    { address: '南京路5号' },
    { address: '随便写点什么' },
    { communityCode: '999999999999' },
  ])('%j → []', (query) => expect(answers(query)).toEqual([]));
  it('an empty rule list matches nothing', () => {
    expect(naiveMatch([], { address: '六纬路12号', communityCode: '120105001001' })).toEqual([]);
    expect(matchIndexed(buildZoningIndex([]), { address: '六纬路12号', communityCode: '120105001001' })).toEqual([]);
  });
});

describe('places that only look alike', () => {
  const r = (_id: string, match: ZoningMatch, school: string): ZoningRuleLike => ({
    _id,
    stage: 'primary',
    match,
    schoolIds: [school],
    text: _id,
  });
  const rules = [
    r('estate', { kind: 'estate', name: '东湖苑', aliases: [] }, 'a'),
    r('road', { kind: 'road', road: '东湖苑路', side: 'all', from: 1, to: 99 }, 'b'),
    r('park', { kind: 'estate', name: '阳光花园', aliases: [] }, 'c'),
    r('park2', { kind: 'estate', name: '阳光花园二期', aliases: [] }, 'd'),
  ];
  const schools = (address: string) =>
    resolveHits(matchIndexed(buildZoningIndex(rules), { address })).flatMap((h) => h.rule.schoolIds);

  it('a 小区 named like the start of a road does not take that road’s addresses', () => {
    expect(schools('东湖苑路12号')).toEqual(['b']);
    expect(schools('东湖苑3号楼')).toEqual(['a']);
    expect(naiveMatch(rules, { address: '东湖苑路12号' }).map((h) => h.rule._id)).toEqual(['road']);
  });

  it('the longer 小区 name decides (阳光花园二期 within 阳光花园)', () => {
    expect(schools('阳光花园二期5号楼')).toEqual(['d']);
    expect(schools('阳光花园5号楼')).toEqual(['c']);
  });

  it('a 街道 named with 旗 is not a 旗 (banner) before the road', () => {
    expect(schools('红旗街道东湖苑路12号')).toEqual(['b']);
  });
});
