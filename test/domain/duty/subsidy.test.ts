import fc from 'fast-check';
import { subsidyFor, subsidyTableProblems } from '@/domain/duty';
import type { SubsidyRate, SubsidyTableFile } from '@/domain/duty';
import { SUBSIDY_TABLE } from './fixtures';
import { runs } from '../../helpers/depth';

describe('data/subsidy-table.json', () => {
  it('is well formed, for the three seeded districts, and sample data throughout', () => {
    expect(subsidyTableProblems(SUBSIDY_TABLE)).toEqual([]);
    expect(Object.keys(SUBSIDY_TABLE.districts).sort()).toEqual(['110101', '120102', '350205']);
    expect(SUBSIDY_TABLE.sample).toBe(true);
    for (const t of Object.values(SUBSIDY_TABLE.districts)) expect(t.sample).toBe(true);
    expect(SUBSIDY_TABLE.note).toContain('003');
    expect(SUBSIDY_TABLE.note).toContain('差异化补助');
    expect(SUBSIDY_TABLE.note).toContain('示例');
  });

  it('never pays less for a longer trip or a harder school (property)', () => {
    const rate = (code: string, km: number, h: number) =>
      (subsidyFor(SUBSIDY_TABLE, code, km, h) as SubsidyRate).yuanPerDay;
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(SUBSIDY_TABLE.districts)),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.constantFrom(1, 2, 3),
        fc.constantFrom(1, 2, 3),
        (code, a, b, h1, h2) => {
          const [near, far] = a <= b ? [a, b] : [b, a];
          const [easy, hard] = h1 <= h2 ? [h1, h2] : [h2, h1];
          expect(rate(code, near, easy)).toBeLessThanOrEqual(rate(code, far, easy));
          expect(rate(code, near, easy)).toBeLessThanOrEqual(rate(code, near, hard));
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

describe('subsidyFor', () => {
  it.each([
    [0, 1, '3公里以内', 0],
    [2.999, 2, '3公里以内', 10],
    [3, 1, '3–10公里', 15],
    [9.999, 3, '3–10公里', 35],
    [10, 1, '10–20公里', 25],
    [19.99, 2, '10–20公里', 40],
    [20, 3, '20公里及以上', 80],
    [480, 1, '20公里及以上', 40],
  ])('河东区 %f km, hardship %i → %s, %i 元/天', (km, hardship, label, yuan) => {
    expect(subsidyFor(SUBSIDY_TABLE, '120102', km, hardship)).toMatchObject({
      ok: true,
      yuanPerDay: yuan,
      hardship,
      sample: true,
      band: { label },
    });
  });

  it('each district has its own amounts', () => {
    expect(subsidyFor(SUBSIDY_TABLE, '350205', 25, 3)).toMatchObject({ yuanPerDay: 90 });
    expect(subsidyFor(SUBSIDY_TABLE, '110101', 5, 1)).toMatchObject({ yuanPerDay: 20 });
  });

  it.each([
    ['440101', 5, 1, 'NO_SUBSIDY_TABLE'],
    ['120102', -0.1, 1, 'INVALID_DISTANCE'],
    ['120102', Number.NaN, 1, 'INVALID_DISTANCE'],
    ['120102', Number.POSITIVE_INFINITY, 1, 'INVALID_DISTANCE'],
    ['120102', 5, 0, 'INVALID_HARDSHIP'],
    ['120102', 5, 4, 'INVALID_HARDSHIP'],
    ['120102', 5, 1.5, 'INVALID_HARDSHIP'],
  ])('%s %f km hardship %f → %s', (code, km, h, expected) => {
    expect(subsidyFor(SUBSIDY_TABLE, code, km, h)).toMatchObject({ ok: false, code: expected });
  });
});

describe('subsidyTableProblems', () => {
  it('catches gaps, a closed last band, missing amounts and negative amounts', () => {
    const broken: SubsidyTableFile = {
      unit: 'yuan-per-attended-day',
      sample: true,
      note: '',
      districts: {
        '12010': {
          districtName: 'x',
          bands: [
            { minKm: 0, maxKm: 3, label: 'a' },
            { minKm: 4, maxKm: 10, label: 'b' },
          ],
          yuanPerDay: [
            [0, 1],
            [1, 2, -3],
            [9, 9, 9],
          ],
          sample: true,
          note: '',
        },
      },
    };
    expect(subsidyTableProblems(broken)).toEqual([
      '补助标准 12010：区县代码应为 6 位数字',
      '补助标准 12010：第2档应从 3 公里开始',
      '补助标准 12010：只有最后一档没有上限',
      '补助标准 12010：金额行数应等于距离档数',
      '补助标准 12010：第1档应有 3 个艰苦程度的金额',
      '补助标准 12010：第2档金额应为不小于 0 的数',
    ]);
  });
});
