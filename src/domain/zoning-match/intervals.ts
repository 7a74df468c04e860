/**
 * A static index of closed intervals for stabbing queries ("which [from, to] contain n"), after Heng Li's
 * cgranges: intervals sorted by start, read as an implicit balanced binary tree (the middle of a range is
 * its root), each node keeping the largest end in its subtree so whole subtrees that end before n are
 * skipped. Overlapping intervals are fine. Build O(m log m); a query visits O(log m) nodes per interval found.
 */
export interface Intervals<T> {
  from: number[];
  to: number[];
  /** maxTo[mid] = largest `to` in the subtree rooted at mid. */
  maxTo: number[];
  items: T[];
}

export function buildIntervals<T>(list: ReadonlyArray<{ from: number; to: number; item: T }>): Intervals<T> {
  // An interval with from > to (or NaN) contains nothing.
  const sorted = list.filter((x) => x.from <= x.to).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const ix: Intervals<T> = {
    from: sorted.map((x) => x.from),
    to: sorted.map((x) => x.to),
    maxTo: sorted.map((x) => x.to),
    items: sorted.map((x) => x.item),
  };
  const fill = (lo: number, hi: number): number => {
    if (lo >= hi) return -Infinity;
    const mid = (lo + hi) >>> 1;
    ix.maxTo[mid] = Math.max(ix.to[mid], fill(lo, mid), fill(mid + 1, hi));
    return ix.maxTo[mid];
  };
  fill(0, sorted.length);
  return ix;
}

/** Appends to `out` every item whose interval contains n, in start order. */
export function stab<T>(ix: Intervals<T>, n: number, out: T[]): void {
  visit(ix, 0, ix.items.length, n, out);
}

function visit<T>(ix: Intervals<T>, lo: number, hi: number, n: number, out: T[]): void {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ix.maxTo[mid] < n) return; // everything here ends before n
    visit(ix, lo, mid, n, out);
    if (ix.from[mid] > n) return; // mid and everything after it starts after n
    if (ix.to[mid] >= n) out.push(ix.items[mid]);
    lo = mid + 1;
  }
}
