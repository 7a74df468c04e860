import { useTestApp } from '../helpers/local-app';
import { inquiryRequest } from '../helpers/calls';

// The built `school` bundle through the local runtime and the real wx-server-sdk.
const app = useTestApp();

const school = async (data: Record<string, unknown>) =>
  (await app.cloud.invoke('school', data, null)) as { result: any; roundTrips: number };

describe('school.listDistricts / listDivisions', () => {
  it('lists the three seeded districts with their current 学区 counts', async () => {
    const { result } = await school({ action: 'listDistricts' });
    expect(result.ok).toBe(true);
    expect(result.data.map((d: any) => [d.code, d.name, d.xuequCount])).toEqual([
      ['110101', '东城区', 8],
      ['120102', '河东区', 5],
      ['350205', '海沧区', 5],
    ]);
  });

  it('gives 河东区 its 13 街道 and 168 社区 with official codes', async () => {
    const { result } = await school({ action: 'listDivisions', districtCode: '120102' });
    expect(result.data.streets).toHaveLength(13);
    expect(result.data.streets.reduce((n: number, s: any) => n + s.communities.length, 0)).toBe(168);
    expect(result.data.streets[0]).toMatchObject({ code: '120102001', name: '大王庄街道' });
  });
});

describe('school.lookup', () => {
  it('a 河东区 社区 gets its 学区 with lead schools and members, and the zoned schools with the rule', async () => {
    const { result } = await school({
      action: 'lookup',
      districtCode: '120102',
      streetCode: '120102005',
      communityCode: '120102005001',
    });
    expect(result.ok).toBe(true);
    const d = result.data;
    expect(d.street.name).toBe('二号桥街道');
    expect(d.schoolYear).toBe(2027);
    expect(d.xuequ.map((x: any) => x.name)).toEqual(['第一学区']);
    const primary = d.xuequ[0].alliances.find((a: any) => a.stage === 'primary');
    expect(primary.leads.map((s: any) => s.name)).toEqual(['互助道小学']);
    expect(primary.leadTitle).toBe('学区长学校');
    // Lists are published for 小学; the middle school follows from the primary school's 对口.
    expect(d.zoned.map((z: any) => z.stage)).toEqual(['primary']);
    expect(d.years[0].answers[1].mechanism).toMatch(/^(feeder|nine-year)$/);
    for (const z of d.zoned) {
      expect(z.rule.sample).toBe(true);
      expect(z.rule.schoolYear).toBe(2027);
      expect(z.rule.document.title).toContain('示例数据');
      expect(z.reason).toContain(d.community.name);
    }
    expect(d.notes).toEqual([]);
  });

  it('finds a nine-year school by part of its name, in both lists of 第三学区', async () => {
    const { result } = await school({ action: 'lookup', districtCode: '120102', schoolName: '东局子' });
    expect(result.data.schools.map((s: any) => [s.school.name, s.school.kind])).toEqual([
      ['七中教育集团·东局子学校', 'nine-year'],
    ]);
    expect(result.data.xuequ.map((x: any) => x.name)).toEqual(['第三学区']);
  });

  it('reads a 社区 out of a typed address without storing it', async () => {
    const { result } = await school({ action: 'lookup', districtCode: '120102', address: '河东区大王庄诚厚里3号楼' });
    expect(result.data.community.name).toBe('诚厚里社区居委会');
    expect(result.data.zoned.map((z: any) => z.stage)).toEqual(['primary']);
    expect(result.data.years[0].answers.map((a: any) => a.schools.length)).toEqual([1, 1]);
  });

  it('a 街道 shared by two 学区 lists both and says how to decide', async () => {
    const { result } = await school({ action: 'lookup', districtCode: '350205', streetCode: '350205004' });
    expect(result.data.xuequ.map((x: any) => x.name)).toEqual(['东孚一学区', '东孚二学区']);
    expect(result.data.notes.join()).toContain('选择社区');
    expect(result.data.xuequ[0].alliances[0].leadTitle).toBe('牵头中学');
  });

  it('a 街道 outside 东孚/新阳 gets the 临港学区 that serves it, and says its schools are not listed and who decides', async () => {
    const { result } = await school({ action: 'lookup', districtCode: '350205', streetCode: '350205003' });
    expect(result.data.xuequ.map((x: any) => [x.name, x.streetsSample])).toEqual([['临港学区', true]]);
    const primary = result.data.years[0].answers[0];
    expect(primary).toMatchObject({ mechanism: 'xuequ', decidedBy: '海沧区教育局' });
    expect(primary.statement).toContain('文件未列出学区内的小学名单');
  });

  it('Dongcheng 学区 are groups of 街道, marked as sample', async () => {
    const { result } = await school({ action: 'lookup', districtCode: '110101', streetCode: '110101010' });
    expect(result.data.xuequ.map((x: any) => [x.name, x.sample])).toEqual([['和平里学区', true]]);
  });

  it('a 社区 of another district is refused, naming the field', async () => {
    const { result } = await school({ action: 'lookup', districtCode: '350205', communityCode: '120102005001' });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'communityCode' });
  });
});

