import fc from 'fast-check';
import { normalizeText, searchByName } from '@/domain/text';
import { divisionsNamedIn, shortDivisionName, type Division } from '@/domain/divisions';
import { runs } from '../helpers/depth';
import { binaryString } from '../helpers/binary-string';

describe('normalising what people type', () => {
  it.each([
    ['七中教育集团·东局子学校', '七中教育集团东局子学校'],
    ['七中教育集团・东局子学校', '七中教育集团东局子学校'],
    ['第 一 中心小学', '第一中心小学'],
    ['６纬路１２号', '6纬路12号'],
    ['ＡＢＣ', 'abc'],
  ])('%s → %s', (input, out) => expect(normalizeText(input)).toBe(out));

  it('never throws on any string', () => {
    fc.assert(
      fc.property(binaryString(), (s) => typeof normalizeText(s) === 'string'),
      { numRuns: runs(100) },
    );
  });
});

describe('finding schools by name', () => {
  const schools = [
    { name: '实验小学' },
    { name: '第二实验小学' },
    { name: '实验教育集团·凤凰小学' },
    { name: '七中教育集团·东局子学校' },
  ];
  it('puts the exact name first', () => {
    expect(searchByName(schools, '实验小学').map((s) => s.name)).toEqual(['实验小学', '第二实验小学']);
  });
  it('ignores the middle dot and spaces', () => {
    expect(searchByName(schools, '七中教育集团 东局子').map((s) => s.name)).toEqual(['七中教育集团·东局子学校']);
  });
  it('an empty query finds nothing rather than everything', () => {
    expect(searchByName(schools, '  ')).toEqual([]);
  });
});

describe('divisions named in free text', () => {
  const d: Division[] = [
    { code: '1', name: '大王庄街道', level: 'street', parentCode: '0' },
    { code: '11', name: '诚厚里社区居委会', level: 'community', parentCode: '1' },
    { code: '2', name: '中山门街道', level: 'street', parentCode: '0' },
  ];
  it('short names drop the administrative suffix', () => {
    expect(shortDivisionName('诚厚里社区居委会')).toBe('诚厚里');
    expect(shortDivisionName('大王庄街道')).toBe('大王庄');
  });
  it('a community named in an address wins over its street', () => {
    expect(divisionsNamedIn(d, '天津市河东区大王庄诚厚里5号楼').map((x) => x.code)).toEqual(['11']);
  });
  it('falls back to the street, and to nothing', () => {
    expect(divisionsNamedIn(d, '中山门附近').map((x) => x.code)).toEqual(['2']);
    expect(divisionsNamedIn(d, '某某路')).toEqual([]);
  });
});
