/**
 * How deep the randomised suites go. The full run (`npm test`) takes every property to the number of
 * runs its test names; the inner loop (`npm run test:fast`: jest.fast.config.js sets
 * XUEQU_TEST_DEPTH=fast) takes a tenth, at least five, so each property is still exercised in seconds
 * and CI keeps the full depth.
 */
export const FAST_DEPTH = process.env.XUEQU_TEST_DEPTH === 'fast';

/** The runs of a property: `full` in the full run, a tenth (≥ 5, ≤ full) in the inner loop. */
export function runs(full: number): number {
  return FAST_DEPTH ? Math.min(full, Math.max(5, Math.ceil(full / 10))) : full;
}
