import { community, estate, expectPhrases, MAX, range, road, street, whole, type Expected } from './fixtures';

// Lists composed in the styles bureaus publish, phrase by phrase: the verbatim slice, and what it matches.
type Case = [title: string, text: string, expected: Expected[]];

const TIANJIN: Case[] = [
  [
    'ranges with parity in brackets, 全段, 之一, numbered roads, a 社区 and a 村, under 街道 headers',
    '大王庄街道：\n六纬路1-99号（单号）、2-50号（双号）；七纬路全段；十一经路1号-39号（单号）；\n诚厚里社区；万东路32号之一、32号之二；大直沽八号路、九号路；\n唐家口街道：\n华昌大街2-88号（双号）、津塘路1-59号（单号）；\n互助里1-6号楼；新兴村',
    [
      {
        text: '六纬路1-99号（单号）、2-50号（双号）',
        matches: [road('六纬路', 1, 99, 'odd'), road('六纬路', 2, 50, 'even')],
        street: '大王庄街道',
      },
      { text: '七纬路全段', matches: [whole('七纬路')] },
      { text: '十一经路1号-39号（单号）', matches: [road('十一经路', 1, 39, 'odd')] },
      { text: '诚厚里社区', matches: [community('990101001001')] },
      { text: '万东路32号之一、32号之二', matches: [road('万东路', 32, 32)] },
      { text: '大直沽八号路、九号路', matches: [whole('大直沽八号路'), whole('大直沽九号路')] },
      { text: '华昌大街2-88号（双号）', matches: [road('华昌大街', 2, 88, 'even')], street: '唐家口街道' },
      { text: '津塘路1-59号（单号）', matches: [road('津塘路', 1, 59, 'odd')] },
      { text: '互助里1-6号楼', matches: [estate('互助里', [range(1, 6)])] },
      // 新兴村 is the 村民委员会, not 新兴社区 of the same 街道.
      { text: '新兴村', matches: [community('990101002001')] },
    ],
  ],
  [
    'numbers across lines of a table, 以后 / 以下, 单号 before the range',
    '六纬路：\n1-99号（单号）\n2-50号（双号）\n八纬路双号100号以后、单号51号以下',
    [
      {
        text: '六纬路：\n1-99号（单号）\n2-50号（双号）',
        matches: [road('六纬路', 1, 99, 'odd'), road('六纬路', 2, 50, 'even')],
      },
      {
        text: '八纬路双号100号以后、单号51号以下',
        matches: [road('八纬路', 100, MAX, 'even'), road('八纬路', 1, 51, 'odd')],
      },
    ],
  ],
];

const BEIJING: Case[] = [
  [
    '大街 with 单号/双号 before the numbers, 全部, 胡同, 条 and a compact list of 条',
    '东华门街道\n南池子大街全部、南河沿大街单号1-95号、东华门大街双号2-38号、骑河楼街全部\n东四十条1-94号；北新桥三条全部；东四五条、六条、七条\n史家胡同、内务部街、演乐胡同1-98号（双号）',
    [
      { text: '南池子大街全部', matches: [whole('南池子大街')], street: '东华门街道' },
      { text: '南河沿大街单号1-95号', matches: [road('南河沿大街', 1, 95, 'odd')] },
      { text: '东华门大街双号2-38号', matches: [road('东华门大街', 2, 38, 'even')] },
      { text: '骑河楼街全部', matches: [whole('骑河楼街')] },
      { text: '东四十条1-94号', matches: [road('东四十条', 1, 94)] },
      { text: '北新桥三条全部', matches: [whole('北新桥三条')] },
      { text: '东四五条、六条、七条', matches: [whole('东四五条'), whole('东四六条'), whole('东四七条')] },
      { text: '史家胡同', matches: [whole('史家胡同')] },
      { text: '内务部街', matches: [whole('内务部街')] },
      { text: '演乐胡同1-98号（双号）', matches: [road('演乐胡同', 1, 98, 'even')] },
    ],
  ],
  [
    '甲/乙 numbers are left unread (the matcher cannot tell 甲5号 from 5号); 号院 and 大院 are house numbers',
    '北河沿大街甲1号至甲55号；光明路3、5、甲5号；黄河道12号院；光明路5号大院；市委大院',
    [
      { text: '北河沿大街甲1号至甲55号', status: 'unread' },
      { text: '光明路3、5', matches: [road('光明路', 3, 3), road('光明路', 5, 5)] },
      { text: '甲5号', status: 'unread' },
      { text: '黄河道12号院', matches: [road('黄河道', 12, 12)] },
      { text: '光明路5号大院', matches: [road('光明路', 5, 5)] },
      { text: '市委大院', matches: [estate('市委大院')] },
    ],
  ],
];

