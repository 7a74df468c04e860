import { parseCatchment } from '@/domain/catchment';
import { community, estate, expectPhrases, MAX, PLACES, range, road, street, whole, type Expected } from './fixtures';

// The ways one phrase gets written, each read the same (or left unread where a reading would be a guess).
type Case = [text: string, expected: Expected[]];
const one = (text: string, ...matches: Expected['matches'] & object): Case => [text, [{ text, matches }]];
const unread = (text: string): Case => [text, [{ text, status: 'unread' }]];
/** A text whose one phrase, `phrase`, is what is left once numbering, labels and stray marks are dropped. */
const within = (text: string, phrase: string, ...matches: Expected['matches'] & object): Case => [
  text,
  [{ text: phrase, matches }],
];
/** A text naming whole roads only, one phrase each. */
const wholeRoads = (text: string, ...names: string[]): Case => [
  text,
  names.map((name) => ({ text: name, matches: [whole(name)] })),
];

const DASHES_AND_NUMBERS: Case[] = [
  one('六纬路1-99号', road('六纬路', 1, 99)),
  one('六纬路1—99号', road('六纬路', 1, 99)),
  one('六纬路1–99号', road('六纬路', 1, 99)),
  one('六纬路1－99号', road('六纬路', 1, 99)),
  one('六纬路1——99号', road('六纬路', 1, 99)),
  one('六纬路1--99号', road('六纬路', 1, 99)),
  one('六纬路1~99号', road('六纬路', 1, 99)),
  one('六纬路1至99号', road('六纬路', 1, 99)),
  one('六纬路1号到99号', road('六纬路', 1, 99)),
  one('六纬路1号-99号', road('六纬路', 1, 99)),
  one('六纬路第1号至第99号', road('六纬路', 1, 99)),
  one('六纬路从1号至99号', road('六纬路', 1, 99)),
  one('六纬路 1 - 99 号', road('六纬路', 1, 99)),
  one('六纬路1-99', road('六纬路', 1, 99)),
  one('六纬路１－９９号', road('六纬路', 1, 99)),
  one('六纬路一至九十九号', road('六纬路', 1, 99)),
  one('六纬路十二号', road('六纬路', 12, 12)),
  one('６纬路1-9号', road('6纬路', 1, 9)),
  one('六纬路100号以后', road('六纬路', 100, MAX)),
  one('六纬路100号以上', road('六纬路', 100, MAX)),
  one('六纬路100号起', road('六纬路', 100, MAX)),
  one('六纬路100号后', road('六纬路', 100, MAX)),
  one('六纬路100号至尽头', road('六纬路', 100, MAX)),
  one('六纬路双号100号至末端', road('六纬路', 100, MAX, 'even')),
  one('六纬路50号以下', road('六纬路', 1, 50)),
  one('六纬路1-99号、101-199号', road('六纬路', 1, 99), road('六纬路', 101, 199)),
  one('六纬路1-19号 21-49号', road('六纬路', 1, 19), road('六纬路', 21, 49)),
  one('六纬路4、6、8号', road('六纬路', 4, 4), road('六纬路', 6, 6), road('六纬路', 8, 8)),
  one('六纬路12号之一', road('六纬路', 12, 12)),
  one('六纬路84号之一至之五', road('六纬路', 84, 84)),
  one('六纬路84号之一至84号之五', road('六纬路', 84, 84)),
  // A smaller number after the dash is a sub-number ("12-1号" is 12之1), not a range from 1.
  one('六纬路12-1号', road('六纬路', 12, 12)),
  one('六纬路12号附1号', road('六纬路', 12, 12)),
  // 一 typed for a dash.
  one('六纬路1一99号', road('六纬路', 1, 99)),
  one('阳光小区1#-5#楼', estate('阳光小区', [range(1, 5)])),
  one('阳光小区1号楼至5号楼', estate('阳光小区', [range(1, 5)])),
  one('阳光小区1栋-5栋', estate('阳光小区', [range(1, 5)])),
];

