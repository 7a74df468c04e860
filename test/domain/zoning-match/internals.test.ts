import fc from 'fast-check';
import { buildAutomaton, searchAutomaton } from '@/domain/zoning-match/aho-corasick';
import { buildIntervals, stab } from '@/domain/zoning-match/intervals';
import { runs } from '../../helpers/depth';

describe('interval stabbing', () => {
  it('finds exactly the intervals containing n, overlaps included', () => {
    const interval = fc.tuple(fc.integer({ min: -3, max: 60 }), fc.integer({ min: -3, max: 60 }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 80 }), fc.integer({ min: -5, max: 65 }), (list, n) => {
        const ix = buildIntervals(list.map(([from, to], item) => ({ from, to, item })));
        const found: number[] = [];
        stab(ix, n, found);
        const expected = list.flatMap(([from, to], i) => (from <= n && n <= to ? [i] : []));
        expect(found.sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('Aho–Corasick', () => {
  it('finds every occurrence of every pattern', () => {
    const small = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '路'), maxLength: 5 });
    fc.assert(
      fc.property(
        fc.uniqueArray(small, { maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', '路'), maxLength: 30 }),
        (patterns, text) => {
          const found: string[] = [];
          searchAutomaton(buildAutomaton(patterns), text, (id) => found.push(patterns[id]));
          const expected: string[] = [];
          for (const p of patterns) {
            if (p === '') continue;
            for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) expected.push(p);
          }
          expect(found.sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});
