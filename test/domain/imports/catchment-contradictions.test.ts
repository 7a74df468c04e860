import { IMPORT_HEADERS, rowsOf, validateCatchmentRows } from '@/domain/imports';
import { overlaps } from '@/domain/imports/contradictions';
import { catchmentContext, school } from './fixtures';

// 对口直升 lists, and lists that would give one place two middle schools without a rule saying which governs.
const ctx = catchmentContext([
  school('p1', '互助道小学', 'primary'),
  school('p2', '友爱道小学', 'primary'),
  school('m1', '第四十五中学', 'middle'),
  school('m2', '第九十八中学', 'middle'),
]);
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
  const road = (name: string, side: 'odd' | 'even' | 'all', from: number, to: number) =>
    ({ kind: 'road', road: name, side, from, to }) as const;
  it.each([
    [road('六纬路', 'odd', 1, 99), road('6纬路', 'all', 99, 120), true],
    [road('六纬路', 'odd', 1, 99), road('六纬路', 'even', 1, 99), false],
    [road('六纬路', 'even', 3, 3), road('六纬路', 'all', 1, 9), false],
    [road('六纬路', 'all', 1, 10), road('七纬路', 'all', 1, 10), false],
    [{ kind: 'community', communityCode: '120102001001' }, { kind: 'street', streetCode: '120102001' }, true],
    [{ kind: 'estate', name: '万达广场', aliases: [] }, { kind: 'estate', name: '万达 广场', aliases: [] }, true],
  ] as const)('%j and %j: %s', (a, b, expected) => {
    expect(overlaps(a as never, b as never, streetOf)).toBe(expected);
  });
});
