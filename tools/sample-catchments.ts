/**
 * Sample 登记范围 for the seeded districts, written as bureaus publish them (街道 headers, 社区 names, road
 * ranges with 单双号, 小区 with their other names) so the demo runs the same path a real list does: the
 * text is stored verbatim and read by parseCatchment. The seeds publish no 划片: every list is 示例数据.
 *
 * Coherent by construction: lists are given for 小学 only; the middle school follows from the zoned
 * primary school (对口 or 九年一贯), so no place gets two contradicting middle schools.
 */
import type { CatchmentDoc } from '../src/domain/catchment';
import { shortDivisionName } from '../src/domain/divisions';
import type { School } from '../src/domain/school';
import type { SourceDocument, XuequVersion } from '../src/domain/xuequ';

interface DistrictPlaces {
  code: string;
  name: string;
  streets: Array<{ code: string; name: string; communities: Array<{ code: string; name: string }> }>;
}

/** "诚厚里社区", "渐美村": the name a list uses for a 社区 / 村. */
const listName = (name: string) =>
  /村(民)?委员?会$|村委会$/.test(name) ? `${shortDivisionName(name)}村` : `${shortDivisionName(name)}社区`;

/**
 * Lists of the intake before `intakeYear` and of `intakeYear`: each 社区 of a 街道 a 学区 serves goes, in
 * turn, to one of that 学区's primary schools; every 7th 社区 moves to the next school in the later intake.
 * Schools named after a road (互助道小学) also list numbers of that road; the first 社区 of the first three
 * 街道 is also written as a 小区.
 */
export function sampleCatchments(
  versions: readonly XuequVersion[],
  schools: ReadonlyMap<string, School>,
  dist: DistrictPlaces,
  intakeYear: number,
): CatchmentDoc[] {
  const byId = new Map([...schools.values()].map((s) => [s._id, s]));
  const docs: CatchmentDoc[] = [];
  for (const year of [intakeYear - 1, intakeYear]) {
    const shift = year === intakeYear ? 1 : 0;
    const sections = new Map<string, Map<string, string[]>>(); // school → 街道 → phrases
    const add = (schoolId: string, street: string, phrase: string) => {
      const bySchool = sections.get(schoolId) ?? new Map<string, string[]>();
      sections.set(schoolId, bySchool);
      bySchool.set(street, [...(bySchool.get(street) ?? []), phrase]);
    };
    dist.streets.forEach((street, streetIndex) => {
      const serving = versions.filter((v) => v.streetCodes.includes(street.code));
      street.communities.forEach((c, i) => {
        const x = serving[i % serving.length];
        if (!x) return;
        const ids = [...new Set(x.alliances.flatMap((a) => [...a.leadSchoolIds, ...a.memberSchoolIds]))].filter((id) =>
          byId.get(id)!.stages.includes('primary'),
        );
        if (ids.length === 0) return;
        const moves = shift && i % 7 === 3 ? 1 : 0;
        const schoolId = ids[(Math.floor(i / serving.length) + moves) % ids.length];
        add(schoolId, street.name, listName(c.name));
        if (i === 0 && streetIndex < 3 && /社区居委会$/.test(c.name))
          add(schoolId, street.name, `${shortDivisionName(c.name)}小区（又称${shortDivisionName(c.name)}）`);
      });
    });
    for (const x of versions) {
      for (const id of new Set(x.alliances.flatMap((a) => [...a.leadSchoolIds, ...a.memberSchoolIds]))) {
        const road = /^(.+?[路道街])小学$/.exec(byId.get(id)!.name)?.[1];
        const street = dist.streets.find((s) => x.streetCodes.includes(s.code))?.name;
        if (road && street) add(id, street, `${road}1-199号（单号）、2-40号（双号）`);
      }
    }
    const document: SourceDocument = {
      title: `${dist.name}${year}年义务教育小学招生登记范围（示例数据）`,
      issuer: '示例数据：非官方公布',
      date: `${year}-04-20`,
      number: null,
    };
    for (const [schoolId, byStreet] of sections) {
      // Lists head each 街道's section with its name (a 林场 or 港区 is not written as a header).
      const text = [...byStreet]
        .map(([street, phrases]) => `${/(街道|镇|乡)$/.test(street) ? `${street}\n` : ''}${phrases.join('、')}`)
        .join('\n');
      docs.push({
        _id: `ct-${year}-primary-${schoolId}`,
        districtCode: dist.code,
        intakeYear: year,
        stage: 'primary',
        schoolId,
        mechanism: 'single',
        text,
        document,
        sample: true,
      });
    }
  }
  return docs;
}
