import { lookupWith, rulesOf, type SchoolList } from './fixtures';

// A district's published lists (styles mixed as a real district's are), imported verbatim, then looked up
// the way parents type addresses. Every answer names the right school (or none), quoting the phrase it matched.
const LISTS: SchoolList[] = [
  {
    school: 's1',
    text: '大王庄街道：\n六纬路1-99号（单号）、2-50号（双号）；七纬路全段；十一经路1号-39号（单号）；\n万东路32号之一、32号之二；大直沽八号路、九号路；\n阳光小区1-5号楼；诚厚里',
  },
  {
    school: 's2',
    text: '六纬路52号以后（双号）；十一经路2-60号（双号）；\n阳光小区6-12号楼；\n人民路一巷、二巷；\n八纬路全段（除12号、14号外）；建设南小区1-4栋',
  },
  {
    school: 's3',
    text: '唐家口街道\n华昌大街2-88号（双号）、津塘路1-59号（单号）；\n互助里1-6号楼；\n八纬路12号、14号；\n人民路1-99号；\n人民南路二段1-50号',
  },
  {
    school: 's4',
    text: '中山五路：1-99号（单号），2-88号（双号）\n和平一、二横路\n大南路单号1-41号，双号2-56号\n江南大道中1-199号（单号）\n万达广场小区',
  },
  {
    school: 's5',
    text: '1.陕西南路 1-199号（单号）、2-238号（双号）\n2.淮海中路 1045弄-1299号（单号）\n3.天平路 单号\n4.东四五条、六条、七条\n5.荔林春晓（1-10栋）\n6.金地花园全部（3号楼除外）',
  },
  {
    school: 's6',
    text: '金地花园3号楼；天平路双号；十一经路41号以后（单号）；中山路（人民路至解放路段）；建设南二街、三街、四街；工业区一路1-99号',
  },
];

const QUERIES: Array<[address: string, school: string | null]> = [
  ['六纬路12号', 's1'],
  ['六纬路13号', 's1'],
  ['河东区六纬路99号', 's1'],
  ['天津市河东区大王庄街道六纬路51号', 's1'],
  ['六纬路101号', null],
  ['六纬路52号', 's2'],
  ['六纬路200号3门', 's2'],
  ['六纬路１０号', 's1'],
  ['六纬路十号', 's1'],
  ['6纬路10号2门301', 's1'],
  ['六纬路10号楼', 's1'],
  ['七纬路200号', 's1'],
  ['七纬路', 's1'],
  ['十一经路39号', 's1'],
  ['十一经路41号', 's6'],
  ['十一经路40号', 's2'],
  ['十一经路62号', null],
  ['万东路32号', 's1'],
  ['万东路33号', null],
  ['大直沽九号路5号', 's1'],
  ['阳光小区3号楼2单元501', 's1'],
  ['阳光小区8栋', 's2'],
  ['阳光小区13号楼', null],
  ['诚厚里5号', 's1'],
  ['人民路一巷5号', 's2'],
  ['人民路1巷5号', 's2'],
  ['人民路5号', 's3'],
  ['人民路101号', null],
  ['人民南路二段18号', 's3'],
  ['人民南路二段51号', null],
  ['八纬路12号', 's3'],
  ['八纬路13号', 's2'],
  ['华昌大街10号', 's3'],
  ['华昌大街11号', null],
  ['互助里3号楼', 's3'],
  ['中山五路33号', 's4'],
  ['越秀区中山五路88号', 's4'],
  ['中山五路90号', null],
  ['和平二横路7号', 's4'],
  ['大南路40号', 's4'],
  ['大南路43号', null],
  ['江南大道中101号', 's4'],
  ['江南大道中102号', null],
  ['万达广场小区2栋', 's4'],
  ['万达广场3号楼', 's4'],
  ['陕西南路200号', 's5'],
  ['陕西南路201号', null],
  ['淮海中路1101号', 's5'],
  ['淮海中路1100号', null],
  ['天平路3号', 's5'],
  ['天平路4号', 's6'],
  ['东四六条12号', 's5'],
  ['北京市东城区东四七条3号', 's5'],
  ['东四八条3号', null],
  ['荔林春晓5栋', 's5'],
  ['荔林春晓11栋', null],
  ['金地花园3号楼', 's6'],
  ['金地花园5号楼', 's5'],
  ['中山路10号', null],
  ['建设南三街8号', 's6'],
  // 建设南小区 is not found in "建设南三街3号" (no short alias "建设南").
  ['建设南三街3号', 's6'],
  ['建设南小区3栋', 's2'],
  ['不存在路1号', null],
  ['工业区一路5号', 's6'],
  ['开发区一路5号', null],
];