const PARITY: Case[] = [
  one('六纬路1-99号（单号）', road('六纬路', 1, 99, 'odd')),
  one('六纬路1-99号(单号)', road('六纬路', 1, 99, 'odd')),
  one('六纬路1-99号单号', road('六纬路', 1, 99, 'odd')),
  one('六纬路1-99号 单号', road('六纬路', 1, 99, 'odd')),
  one('六纬路1-99号（单）', road('六纬路', 1, 99, 'odd')),
  one('六纬路单号1-99号', road('六纬路', 1, 99, 'odd')),
  one('六纬路（单号）1-99号', road('六纬路', 1, 99, 'odd')),
  one('六纬路单数1-99号', road('六纬路', 1, 99, 'odd')),
  one('六纬路1-99号奇数', road('六纬路', 1, 99, 'odd')),
  one('六纬路奇数号1-99号', road('六纬路', 1, 99, 'odd')),
  one('六纬路单侧1-99号', road('六纬路', 1, 99, 'odd')),
  one('六纬路单号一侧', whole('六纬路', 'odd')),
  one('六纬路2-50号（双号）', road('六纬路', 2, 50, 'even')),
  one('六纬路双数2-50号', road('六纬路', 2, 50, 'even')),
  one('六纬路1-50号（单双号）', road('六纬路', 1, 50)),
  one('六纬路1-50号（含单双号）', road('六纬路', 1, 50)),
  one('六纬路单双号1-50号', road('六纬路', 1, 50)),
  one('六纬路单号', whole('六纬路', 'odd')),
  one('六纬路（双号）', whole('六纬路', 'even')),
  one('六纬路全段（单号）', whole('六纬路', 'odd')),
  one('六纬路1-99号（单号）2-50号（双号）', road('六纬路', 1, 99, 'odd'), road('六纬路', 2, 50, 'even')),
  one('六纬路（1-99号单号，2-50号双号）', road('六纬路', 1, 99, 'odd'), road('六纬路', 2, 50, 'even')),
  one('六纬路1-99号单号、2-50号双号', road('六纬路', 1, 99, 'odd'), road('六纬路', 2, 50, 'even')),
  one('六纬路单号1-99号，双号2-50号', road('六纬路', 1, 99, 'odd'), road('六纬路', 2, 50, 'even')),
  // The road named again right after continues the phrase.
  one('和平路2—20号（双号）、和平路1-19号（单号）', road('和平路', 2, 20, 'even'), road('和平路', 1, 19, 'odd')),
];

const WHOLE_ROADS: Case[] = [
  one('六纬路', whole('六纬路')),
  one('六纬路全段', whole('六纬路')),
  one('六纬路全线', whole('六纬路')),
  one('六纬路全部', whole('六纬路')),
  one('六纬路（全部）', whole('六纬路')),
  one('六纬路两侧', whole('六纬路')),
  one('六纬路全部门牌', whole('六纬路')),
  one('胜利里', whole('胜利里')),
  one('福寿巷全巷', whole('福寿巷')),
  one('状元坊', whole('状元坊')),
  one('和平一横', whole('和平一横')),
  one('二马路', whole('二马路')),
  one('史家胡同', whole('史家胡同')),
  one('北新桥三条', whole('北新桥三条')),
  one('朝阳门内大街', whole('朝阳门内大街')),
];

const COMPACT: Case[] = [
  one('和平一、二横路', whole('和平一横路'), whole('和平二横路')),
  one('和平一、二、三横路', whole('和平一横路'), whole('和平二横路'), whole('和平三横路')),
  one('建设南二街、三街、四街', whole('建设南二街'), whole('建设南三街'), whole('建设南四街')),
  one('建设南二街1-9号、三街', road('建设南二街', 1, 9), whole('建设南三街')),
  one('大直沽八号路、九号路', whole('大直沽八号路'), whole('大直沽九号路')),
  // Different road types are different roads: 二马路 is not 中山二马路.
  wholeRoads('中山一路、二马路', '中山一路', '二马路'),
  wholeRoads('六纬路、七纬路', '六纬路', '七纬路'),
];