const GUANGZHOU: Case[] = [
  [
    'road: numbers after a colon, compact 横路, parity words first, 全巷, 之一/之二, 大道中',
    '中山五路：1-99号（单号），2-88号（双号）\n和平一、二横路\n大南路单号1-41号，双号2-56号\n文德东三巷全巷\n农林下路81-83号之一\n越华路117号大院\n豪贤路133号之二至139号（单号）\n江南大道中1-199号（单号）\n德政中路东沙角（全部）',
    [
      {
        text: '中山五路：1-99号（单号），2-88号（双号）',
        matches: [road('中山五路', 1, 99, 'odd'), road('中山五路', 2, 88, 'even')],
      },
      { text: '和平一、二横路', matches: [whole('和平一横路'), whole('和平二横路')] },
      { text: '大南路单号1-41号，双号2-56号', matches: [road('大南路', 1, 41, 'odd'), road('大南路', 2, 56, 'even')] },
      { text: '文德东三巷全巷', matches: [whole('文德东三巷')] },
      { text: '农林下路81-83号之一', matches: [road('农林下路', 81, 83)] },
      { text: '越华路117号大院', matches: [road('越华路', 117, 117)] },
      { text: '豪贤路133号之二至139号（单号）', matches: [road('豪贤路', 133, 139, 'odd')] },
      // The matcher reads no road out of "江南大道中": the name is matched with the number right after it.
      { text: '江南大道中1-199号（单号）', matches: [estate('江南大道中', [range(1, 199, 'odd')])] },
      { text: '德政中路东沙角（全部）', status: 'unread' },
    ],
  ],
  [
    'lanes numbered off a road (人民路一巷) are matched by name, not as 人民路 No. 1',
    '人民路一巷、二巷；人民路三巷1-20号；文明路1-99号',
    [
      { text: '人民路一巷、二巷', matches: [estate('人民路一巷'), estate('人民路二巷')] },
      { text: '人民路三巷1-20号', matches: [estate('人民路三巷', [range(1, 20)])] },
      { text: '文明路1-99号', matches: [road('文明路', 1, 99)] },
    ],
  ],
];

const SHANGHAI: Case[] = [
  [
    'a space between road and numbers, 弄 numbers, 全部, a parity word alone, 居委',
    '陕西南路 1-199号（单号）、2-238号（双号）\n长乐路 1-301号（单号）\n淮海中路 1045弄-1299号（单号）\n建国西路 全部\n永嘉路 1-100弄\n天平路 单号\n瑞金二路居委',
    [
      {
        text: '陕西南路 1-199号（单号）、2-238号（双号）',
        matches: [road('陕西南路', 1, 199, 'odd'), road('陕西南路', 2, 238, 'even')],
      },
      { text: '长乐路 1-301号（单号）', matches: [road('长乐路', 1, 301, 'odd')] },
      { text: '淮海中路 1045弄-1299号（单号）', matches: [road('淮海中路', 1045, 1299, 'odd')] },
      { text: '建国西路 全部', matches: [whole('建国西路')] },
      { text: '永嘉路 1-100弄', matches: [road('永嘉路', 1, 100)] },
      { text: '天平路 单号', matches: [whole('天平路', 'odd')] },
      { text: '瑞金二路居委', matches: [community('990101003001')] },
    ],
  ],
];