describe('a district of published lists, looked up by address', () => {
  const rules = rulesOf(LISTS);
  const lookup = lookupWith(rules);

  it.each(QUERIES)('%s → %s', (address, school) => {
    const answer = lookup(address);
    expect(answer.schools).toEqual(school ? [school] : []);
    if (!school) return;
    // The phrase quoted is the school's published text, verbatim.
    const list = LISTS.find((l) => l.school === school)!.text;
    expect(answer.quotes.length).toBeGreaterThan(0);
    for (const q of answer.quotes) expect(list).toContain(q);
  });

  it('quotes the phrase that matched', () => {
    expect(lookup('六纬路13号').quotes).toEqual(['六纬路1-99号（单号）、2-50号（双号）']);
    expect(lookup('金地花园3号楼').quotes).toEqual(['金地花园3号楼']);
    expect(lookup('人民南路二段18号').quotes).toEqual(['人民南路二段1-50号']);
  });
});

describe('other layouts: Beijing-style 胡同 and 大街, a Chengdu-style table of 街道 | 社区 | 范围', () => {
  const PLACES_B = {
    streets: [
      { code: '990102001', name: '西长安街街道' },
      { code: '990102002', name: '书院街街道' },
      { code: '990102003', name: '督院街街道' },
    ],
    communities: [
      { code: '990102002001', name: '书院街社区居委会', parentCode: '990102002' },
      { code: '990102002002', name: '东风社区居委会', parentCode: '990102002' },
      { code: '990102003001', name: '督院街社区居委会', parentCode: '990102003' },
    ],
  };
  const LISTS_B: SchoolList[] = [
    {
      school: 'b1',
      text: '西长安街街道：府右街（单号）、灵境胡同全部、西单北大街1-99号（单号）、北新华街（双号）；\n大木仓胡同、二龙路（路西）',
    },
    { school: 'b2', text: '西单北大街2-120号（双号）；西单北大街101号以后（单号）；新文化街全部；辟才胡同甲6号' },
    { school: 'b3', text: '府右街（双号）、北新华街（单号）' },
    {
      school: 'c1',
      text: '书院街街道\t书院街社区\t书院西街、书院南街全段\n书院街街道\t东风社区\t东风路1-99号（单号）、红星路三段1-99号（单号）',
    },
    {
      school: 'c2',
      text: '督院街街道\t督院街社区\t督院街全段、红星路三段2-100号（双号）\n督院街街道\t\t人民南路二段1-50号',
    },
  ];
  const lookup = lookupWith(rulesOf(LISTS_B, PLACES_B));

  it.each([
    ['府右街3号', 'b1'],
    ['府右街4号', 'b3'],
    ['北京市西城区府右街甲4号', null],
    ['西单北大街99号', 'b1'],
    ['西单北大街101号', 'b2'],
    ['西单北大街50号', 'b2'],
    ['西单北大街122号', null],
    ['灵境胡同12号院3号楼', 'b1'],
    ['北新华街7号', 'b3'],
    ['北新华街8号', 'b1'],
    ['大木仓胡同35号', 'b1'],
    // "二龙路（路西）" is one side of the road: unread, so no answer rather than a guess.
    ['二龙路5号', null],
    ['辟才胡同6号', null],
    ['西城区新文化街5号', 'b2'],
    ['红星路三段55号', 'c1'],
    ['红星路三段56号', 'c2'],
    ['红星路三段101号', null],
    ['东风路3号', 'c1'],
    ['东风路4号', null],
    ['书院西街8号', 'c1'],
    ['人民南路二段20号', 'c2'],
    ['成都市锦江区督院街12号', 'c2'],
  ] as Array<[string, string | null]>)('%s → %s', (address, school) => {
    expect(lookup(address).schools).toEqual(school ? [school] : []);
  });

  it('the table cells for 街道 and 社区 are headers, not places', () => {
    const rules = rulesOf(LISTS_B, PLACES_B);
    expect(rules.filter((r) => r.match.kind === 'community' || r.match.kind === 'street')).toEqual([]);
  });
});