const ESTATES: Case[] = [
  one('阳光小区', estate('阳光小区')),
  one('阳光小区全部', estate('阳光小区')),
  one('阳光小区（全部）', estate('阳光小区')),
  one('万达广场小区', estate('万达广场小区', undefined, ['万达广场'])),
  one('阳光小区1-5号楼', estate('阳光小区', [range(1, 5)])),
  one('阳光小区1-5栋', estate('阳光小区', [range(1, 5)])),
  one('阳光小区1至5幢', estate('阳光小区', [range(1, 5)])),
  one('阳光小区（1-5号楼）', estate('阳光小区', [range(1, 5)])),
  one('阳光小区3、5、7栋', estate('阳光小区', [range(3, 3), range(5, 5), range(7, 7)])),
  one('阳光小区1-9号楼（单号）', estate('阳光小区', [range(1, 9, 'odd')])),
  one('诚厚里1-6门', estate('诚厚里', [range(1, 6)])),
  one('阳光花园A座', estate('阳光花园A座')),
  one('阳光花园二期', estate('阳光花园二期')),
  one('金地格林小镇', estate('金地格林小镇')),
  one('阳光花园（原化工厂宿舍）', estate('阳光花园', undefined, ['化工厂宿舍'])),
  one('和平路15号阳光里小区', road('和平路', 15, 15), estate('阳光里小区')),
  // Unit numbers are not buildings: "3号楼1-3单元" cannot be told by building.
  unread('阳光小区3号楼1-3单元'),
  one('阳光小区3号、5栋', estate('阳光小区', [range(3, 3), range(5, 5)])),
  one('六纬路和七纬路', whole('六纬路'), whole('七纬路')),
  one('六纬路1-99号（单号）以及七纬路2-50号（双号）', road('六纬路', 1, 99, 'odd'), road('七纬路', 2, 50, 'even')),
];

const EXCLUSIONS: Case[] = [
  [
    '六纬路全段（除12号、14号外）',
    [
      {
        text: '六纬路全段（除12号、14号外）',
        matches: [whole('六纬路')],
        except: [road('六纬路', 12, 12), road('六纬路', 14, 14)],
      },
    ],
  ],
  [
    '六纬路全段（12号除外）',
    [{ text: '六纬路全段（12号除外）', matches: [whole('六纬路')], except: [road('六纬路', 12, 12)] }],
  ],
  [
    '六纬路全段除12号外',
    [{ text: '六纬路全段除12号外', matches: [whole('六纬路')], except: [road('六纬路', 12, 12)] }],
  ],
  [
    '浙江北路 不含 1-9号',
    [{ text: '浙江北路 不含 1-9号', matches: [whole('浙江北路')], except: [road('浙江北路', 1, 9)] }],
  ],
  [
    '浙江北路 除 1-9号 外',
    [{ text: '浙江北路 除 1-9号 外', matches: [whole('浙江北路')], except: [road('浙江北路', 1, 9)] }],
  ],
  [
    '六纬路全段，不含12号',
    [{ text: '六纬路全段，不含12号', matches: [whole('六纬路')], except: [road('六纬路', 12, 12)] }],
  ],
  [
    '六纬路1-99号（单号，不含15号）',
    [
      {
        text: '六纬路1-99号（单号，不含15号）',
        matches: [road('六纬路', 1, 99, 'odd')],
        except: [road('六纬路', 15, 15)],
      },
    ],
  ],
  [
    '阳光小区（5号楼除外）',
    [{ text: '阳光小区（5号楼除外）', matches: [estate('阳光小区')], except: [estate('阳光小区', [range(5, 5)])] }],
  ],
  [
    '大王庄街道全部（不含诚厚里社区）',
    [{ text: '大王庄街道全部（不含诚厚里社区）', matches: [street('990101001')], except: [community('990101001001')] }],
  ],
  [
    '六纬路全段（除阳光小区和万新花园外）',
    [
      {
        text: '六纬路全段（除阳光小区和万新花园外）',
        matches: [whole('六纬路')],
        except: [estate('阳光小区'), estate('万新花园')],
      },
    ],
  ],
  // A whole phrase of 除外: the school does not take these places, whatever else it lists.
  [
    '万达广场小区除外',
    [{ text: '万达广场小区除外', matches: [estate('万达广场小区', undefined, ['万达广场'])], exclude: true }],
  ],
  ['除阳光小区外', [{ text: '除阳光小区外', matches: [estate('阳光小区')], exclude: true }]],
  ['不含和平路12号', [{ text: '不含和平路12号', matches: [road('和平路', 12, 12)], exclude: true }]],
  // An exclusion that cannot be read makes the phrase unread (reading only the place would take in too much).
  unread('六纬路全段（除靠近学校一侧外）'),
];

