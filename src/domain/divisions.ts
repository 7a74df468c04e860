import { normalizeText } from './text';
import { cleanAddress, normalizeAddress } from './zoning-match/normalize';

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

/**
 * Divisions a typed address names as places, not as part of its road: 北京路15号 does not name 北京街道,
 * nor 文明路 a 文明社区 (a road runs through several 街道; its name says nothing about which one). A road
 * that IS the place (诚厚里 of 诚厚里社区, a 里 named like its 社区) still names it.
 */
export function divisionsNamedInAddress<T extends Division>(divisions: readonly T[], address: string): T[] {
  const { road, normalized } = normalizeAddress(address);
  const besideRoad = road === null ? normalized : normalized.replace(road, '');
  const inRoad = (d: T) => {
    const name = cleanAddress(shortDivisionName(d.name));
    return road !== null && road.includes(name) && !road.endsWith(name) && !besideRoad.includes(name);
  };
  return divisionsNamedIn(
    divisions.filter((d) => !inRoad(d)),
    address,
  );
}
