/**
 * The input bound of every event (EVENT_LIMITS): refusing costs at most the limits, counted by the
 * values the check reads, whatever the size of the input.
 */
import { EVENT_LIMITS } from '@/contracts/event';
import { inputOutOfBounds } from '@/server/input-bounds';
import { FAST_DEPTH } from '../helpers/depth';

/** Wraps every object of a value so that reads of its properties are counted. */
function counted<T extends object>(value: T, reads: { n: number }): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      reads.n++;
      const v = Reflect.get(target, key, receiver);
      return typeof v === 'object' && v !== null ? counted(v, reads) : v;
    },
  });
}

const wide = (n: number): Record<string, unknown> =>
  Object.fromEntries(Array.from({ length: n }, (_x, i) => [`k${i}`, i]));

function deep(levels: number, leaf: unknown = 1): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

it('a valid-sized input passes: the largest legitimate shapes', () => {
  expect(
    inputOutOfBounds({
      action: 'importUpload',
      uploadId: 'u-12345678',
      index: 0,
      total: 80,
      piece: 'x'.repeat(90_000),
    }),
  ).toBeNull();
  expect(inputOutOfBounds({ action: 'x', edit: deep(EVENT_LIMITS.depth - 1, ['a', 'b']) })).toBeNull();
  expect(inputOutOfBounds({ action: 'x', ...wide(EVENT_LIMITS.nodes - 1) })).toBeNull();
});

// Far past the node limit: 400,000 keys in the full run; the inner loop takes twenty times the limit, as
// far past it for the check (which stops at the limit) at a tenth of the cost of building the object.
const KEYS = FAST_DEPTH ? 20 * EVENT_LIMITS.nodes : 400_000;
let keys: Record<string, unknown> | undefined;
/** One object of KEYS keys for both cases (neither changes it): building it is most of their cost. */
const manyKeys = () => (keys ??= wide(KEYS));

it.each([
  [`${KEYS.toLocaleString('en-US')} top-level keys`, () => ({ action: 'x', ...manyKeys() }), /字段和列表项超过/],
  [
    `${KEYS.toLocaleString('en-US')} keys one level down`,
    () => ({ action: 'x', filter: manyKeys() }),
    /字段和列表项超过/,
  ],
  ['an array of 1,000,000 items', () => ({ action: 'x', ids: new Array(1_000_000).fill('a') }), /字段和列表项超过/],
  ['10,000 levels of objects', () => ({ action: 'x', q: deep(10_000) }), /嵌套过深/],
  [
    'text over the limit in many small strings',
    () => ({ action: 'x', list: new Array(1_500).fill('字'.repeat(250)) }),
    /文字超过/,
  ],
])('%s: refused after reading at most the limits', (_name, make, message) => {
  const reads = { n: 0 };
  const problem = inputOutOfBounds(counted(make() as Record<string, unknown>, reads));
  expect(problem).toEqual({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(message) });
  expect(reads.n).toBeLessThanOrEqual(EVENT_LIMITS.nodes + 1);
});

it('platform keys are not counted', () => {
  expect(
    inputOutOfBounds({ action: 'x', tcbContext: wide(5_000), userInfo: { openId: 'o'.repeat(400_000) } }),
  ).toBeNull();
});
