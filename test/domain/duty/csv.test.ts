import fc from 'fast-check';
import { CSV_HEADER, csvField, monthCsv, monthSummary } from '@/domain/duty';
import { CN, SUBSIDY_TABLE, clockedIn, cn, csvByHeader, csvCol, duty, nightDuty, nightRecord, slot } from './fixtures';

/** A strict RFC 4180 reader, to check the writer against. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), (i += 2));
      else if (c === '"') ((quoted = false), i++);
      else ((field += c), i++);
    } else if (c === '"' && field === '') ((quoted = true), i++);
    else if (c === ',') (row.push(field), (field = ''), i++);
    else if (c === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), (i += 2));
    else if (c === '\r' || c === '\n' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else ((field += c), i++);
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length) (row.push(field), rows.push(row));
  return rows;
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['王老师', '王老师'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    [' padded ', '" padded "'],
    ['=1+1', "'=1+1"],
    ['+86', "'+86"],
    ['-x', "'-x"],
    ['@cmd', "'@cmd"],
    ['=A1,B1', '"\'=A1,B1"'],
    [42, '42'],
    [-3, '-3'],
    [12.5, '12.5'],
    [null, ''],
  ])('%j → %j', (v, out) => {
    expect(csvField(v)).toBe(out);
  });

  it('any text survives a round trip through a strict reader (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [parsed] = parseCsv(`${cells.map(csvField).join(',')}\r\n`);
        expect(parsed).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
      }),
      // Full depth in the inner loop too: a cell needing quotes or a formula guard comes once in
      // twenty-five runs, and thirty runs meet none a third of the time.
      { numRuns: 300 },
    );
  });
});

describe('monthCsv', () => {
  const d1 = duty({
    teacherName: '王, "小" 明\n老师',
    slots: [slot(1, '08:00', '08:45', 2)],
    termStart: '2026-11-01',
    termEnd: '2026-11-30',
  });
  const d2 = nightDuty({ termStart: '2026-11-01', termEnd: '2026-11-30' });
  const records = [
    clockedIn('2026-11-23', '08:00', '08:45', '08:12', { clockOutAt: cn('2026-11-23', '08:45'), late: true }),
    clockedIn('2026-11-30', '08:00', '08:45', '07:59'),
    nightRecord('2026-11-30'),
  ];
  const summary = monthSummary(records, [d1, d2], '2026-11', CN, SUBSIDY_TABLE, {
    d1: { distanceKm: 12, hardship: 2 },
  });
  const names = { schools: { home1: '河东区第一小学', host1: '二号桥小学', host2: '=HYPERLINK("x")' } };
  const text = monthCsv(summary, names);
  const rows = parseCsv(text.slice(1));

  it('starts with a UTF-8 BOM and uses CRLF', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/)).toBeNull();
  });

  it('a Chinese header, then one row per record, totals per duty, per teacher, overall, then notes', () => {
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.map((r) => r[0])).toEqual([
      '类型',
      '记录',
      '记录',
      '记录',
      '任务合计',
      '任务合计',
      '教师合计',
      '总计',
      '说明',
    ]);
    for (const r of rows) expect(r).toHaveLength(CSV_HEADER.length);
  });

  it('quotes names with commas, quotes and newlines, and defuses formulas', () => {
    const first = rows[1];
    expect(first[2]).toBe('王, "小" 明\n老师');
    expect(first[5]).toBe('二号桥小学');
    expect(rows[3][5]).toBe('\'=HYPERLINK("x")');
  });

  it('record rows carry times in China time, minutes, 课时 and flags', () => {
    const [, late, capped, night] = rows;
    expect(csvByHeader(late)).toMatchObject({
      日期: '2026-11-23',
      时段: '08:00–08:45',
      签到时间: '2026-11-23 08:12',
      计入分钟: '33',
      课时: '2',
      迟到: '是',
    });
    expect(csvByHeader(capped)).toMatchObject({ 未签退: '是', 签退时间: '', 备注: '未签退，按时段结束计' });
    expect(csvByHeader(night)).toMatchObject({
      时段: '23:00–次日01:00',
      签退时间: '2026-12-01 01:00',
      计入分钟: '60',
      计入小时: '1',
    });
    const totals = rows.find((r) => r[0] === '总计')!;
    expect(csvByHeader(totals)).toMatchObject({ 计入分钟: '138', 出勤次数: '3', '补助估算（元）': '80' });
    const dutyRow = rows.find((r) => r[0] === '任务合计' && r[3] === '跨校兼课')!;
    expect(dutyRow[csvCol('备注')]).toBe('示例数据：40元/天（10–20公里·偏远）');
    expect(rows.at(-1)![csvCol('备注')]).toContain('示例数据');
  });

  it('teacher names can be overridden', () => {
    const again = parseCsv(monthCsv(summary, { ...names, teachers: { t1: '王小明' } }).slice(1));
    expect(again[1][2]).toBe('王小明');
  });
});