describe('school.getXuequ', () => {
  it('returns one 学区 in full', async () => {
    const { result } = await school({ action: 'getXuequ', xuequId: 'hd-x4' });
    expect(result.data.name).toBe('第四学区');
    expect(result.data.alliances).toHaveLength(3);
    expect(result.data.source.date).toBe('2020-05-21');
  });
  it('an unknown 学区 is NOT_FOUND', async () => {
    const { result } = await school({ action: 'getXuequ', xuequId: 'nope' });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('bad input gets a clear error and touches nothing', () => {
  it.each([
    [{ action: 'lookup', districtCode: '12' }, 'districtCode', '区县代码'],
    [{ action: 'lookup' }, 'districtCode', '缺少区县代码'],
    [{ action: 'lookup', districtCode: { $gt: '' } }, 'districtCode', 'districtCode'],
    [{ action: 'lookup', districtCode: '120102', communityCode: 5 }, 'communityCode', 'communityCode'],
    [{ action: 'lookup', districtCode: '120102', schoolName: 'x'.repeat(41) }, 'schoolName', '不超过40字'],
    [{ action: 'lookup', districtCode: '120102', $where: 'sleep(1)' }, '$where', '不支持的字段'],
    [{ action: 'getXuequ', xuequId: '../../etc' }, 'xuequId', '学区编号'],
  ])('%j → INVALID_INPUT naming %s', async (data, field, words) => {
    const { result, roundTrips } = await school(data);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', field });
    expect(result.message).toContain(words);
    expect(roundTrips).toBe(0);
  });

  it('an unknown action is UNKNOWN_ACTION', async () => {
    const { result, roundTrips } = await school({ action: 'dropDatabase' });
    expect(result).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(roundTrips).toBe(0);
  });
});

describe('account.me', () => {
  const me = async (openid: string | null) =>
    ((await app.cloud.invoke('account', { action: 'me' }, openid ? { OPENID: openid, APPID: 'wx-test' } : null)) as any)
      .result;
  it('needs an identity', async () => {
    expect(await me(null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
  it('knows a bound teacher, their school and its 学区', async () => {
    const result = await me('o-local-hd-teacher');
    expect(result.data).toMatchObject({
      roles: ['teacher'],
      school: { name: '友爱道小学' },
      schoolXuequ: [{ name: '第一学区' }],
    });
  });
  it('an unbound caller is a parent', async () => {
    const result = await me('o-someone-new');
    expect(result.data.roles).toEqual(['parent']);
  });
});

describe('school.askSchool blank text', () => {
  it('refuses an address or contact of spaces only, naming the field, and stores nothing', async () => {
    const before = app.cloud.store.count('zoning_inquiries', {});
    const base = inquiryRequest('blank-ask-0001');
    const as = { OPENID: 'o-local-parent', APPID: 'wx-test' };
    const blankAddress = (await app.cloud.invoke('school', { ...base, address: '   ' }, as)) as { result: any };
    expect(blankAddress.result).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'address' });
    const blankContact = (await app.cloud.invoke('school', { ...base, contactName: ' ' }, as)) as { result: any };
    expect(blankContact.result).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'contactName' });
    expect(app.cloud.store.count('zoning_inquiries', {})).toBe(before);
  });
});