const NOTES_AND_LABELS: Case[] = [
  ['和平路（已拆迁）', [{ text: '和平路（已拆迁）', status: 'note' }]],
  ['已拆迁', [{ text: '已拆迁', status: 'note' }]],
  [
    '六纬路1-9号\n注：以上范围以户籍和房产证为准。',
    [
      { text: '六纬路1-9号', matches: [road('六纬路', 1, 9)] },
      { text: '注：以上范围以户籍和房产证为准。', status: 'note' },
    ],
  ],
  // An exclusion written as a remark on the list is still an exclusion.
  [
    '六纬路1-9号；阳光小区\n以上范围内阳光小区3号楼除外。',
    [
      { text: '六纬路1-9号', matches: [road('六纬路', 1, 9)] },
      { text: '阳光小区', matches: [estate('阳光小区')] },
      { text: '阳光小区3号楼除外', matches: [estate('阳光小区', [range(3, 3)])], exclude: true },
    ],
  ],
  // Places that begin like a remark are places.
  one('如意里1-9号', road('如意里', 1, 9)),
  one('凡尔赛花园', estate('凡尔赛花园')),
  ['如有疑问请咨询学校', [{ text: '如有疑问请咨询学校', status: 'note' }]],
  one('六纬路1-9号（以房产证地址为准）', road('六纬路', 1, 9)),
  [
    '和平路小学：和平路1-99号',
    [
      { text: '和平路小学', status: 'note' },
      { text: '和平路1-99号', matches: [road('和平路', 1, 99)] },
    ],
  ],
  [
    '| 1 | 和平路小学 | 六纬路1-9号、七纬路 |',
    [
      { text: '和平路小学', status: 'note' },
      { text: '六纬路1-9号', matches: [road('六纬路', 1, 9)] },
      { text: '七纬路', matches: [whole('七纬路')] },
    ],
  ],
  within('招生范围：六纬路1-9号', '六纬路1-9号', road('六纬路', 1, 9)),
  within('第一学区：六纬路1-9号', '六纬路1-9号', road('六纬路', 1, 9)),
];

const NUMBERING_AND_PUNCTUATION: Case[] = [
  [
    '1.六纬路1-9号\n2.七纬路\n3、八纬路',
    [
      { text: '六纬路1-9号', matches: [road('六纬路', 1, 9)] },
      { text: '七纬路', matches: [whole('七纬路')] },
      { text: '八纬路', matches: [whole('八纬路')] },
    ],
  ],
  within('（一）六纬路1-9号', '六纬路1-9号', road('六纬路', 1, 9)),
  within('一、六纬路1-9号', '六纬路1-9号', road('六纬路', 1, 9)),
  within('①六纬路1-9号', '六纬路1-9号', road('六纬路', 1, 9)),
  within('“六纬路”1-9号。', '“六纬路”1-9号', road('六纬路', 1, 9)),
  wholeRoads('六纬路﹑七纬路', '六纬路', '七纬路'),
  wholeRoads('六纬路、、七纬路；；', '六纬路', '七纬路'),
  within(
    '六纬路1-9号，，2-8号（双号）。',
    '六纬路1-9号，，2-8号（双号）',
    road('六纬路', 1, 9),
    road('六纬路', 2, 8, 'even'),
  ),
  // A bracket left open is read as if closed.
  one('六纬路（单号', whole('六纬路', 'odd')),
  one('六纬路1-9号等', road('六纬路', 1, 9)),
];

const LEFT_UNREAD: Case[] = [
  unread('中山路（人民路至解放路段）'),
  unread('中山路人民路至解放路段'),
  unread('中山路北侧'),
  unread('中山路北段'),
  unread('中山路以东'),
  unread('人民路与解放路交口'),
  unread('中山路（部分）'),
  unread('六纬路（户籍须在六纬路以东）'),
  unread('阳光小区（东区）'),
  unread('光明路甲5号'),
  unread('六纬路1-9号以后'),
  unread('一些看不懂的话'),
];