const SHENZHEN: Case[] = [
  [
    'a 社区 label in front of its places, 小区 without a 小区 word but with 栋, phases written compactly',
    '南头街道：\n大新社区：大新村、大新路1-100号、南头古城\n桃园路北侧\n前海花园 全部\n荔林春晓（1-10栋）\n阳光棕榈园一期、二期',
    [
      { text: '大新村', matches: [estate('大新村')], street: '南头街道' },
      { text: '大新路1-100号', matches: [road('大新路', 1, 100)] },
      { text: '南头古城', matches: [estate('南头古城')] },
      { text: '桃园路北侧', status: 'unread' },
      { text: '前海花园 全部', matches: [estate('前海花园')] },
      { text: '荔林春晓（1-10栋）', matches: [estate('荔林春晓', [range(1, 10)])] },
      { text: '阳光棕榈园一期、二期', matches: [estate('阳光棕榈园一期'), estate('阳光棕榈园二期')] },
    ],
  ],
];

const CHENGDU: Case[] = [
  [
    '段 of a road is a name of its own; 全段 after a colon',
    '人民南路二段1-50号\n一环路南一段（单号）\n红星路三段1-99号（单号）\n文殊院街、白家塘街\n玉林北路：全段',
    [
      { text: '人民南路二段1-50号', matches: [estate('人民南路二段', [range(1, 50)])] },
      { text: '一环路南一段（单号）', matches: [estate('一环路南一段', [range(1, MAX, 'odd')])] },
      { text: '红星路三段1-99号（单号）', matches: [estate('红星路三段', [range(1, 99, 'odd')])] },
      { text: '文殊院街', matches: [whole('文殊院街')] },
      { text: '白家塘街', matches: [whole('白家塘街')] },
      { text: '玉林北路：全段', matches: [whole('玉林北路')] },
    ],
  ],
];

const WUHAN_XIAMEN_HANGZHOU: Case[] = [
  [
    'Wuhan: 大道 with ranges, a 村 with its 组',
    '中山大道1-200号\n解放大道单号1-999号\n东西湖村（1-5组）\n红旗村：6、7组',
    [
      { text: '中山大道1-200号', matches: [road('中山大道', 1, 200)] },
      { text: '解放大道单号1-999号', matches: [road('解放大道', 1, 999, 'odd')] },
      { text: '东西湖村（1-5组）', matches: [estate('东西湖村', [range(1, 5)])] },
      { text: '红旗村：6、7组', matches: [estate('红旗村', [range(6, 6), range(7, 7)])] },
    ],
  ],
  [
    'a 村 label: its 组 are found after its name; "全部" is the official 村',
    '新兴村：1-6组、8组\n新兴村：全部\n红星村一组、二组',
    [
      { text: '新兴村：1-6组、8组', matches: [estate('新兴村', [range(1, 6), range(8, 8)])] },
      { text: '新兴村：全部', matches: [community('990101002001')] },
      { text: '红星村一组、二组', matches: [estate('红星村', [range(1, 1), range(2, 2)])] },
    ],
  ],
  [
    'Xiamen: 镇 headers, a 村 with the 社 it includes, a 社区 label',
    '东孚镇：\n东瑶村（含东瑶社、许厝社）\n海沧社区：海沧路1-99号、新垵北里',
    [
      {
        text: '东瑶村（含东瑶社、许厝社）',
        matches: [community('990101004001'), estate('东瑶社'), estate('许厝社')],
        street: '东孚镇',
      },
      { text: '海沧路1-99号', matches: [road('海沧路', 1, 99)] },
      { text: '新垵北里', matches: [whole('新垵北里')] },
    ],
  ],
  [
    'Hangzhou: a segment between cross streets and an area bounded by roads are unread; 一区、二区',
    '文三路（学院路至教工路段）\n学院路以东、文三路以南、教工路以西、天目山路以北围合区域\n嘉绿苑、翠苑一区、二区\n保俶北路 1-99号（单号）',
    [
      { text: '文三路（学院路至教工路段）', status: 'unread' },
      { text: '学院路以东、文三路以南、教工路以西、天目山路以北围合区域', status: 'unread' },
      { text: '嘉绿苑', matches: [estate('嘉绿苑')] },
      { text: '翠苑一区、二区', matches: [estate('翠苑一区'), estate('翠苑二区')] },
      { text: '保俶北路 1-99号（单号）', matches: [road('保俶北路', 1, 99, 'odd')] },
    ],
  ],
];

