import type { CatchmentPlaces } from './types';

/**
 * 社区 / 村 and 街道 names as lists write them, matched to the district's official divisions: "诚厚里社区"
 * is 诚厚里社区居委会, "新兴村" is 新兴村村民委员会, "东孚镇" is 东孚街道. A 社区 and a 村 of the same
 * name are different places; a name the district has twice (in different 街道) is taken from the 街道
 * the list is under, and is not guessed otherwise.
 */

const DIVISION_SUFFIXES = [
  '社区居民委员会',
  '社区居委会',
  '居民委员会',
  '村民委员会',
  '居委会',
  '村委会',
  '社区',
  '居委',
  '村',
];
const VILLAGE = new Set(['村民委员会', '村委会', '村']);
const STREET_SUFFIX = /(?:街道办事处|街道|办事处|镇|乡|地区)$/;

type DivisionType = 'village' | 'community';

/** The name without its suffixes ("新兴村村民委员会" → 新兴) and whether it is a village. */
export function divisionKey(name: string): { key: string; type: DivisionType | null } {
  let key = name.replace(/\s+/g, '');
  let type: DivisionType | null = null;
  for (let changed = true; changed;) {
    changed = false;
    for (const s of DIVISION_SUFFIXES) {
      if (key.endsWith(s) && key.length - s.length >= 2) {
        type ??= VILLAGE.has(s) ? 'village' : 'community';
        key = key.slice(0, -s.length);
        changed = true;
        break;
      }
    }
  }
  return { key, type };
}

const streetKey = (name: string) => name.replace(/\s+/g, '').replace(STREET_SUFFIX, '');

export function findStreet(name: string, places: CatchmentPlaces): { code: string; name: string } | null {
  const key = streetKey(name);
  if (key.length < 2) return null;
  const found = (places?.streets ?? []).filter((s) => s.name === name || streetKey(s.name) === key);
  return found.length === 1 ? found[0] : (found.find((s) => s.name === name) ?? null);
}

export function findCommunity(
  name: string,
  places: CatchmentPlaces,
  street: string | null,
): { code: string; name: string } | null {
  const want = divisionKey(name);
  if (want.key.length < 2) return null;
  const all = (places?.communities ?? []).filter((c) => divisionKey(c.name).key === want.key);
  const sameType = all.filter((c) => divisionKey(c.name).type === want.type);
  const found = sameType.length > 0 ? sameType : all;
  if (found.length <= 1) return found[0] ?? null;
  const streetCode = street ? findStreet(street, places)?.code : undefined;
  const inStreet = streetCode ? found.filter((c) => c.parentCode === streetCode) : [];
  return inStreet.length === 1 ? inStreet[0] : null;
}