const SAFE_READINGS: Case[] = [
  one('南京路：单号：1-49号，双号：2-50号', road('南京路', 1, 49, 'odd'), road('南京路', 2, 50, 'even')),
  one('南京路1-99号，单号：101-199号', road('南京路', 1, 99), road('南京路', 101, 199, 'odd')),
  one('南京路：单号', whole('南京路', 'odd')),
  // A 小区 in brackets after numbers is at those numbers; after a bare road it is only the 小区 (not the road).
  one('和平路1-99号（阳光小区）', road('和平路', 1, 99), estate('阳光小区')),
  one('六纬路（阳光小区）', estate('阳光小区')),
  one('阳光花园（和平路18号）', estate('阳光花园'), road('和平路', 18, 18)),
  one('和平路1号至和平路99号', road('和平路', 1, 99)),
  one('诚厚里社区阳光小区', estate('阳光小区')),
  one('大王庄街道六纬路1-9号', road('六纬路', 1, 9)),
  one('和平路1-9号（红星机械厂）', road('和平路', 1, 9)),
  one('和平路99号（含）以后', road('和平路', 99, MAX)),
  one('新兴村一组、二组', estate('新兴村', [range(1, 1), range(2, 2)])),
  one('阳光花园一、二期', estate('阳光花园一期'), estate('阳光花园二期')),
  one('诚厚里社区（部分：六纬路1-9号）', road('六纬路', 1, 9)),
  [
    '和平路小学服务范围：六纬路',
    [
      { text: '和平路小学服务范围', status: 'note' },
      { text: '六纬路', matches: [whole('六纬路')] },
    ],
  ],
  // Numbers announced by a colon but unreadable: the road is not read whole.
  ['鞍山道：北侧单号1-69号', [{ text: '鞍山道：北侧单号1-69号', status: 'unread' }]],
  ['六纬路：\n甲5号', [{ text: '六纬路：\n甲5号', status: 'unread' }]],
  unread('人民路—解放路'),
  // An exclusion that cannot be read takes the phrase it belongs to with it.
  ['六纬路全段、除六纬路北侧外', [{ text: '六纬路全段、除六纬路北侧外', status: 'unread' }]],
  one('六纬路101-199号单号及双号', road('六纬路', 101, 199)),
  // A short other name would be found in other addresses: kept as a remark only.
  one('阳光花园（原红旗）', estate('阳光花园')),
  // The district in front of a road is no part of it, but "工业区一路" is a name (一路 is everywhere).
  one('河东区六纬路1-9号', road('六纬路', 1, 9)),
  one('上海市黄浦区四川中路 1-199号', road('四川中路', 1, 199)),
  one('河东区人民路一巷', estate('人民路一巷')),
  one('工业区一路1-9号', estate('工业区一路', [range(1, 9)])),
  // The side of a road ("路西") is not a place: unread.
  unread('西单北大街（路西）'),
  // A whole 小区 whose name is inside a 街道's name, or only two characters, would be found in other addresses.
  unread('大王庄'),
  unread('桃园'),
  one('桃园1-5栋', estate('桃园', [range(1, 5)])),
];

describe.each([
  ['readings that stay safe in the matcher', SAFE_READINGS],
  ['dashes, full-width digits, Chinese numerals, lists and open ranges', DASHES_AND_NUMBERS],
  ['单号 / 双号 before, after, in brackets or not', PARITY],
  ['whole roads and lanes', WHOLE_ROADS],
  ['compact lists of numbered roads', COMPACT],
  ['小区 and their buildings', ESTATES],
  ['exclusions', EXCLUSIONS],
  ['notes and labels', NOTES_AND_LABELS],
  ['numbering and punctuation', NUMBERING_AND_PUNCTUATION],
  ['phrases left unread rather than guessed', LEFT_UNREAD],
])('%s', (_title, cases) => {
  it.each(cases)('%s', (text, expected) => {
    expectPhrases(text, expected);
  });
});

describe('readings', () => {
  it('say in Chinese what was read, and why a phrase was not', () => {
    const [a, b, c, d] = parseCatchment(
      '六纬路1-99号（单号）、2-50号（双号）；阳光小区1-5号楼；中山路北侧；人民南路二段1-50号',
      PLACES,
    );
    expect(a.reading).toBe('道路 六纬路 1–99号 单号、2–50号 双号');
    expect(b.reading).toBe('小区 阳光小区 1–5号楼');
    expect(c.reading).toBe('未能识别：按路段、方位或部分描述，无法按门牌判断');
    expect(d.reading).toBe('道路 人民南路二段 1–50号');
  });

  it('name exclusions and remarks', () => {
    const [a, b] = parseCatchment('六纬路全段（除12号外）；七纬路1-9号（以房产证为准）', PLACES);
    expect(a.reading).toBe('道路 六纬路 全段；除 道路 六纬路 12号');
    expect(b.reading).toBe('道路 七纬路 1–9号（备注：以房产证为准）');
  });
});
