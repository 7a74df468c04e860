import fc from 'fast-check';
import { chineseNumeral, normalizeAddress } from '@/domain/zoning-match/normalize';
import { runs } from '../../helpers/depth';
import { binaryString } from '../../helpers/binary-string';

describe('normalizeAddress: road and house number', () => {
  it.each([
    // full-width and spaces
    ['６纬路１２号', '6纬路', 12, ''],
    ['六纬路　１２　号', '6纬路', 12, ''],
    [' 六纬路 12 号 ', '6纬路', 12, ''],
    // Chinese numerals, in the house number and in the road name
    ['六纬路十二号', '6纬路', 12, ''],
    ['6纬路二十号', '6纬路', 20, ''],
    ['六纬路一百零五号', '6纬路', 105, ''],
    ['十一经路〇八号', '11经路', 8, ''],
    // house-number markers
    ['六纬路12弄', '6纬路', 12, ''],
    ['六纬路12栋3单元', '6纬路', 12, '3单元'],
    ['六纬路12幢', '6纬路', 12, ''],
    ['六纬路12号楼301', '6纬路', 12, '301'],
    ['六纬路12号院', '6纬路', 12, ''],
    ['六纬路12#楼', '6纬路', 12, ''],
    ['六纬路12', '6纬路', 12, ''],
    // building-unit ranges: the house number is the first number
    ['六纬路12-3号', '6纬路', 12, '-3号'],
    ['六纬路12—3号', '6纬路', 12, '-3号'],
    ['六纬路12～3号', '6纬路', 12, '-3号'],
    // punctuation
    ['六纬路，12号。', '6纬路', 12, ''],
    ['“六纬路”(12号)', '6纬路', 12, ''],
    // suffix variants stay part of the name
    ['成都道8号', '成都道', 8, ''],
    ['中山大街8号', '中山大街', 8, ''],
    ['大王庄街8号', '大王庄街', 8, ''],
    ['建设里3号', '建设里', 3, ''],
    ['草场巷5号', '草场巷', 5, ''],
    ['史家胡同5号', '史家胡同', 5, ''],
    // administrative prefixes are not part of the road
    ['天津市河北区六纬路12号', '6纬路', 12, ''],
    ['河北区望海楼街道六纬路12号', '6纬路', 12, ''],
    ['诚厚里社区建设里3号楼', '建设里', 3, ''],
    ['新疆维吾尔自治区乌鲁木齐市天山区中山路5号', '中山路', 5, ''],
    // …unless stripping would eat the road
    ['天津市市场路5号', '市场路', 5, ''],
    ['工业区路5号', '工业区路', 5, ''],
    ['南市路5号', '南市路', 5, ''],
    // a road without a number, and no road at all
    ['六纬路', '6纬路', null, ''],
    ['万达广场3号楼', null, null, '万达广场3号楼'],
    ['', null, null, ''],
    // too many digits for a house number
    ['六纬路1234567890号', '6纬路', null, ''],
  ])('%s → road %s, number %s, tail %s', (input, road, number, tail) => {
    const a = normalizeAddress(input);
    expect({ road: a.road, number: a.number, tail: a.tail }).toEqual({ road, number, tail });
  });

  it.each([
    ['ＡＢＣ小区', 'abc小区'],
    ['百花路', '百花路'],
    ['天津市河北区六纬路12号', '天津市河北区6纬路12号'],
    ['①号楼', '1号楼'],
    ['a\u0000b\u200bc😀', 'abc'],
  ])('normalized text of %j is %s', (input, out) => expect(normalizeAddress(input).normalized).toBe(out));

  it('keeps different suffixes apart', () => {
    expect(normalizeAddress('大沽路1号').road).not.toBe(normalizeAddress('大沽道1号').road);
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['十', '10'],
    ['十二', '12'],
    ['二十', '20'],
    ['二十一', '21'],
    ['一十一', '11'],
    ['一百', '100'],
    ['一百零五', '105'],
    ['一百五', '150'],
    ['一百一十二', '112'],
    ['一千零二十', '1020'],
    ['二〇二四', '2024'],
    ['零', '0'],
  ])('%s = %s', (run, value) => expect(chineseNumeral(run)).toBe(value));

  it.each(['百', '千', '十十', '一二十', '一百零', '百一', '一零十'])('%s is not a number', (run) => {
    expect(chineseNumeral(run)).toBeNull();
  });
});

describe('normalizeAddress on any input', () => {
  const addressy = fc.string({
    unit: fc.constantFrom(
      ...'天津市河北区望海楼街道社区六纬路道街巷里胡同十百千零〇一二五九0123456789-号弄栋幢楼院#　１２ ，万达广场'.split(
        '',
      ),
    ),
    maxLength: 40,
  });
  const invariants = (s: string) => {
    const a = normalizeAddress(s);
    expect(typeof a.normalized).toBe('string');
    expect(a.normalized.endsWith(a.tail)).toBe(true);
    if (a.road === null) expect(a.number).toBeNull();
    else expect(a.normalized.includes(a.road)).toBe(true);
    if (a.number !== null) expect(Number.isSafeInteger(a.number) && a.number >= 0).toBe(true);
    // Normalising twice changes nothing: rule names and queries may be normalised more than once.
    expect(normalizeAddress(a.normalized)).toEqual(a);
  };

  it('holds its invariants on arbitrary unicode (lone surrogates, control characters)', () => {
    fc.assert(fc.property(binaryString({ maxLength: 200 }), invariants), { numRuns: runs(500) });
  });
  it('holds its invariants on address-like text', () => {
    fc.assert(fc.property(addressy, invariants), { numRuns: runs(1000) });
  });
  it('handles 10k-character strings', () => {
    fc.assert(fc.property(binaryString({ minLength: 10000, maxLength: 10000 }), invariants), {
      numRuns: runs(10),
    });
    invariants('六'.repeat(10000));
    invariants('路1'.repeat(5000));
    invariants('天津市河北区'.repeat(2000));
  });
});
