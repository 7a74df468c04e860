/**
 * Aho–Corasick over UTF-16 code units: finds every occurrence of many patterns in one pass over the text,
 * O(|text| + occurrences) per search after an O(total pattern length) build.
 */
export interface Automaton {
  next: Array<Map<number, number>>;
  fail: number[];
  /** Pattern ids ending exactly at a node. */
  out: Array<number[] | undefined>;
  /** The nearest node on the fail chain that ends a pattern (0 = none; the root ends none). */
  dict: number[];
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const a: Automaton = { next: [new Map()], fail: [0], out: [undefined], dict: [0] };
  patterns.forEach((p, id) => {
    if (p === '') return;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let t = a.next[s].get(c);
      if (t === undefined) {
        t = a.next.length;
        a.next.push(new Map());
        a.fail.push(0);
        a.out.push(undefined);
        a.dict.push(0);
        a.next[s].set(c, t);
      }
      s = t;
    }
    (a.out[s] ??= []).push(id);
  });
  // Breadth first, so a node's fail target (always shallower) is final before the node is read.
  const queue: number[] = [...a.next[0].values()];
  for (let h = 0; h < queue.length; h++) {
    const u = queue[h];
    for (const [c, v] of a.next[u]) {
      let f = a.fail[u];
      while (f !== 0 && !a.next[f].has(c)) f = a.fail[f];
      const target = a.next[f].get(c);
      a.fail[v] = target !== undefined && target !== v ? target : 0;
      a.dict[v] = a.out[a.fail[v]] ? a.fail[v] : a.dict[a.fail[v]];
      queue.push(v);
    }
  }
  return a;
}

/** Calls onMatch(id, end) for each occurrence of each pattern in text (end: just after the occurrence). */
export function searchAutomaton(a: Automaton, text: string, onMatch: (id: number, end: number) => void): void {
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let t = a.next[s].get(c);
    while (t === undefined && s !== 0) {
      s = a.fail[s];
      t = a.next[s].get(c);
    }
    s = t ?? 0;
    for (let o = a.out[s] ? s : a.dict[s]; o !== 0; o = a.dict[o]) {
      for (const id of a.out[o]!) onMatch(id, i + 1);
    }
  }
}