describe.each([
  ['Tianjin', TIANJIN],
  ['Beijing', BEIJING],
  ['Guangzhou', GUANGZHOU],
  ['Shanghai', SHANGHAI],
  ['Shenzhen', SHENZHEN],
  ['Chengdu', CHENGDU],
  ['Wuhan, Xiamen, Hangzhou', WUHAN_XIAMEN_HANGZHOU],
])('a %s-style list', (_city, cases) => {
  it.each(cases)('%s', (_title, text, expected) => {
    expectPhrases(text, expected);
  });
});

describe('streets and 社区 by official code', () => {
  it('reads a whole 街道, also as "XX镇" for a 街道 and "XX街道：全部"', () => {
    expectPhrases('大王庄街道全部、东孚镇', [
      { text: '大王庄街道全部', matches: [street('990101001')] },
      { text: '东孚镇', matches: [street('990101004')] },
    ]);
    expectPhrases('唐家口街道：全部', [{ text: '唐家口街道：全部', matches: [street('990101002')] }]);
    expectPhrases('唐家口街道\n全部', [{ text: '唐家口街道\n全部', matches: [street('990101002')] }]);
  });

  it('takes a 社区 name used in two 街道 from the 街道 the list is under, and does not guess without one', () => {
    expectPhrases('唐家口街道：阳光社区', [{ text: '阳光社区', matches: [community('990101002003')] }]);
    expectPhrases('阳光社区', [{ text: '阳光社区', status: 'unread' }]);
  });

  it('reports a 社区 or 街道 the district does not have', () => {
    const [a, b] = expectPhrases('幸福社区、光华街道', [
      { text: '幸福社区', status: 'unread' },
      { text: '光华街道', status: 'unread' },
    ]);
    expect(a.reading).toContain('本区没有“幸福社区”');
    expect(b.reading).toContain('本区没有“光华街道”');
  });

  it('reads a 社区 with the places it names in brackets as those places; "含" adds them to the whole 社区', () => {
    expectPhrases('诚厚里社区（六纬路1-9号、阳光花园）；万新村社区（含万新花园）', [
      { text: '诚厚里社区（六纬路1-9号、阳光花园）', matches: [road('六纬路', 1, 9), estate('阳光花园')] },
      { text: '万新村社区（含万新花园）', matches: [community('990101001002'), estate('万新花园')] },
    ]);
  });

  it('a 社区 label in front of places scopes them (it is not the whole 社区); "全部" after it is', () => {
    expectPhrases('诚厚里社区：六纬路1-9号\n万新村社区：全部\n阳光社区 七纬路', [
      { text: '六纬路1-9号', matches: [road('六纬路', 1, 9)] },
      { text: '万新村社区：全部', matches: [community('990101001002')] },
      { text: '七纬路', matches: [whole('七纬路')] },
    ]);
  });

  it('a 社区 label with nothing under it says nothing: unread, not the whole 社区', () => {
    expectPhrases('诚厚里社区：\n万新村社区：\n六纬路', [
      { text: '诚厚里社区', status: 'unread' },
      { text: '六纬路', matches: [whole('六纬路')] },
    ]);
  });

  it('a list of 街道 headers alone names those 街道', () => {
    expectPhrases('大王庄街道\n唐家口街道', [
      { text: '大王庄街道', matches: [street('990101001')] },
      { text: '唐家口街道', matches: [street('990101002')] },
    ]);
  });

  it('a 街道 header written one character per line (a PDF table cell) is still a header', () => {
    expectPhrases('大\n王\n庄\n街\n道\n六纬路1-9号', [
      { text: '六纬路1-9号', matches: [road('六纬路', 1, 9)], street: '大王庄街道' },
    ]);
  });

  it('a place written one character per line is quoted across its line breaks', () => {
    expectPhrases('诚\n厚\n里\n社\n区\n六纬路', [
      { text: '诚\n厚\n里\n社\n区', matches: [community('990101001001')] },
      { text: '六纬路', matches: [whole('六纬路')] },
    ]);
  });

  it('a 街道 in the first cell of a table row is a header; two 街道 side by side are both places', () => {
    expectPhrases('大王庄街道\t六纬路1-9号\n大王庄街道 唐家口街道', [
      { text: '六纬路1-9号', matches: [road('六纬路', 1, 9)], street: '大王庄街道' },
      { text: '大王庄街道', matches: [street('990101001')] },
      { text: '唐家口街道', matches: [street('990101002')] },
    ]);
  });
});
