/**
 * The JSON round trip `callFunction` puts an event and a result through (Dates become strings,
 * `undefined` is dropped, a missing result is `null`). The platform parses an event of any depth, but
 * V8's JSON.stringify recurses and overflows at a few thousand levels: those values are copied by an
 * iterative walk with JSON's rules instead, so a function still sees (and must refuse) deep input.
 */
export function viaJson(v: unknown): unknown {
  if (v === undefined) return null;
  try {
    const text = JSON.stringify(v);
    return text === undefined ? null : JSON.parse(text);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e; // circular structures and BigInt stay errors, as in JSON
    return iterativeCopy(v) ?? null;
  }
}

/** A bound on the iterative copy: JSON text within the gateway's 6 MB has far fewer values. */
const MAX_VALUES = 10_000_000;

const SKIP = Symbol('skip');

/** One value as JSON.stringify sees it: toJSON applied, boxed primitives unwrapped, non-JSON values skipped. */
function jsonValue(v: unknown, key: string): unknown {
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON(k: string): unknown }).toJSON(key);
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return SKIP;
  return v;
}

function iterativeCopy(root: unknown): unknown {
  const top = jsonValue(root, '');
  if (top === SKIP) return undefined;
  const shell = (v: unknown): unknown => (Array.isArray(v) ? [] : typeof v === 'object' && v !== null ? {} : v);
  const copy = shell(top);
  const stack: Array<{ from: unknown; to: unknown }> = copy !== top ? [{ from: top, to: copy }] : [];
  let values = 0;
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { from, to } = item;
    const keys = Array.isArray(from) ? from.map((_x, i) => String(i)) : Object.keys(from as object);
    for (const key of keys) {
      if (++values > MAX_VALUES) throw new RangeError('value too large to pass as JSON');
      const v = jsonValue((from as Record<string, unknown>)[key], key);
      if (v === SKIP && !Array.isArray(from)) continue;
      const out = v === SKIP ? null : shell(v);
      if (Array.isArray(to)) to.push(out);
      // defineProperty: a "__proto__" key stays an own property, as JSON.parse makes it.
      else Object.defineProperty(to, key, { value: out, enumerable: true, writable: true, configurable: true });
      if (out !== v && v !== SKIP) stack.push({ from: v, to: out });
    }
  }
  return copy;
}
