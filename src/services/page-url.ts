/**
 * A page's state in its URL, so that a reload, a bookmark or a shared link shows the same thing.
 * In the browser the hash route is rewritten (replace: the same history entry; push: a new entry that
 * browser back returns from). A mini-program page has no address bar: there the same query goes into
 * the share card's path (onShareAppMessage) and comes back as the page's options.
 */

export type PageQuery = Record<string, string | null | undefined>;

/** `a=1&b=x` with values encoded; empty values left out, keys in the given order. */
export function queryString(query: PageQuery): string {
  return Object.entries(query)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

/** `/pages/x/index?…` (no `?` when the query is empty). */
export function pagePath(route: string, query: PageQuery): string {
  const qs = queryString(query);
  return qs ? `${route}?${qs}` : route;
}

/** One route parameter, decoded (both Taro's H5 router and WeChat hand them over still encoded). */
export function readParam(params: Record<string, string | undefined>, key: string): string | null {
  const raw = params[key];
  if (raw === undefined || raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Whether the browser's current URL is this page (the tab page may be hidden behind another). */
function showing(route: string): boolean {
  const hash = window.location.hash.replace(/^#/, '');
  const path = hash.split('?')[0];
  return path === route || path === '/' || path === '';
}

/** Writes the page's query into the browser URL; nothing in a mini-program. */
export function writePageQuery(route: string, query: PageQuery, mode: 'replace' | 'push' = 'replace'): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || !showing(route)) return;
  const target = `#${pagePath(route, query)}`;
  if (window.location.hash === target) return;
  const url = `${window.location.pathname}${window.location.search}${target}`;
  const state = (window.history.state ?? {}) as { idx?: number };
  if (mode === 'push') {
    // The router's history keeps its position in state.idx: a new entry is one further on.
    window.history.pushState(
      { ...state, idx: (state.idx ?? 0) + 1, key: Math.random().toString(36).slice(2, 10) },
      '',
      url,
    );
  } else {
    window.history.replaceState(state, '', url);
  }
}
