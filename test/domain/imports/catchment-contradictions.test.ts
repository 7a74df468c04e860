import {
  IMPORT_HEADERS,
  newSchool,
  placesOf,
  rowsOf,
  validateCatchmentRows,
  type CatchmentContext,
} from '@/domain/imports';
import { overlaps } from '@/domain/imports/contradictions';
import type { School } from '@/domain/school';

// 对口直升 lists, and lists that would give one place two middle schools without a rule saying which governs.
const school = (id: string, name: string, kind: School['kind']): School => ({
  ...newSchool('120102', name, kind),
  _id: id,
});
const SCHOOLS = [
  school('p1', '互助道小学', 'primary'),
  school('p2', '友爱道小学', 'primary'),
  school('m1', '第四十五中学', 'middle'),
  school('m2', '第九十八中学', 'middle'),
];
const PLACES = placesOf([
  { code: '120102001', name: '大王庄街道', level: 'street', parentCode: '120102' },
  { code: '120102001001', name: '诚厚里社区居委会', level: 'community', parentCode: '120102001' },
]);
const ctx = (over: Partial<CatchmentContext> = {}): CatchmentContext => ({
  districtCode: '120102',
  schools: SCHOOLS,
  existing: [],
  storedFeeders: [],
  middleRule: null,
  places: PLACES,
  issuer: '河东区教育局',
  today: '2026-11-23',
  ...over,
});
const T = '河东区2027年义务教育招生工作实施方案';
const rows = (...lines: string[][]) => rowsOf(IMPORT_HEADERS.catchments, lines);

describe('对口直升 lists', () => {
  it('name the primary schools that go on to the middle school; an unknown name is unread, not an error', () => {
    const {
      rows: [r],
    } = validateCatchmentRows(
      ctx(),
      rows(['第四十五中学', '初中', '2027', '对口直升', '对口小学：互助道小学、不存在小学', T]),
    );
    expect(r.outcome).toBe('new');
    expect(r.phrases.map((p) => [p.text, p.status])).toEqual([
      ['互助道小学', 'read'],
      ['不存在小学', 'unread'],
    ]);
  });

  it('are for 初中 only', () => {
    const {
      rows: [r],
    } = validateCatchmentRows(ctx(), rows(['互助道小学', '小学', '2027', '对口直升', '友爱道小学', T]));
    expect(r.outcome).toBe('error');
    expect(r.messages.join()).toContain('对口直升只用于初中');
  });
});

describe('an 初中 list that contradicts a primary school’s 对口', () => {
  const file = rows(
    ['互助道小学', '小学', '2027', '单校划片', '六纬路1-99号（单号）；诚厚里社区', T],
    ['第四十五中学', '初中', '2027', '对口直升', '互助道小学', T],
    ['第九十八中学', '初中', '2027', '单校划片', '六纬路31-45号（单号）', T],
  );

  it('is refused, naming both lists and where to set the rule, when the district has no rule', () => {
    const { rows: result } = validateCatchmentRows(ctx(), file);
    expect(result.map((r) => r.outcome)).toEqual(['new', 'new', 'error']);
    expect(result[2].messages[0]).toContain(
      '第九十八中学的初中登记范围“六纬路31-45号（单号）”也在互助道小学的小学登记范围',
    );
    expect(result[2].messages[0]).toContain('对口第四十五中学');
    expect(result[2].messages[0]).toContain('招生规则');
  });

  it('is accepted when the district says which governs', () => {
    const { rows: result } = validateCatchmentRows(ctx({ middleRule: 'feeder-for-graduates' }), file);
    expect(result.map((r) => r.outcome)).toEqual(['new', 'new', 'new']);
  });

  it('is accepted when the places do not meet (the other side of the road)', () => {
    const { rows: result } = validateCatchmentRows(
      ctx(),
      rows(
        ['互助道小学', '小学', '2027', '单校划片', '六纬路1-99号（单号）', T],
        ['第四十五中学', '初中', '2027', '对口直升', '互助道小学', T],
        ['第九十八中学', '初中', '2027', '单校划片', '六纬路2-98号（双号）', T],
      ),
    );
    expect(result.map((r) => r.outcome)).toEqual(['new', 'new', 'new']);
  });
});

describe('overlaps', () => {
  const streetOf = new Map([['120102001001', '120102001']]);
  it.each([
    [
      { kind: 'road', road: '六纬路', side: 'odd', from: 1, to: 99 },
      { kind: 'road', road: '6纬路', side: 'all', from: 99, to: 120 },
      true,
    ],
    [
      { kind: 'road', road: '六纬路', side: 'odd', from: 1, to: 99 },
      { kind: 'road', road: '六纬路', side: 'even', from: 1, to: 99 },
      false,
    ],
    [
      { kind: 'road', road: '六纬路', side: 'even', from: 3, to: 3 },
      { kind: 'road', road: '六纬路', side: 'all', from: 1, to: 9 },
      false,
    ],
    [
      { kind: 'road', road: '六纬路', side: 'all', from: 1, to: 10 },
      { kind: 'road', road: '七纬路', side: 'all', from: 1, to: 10 },
      false,
    ],
    [{ kind: 'community', communityCode: '120102001001' }, { kind: 'street', streetCode: '120102001' }, true],
    [{ kind: 'estate', name: '万达广场', aliases: [] }, { kind: 'estate', name: '万达 广场', aliases: [] }, true],
  ] as const)('%j and %j: %s', (a, b, expected) => {
    expect(overlaps(a as never, b as never, streetOf)).toBe(expected);
  });
});
