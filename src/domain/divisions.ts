import { normalizeText } from './text';

export interface Division {
  code: string;
  name: string;
  level: 'street' | 'community';
  parentCode: string;
}

/** The name people use: 诚厚里社区居委会 → 诚厚里, 大王庄街道 → 大王庄. */
export function shortDivisionName(name: string): string {
  return name.replace(/(社区居民委员会|社区居委会|居委会|村民委员会|村委会|社区|街道办事处|街道)$/, '');
}

/**
 * Divisions named in free text (an address or a place name): communities first, then 街道. A short name
 * must be at least two characters so that single common characters do not match everything.
 */
export function divisionsNamedIn<T extends Division>(divisions: readonly T[], text: string): T[] {
  const q = normalizeText(text);
  if (!q) return [];
  const named = (d: T) => {
    const short = normalizeText(shortDivisionName(d.name));
    return short.length >= 2 && (q.includes(short) || (q.length >= 2 && short.includes(q)));
  };
  const communities = divisions.filter((d) => d.level === 'community' && named(d));
  return communities.length > 0 ? communities : divisions.filter((d) => d.level === 'street' && named(d));
}
