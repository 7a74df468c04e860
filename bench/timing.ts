import { performance } from 'node:perf_hooks';

/** One warm-up run, then the best time of `passes` (ms) with the last result. */
export function bestOf<T>(passes: number, run: () => T): { result: T; ms: number } {
  let result = run();
  let ms = Infinity;
  for (let pass = 0; pass < passes; pass++) {
    const t = performance.now();
    result = run();
    ms = Math.min(ms, performance.now() - t);
  }
  return { result, ms };
}
