import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useTestApp } from '../helpers/local-app';

// The seed invariant, through the built `school` bundle: every 社区 of every seeded district gets an answer
// per stage, and never two contradicting middle schools.
const app = useTestApp();
const divisions = JSON.parse(readFileSync(path.join(__dirname, '../../data/divisions.json'), 'utf8')) as {
  districts: Array<{
    code: string;
    name: string;
    streets: Array<{ code: string; communities: Array<{ code: string; name: string }> }>;
  }>;
};
const lookup = async (input: Record<string, unknown>) => {
  const { result } = (await app.cloud.invoke('school', { action: 'lookup', ...input }, null)) as { result: any };
  expect(result.ok).toBe(true);
  return result.data;
};

describe('every 社区 of every district gets one coherent answer', () => {
  for (const district of divisions.districts) {
    it(`${district.name}: every 社区 answered, one middle-school path`, async () => {
      const mechanisms = new Map<string, number>();
      for (const street of district.streets) {
        for (const c of street.communities) {
          const data = await lookup({ districtCode: district.code, communityCode: c.code });
          const year = data.years[0];
          expect(year.label).toBe('2027年秋季入学 · 2020-09-01至2021-08-31出生');
          expect(year.answers.map((a: any) => a.stage)).toEqual(['primary', 'middle']);
          for (const a of year.answers) {
            expect(a.statement.length).toBeGreaterThan(8);
            if (['xuequ', 'unknown', 'ambiguous'].includes(a.mechanism)) expect(a.decidedBy).toContain(district.name);
            mechanisms.set(`${a.stage}:${a.mechanism}`, (mechanisms.get(`${a.stage}:${a.mechanism}`) ?? 0) + 1);
          }
          const middle = year.answers[1];
          expect(['alternatives', 'ambiguous']).not.toContain(middle.mechanism);
          // The 对口 / 九年一贯 line of the zoned primary school is the middle answer, not a second one.
          const feeder = year.zoned.find((z: any) => z.stage === 'primary')?.feeder;
          if (feeder) expect(middle.schools.map((s: any) => s.name)).toEqual(feeder.schools.map((s: any) => s.name));
        }
      }
      // Each district exercises the path its documents describe.
      const counts = Object.fromEntries(mechanisms);
      if (district.code === '110101') expect(counts['primary:xuequ']).toBe(169);
      if (district.code === '120102') expect(counts['primary:single']).toBeGreaterThan(150);
    });
  }
});

describe('what the parent sees', () => {
  it('a 东城区 社区: the 学区 of its 街道 and 多校划片 within it, who decides', async () => {
    const data = await lookup({ districtCode: '110101', communityCode: '110101001001' });
    expect(data.xuequ.map((x: any) => x.name)).toEqual(['东华门学区']);
    const primary = data.years[0].answers[0];
    expect(primary.mechanism).toBe('xuequ');
    expect(primary.statement).toContain('东华门学区');
    expect(primary.statement).toContain('多校划片');
  });

  it('a 河东区 address is answered by the published phrase it matched, with the 对口 middle school as the one path', async () => {
    const data = await lookup({ districtCode: '120102', address: '河东区互助道15号3门' });
    const [primary] = data.zoned;
    expect(primary.school.name).toBe('互助道小学');
    expect(primary.rule.text).toBe('互助道1-199号（单号）、2-40号（双号）');
    expect(primary.rule.sample).toBe(true);
    const [p, m] = data.years[0].answers;
    expect(p).toMatchObject({ mechanism: 'single', schools: [{ name: '互助道小学' }] });
    expect(m).toMatchObject({ mechanism: 'feeder', schools: [{ name: '第四十五中学' }] });
  });

  it('a number outside every range is "none of these schools", and a road without a number asks for it', async () => {
    const none = await lookup({ districtCode: '120102', address: '互助道500号' });
    expect(none.zoned).toEqual([]);
    const noNumber = await lookup({ districtCode: '120102', address: '互助道' });
    expect(noNumber.notes.join()).toContain('请填写门牌号');
  });

  it('a picked 社区 and a typed address of another 学区 are reported as disagreeing', async () => {
    const data = await lookup({ districtCode: '120102', communityCode: '120102001001', address: '互助道15号' });
    expect(data.notes.join()).toMatch(/所选.+对应.+而输入的地址对应互助道小学/);
    expect(data.zoned.map((z: any) => z.school.name)).toEqual(['互助道小学']);
  });
});
