import { useTestApp } from '../helpers/local-app';

// Zoning by road numbers, 小区 and 社区 across school years, through the built `school` bundle.
const app = useTestApp();

const school = async (data: Record<string, unknown>, openid: string | null = null) =>
  (await app.cloud.invoke('school', data, openid ? { OPENID: openid, APPID: 'wx-test' } : null)) as {
    result: any;
    roundTrips: number;
  };
const lookup = (input: Record<string, unknown>) => school({ action: 'lookup', districtCode: '120102', ...input });

describe('matching a typed address', () => {
  it('an odd house number on 互助道 goes to 互助道小学 by the road rule, and the 对口 middle school follows', async () => {
    const { result } = await lookup({ address: '河东区互助道15号3门' });
    const primary = result.data.zoned.filter((z: any) => z.stage === 'primary');
    expect(primary.map((z: any) => [z.school.name, z.rule.kind])).toEqual([['互助道小学', 'road']]);
    expect(primary[0].reason).toContain('单号');
    expect(primary[0].feeder).toMatchObject({ kind: 'feeder', schools: [{ name: '第四十五中学' }], sample: true });
    expect(result.data.xuequ.map((x: any) => x.name)).toEqual(['第一学区']);
    expect(result.data.canAskSchool).toBe(false);
  });

  it('an even number inside the even range goes to the school that lists it', async () => {
    const { result } = await lookup({ address: '互助道32号' });
    expect(result.data.zoned.map((z: any) => z.school.name)).toEqual(['互助道小学']);
    expect(result.data.zoned[0].reason).toContain('双号');
  });

  it('a number beyond every range matches no school, and the answer says who decides', async () => {
    const { result } = await lookup({ address: '互助道500号' });
    expect(result.data.zoned).toEqual([]);
    expect(result.data.canAskSchool).toBe(true);
    expect(result.data.years[0].answers[0]).toMatchObject({ mechanism: 'unknown', decidedBy: '河东区教育局' });
  });

  it('full-width digits and a Chinese house number are read the same way', async () => {
    const a = (await lookup({ address: '互助道１５号' })).result.data.zoned.map((z: any) => z.school.id);
    const b = (await lookup({ address: '互助道十五号' })).result.data.zoned.map((z: any) => z.school.id);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(0);
  });
});

describe('intakes', () => {
  it('answers the next intake, and shows the current list beside it only where it differs, saying what changed', async () => {
    const { result } = await lookup({ communityCode: '120102005001' });
    expect(result.data.years.map((y: any) => y.label)).toEqual(['2027年秋季入学 · 2020-09-01至2021-08-31出生']);
    const divisions = (await school({ action: 'listDivisions', districtCode: '120102' })).result.data;
    let differing: any = null;
    for (const c of divisions.streets.find((s: any) => s.code === '120102005').communities) {
      const { result: r } = await lookup({ communityCode: c.code });
      if (r.data.years.length > 1) differing = r.data;
    }
    expect(differing.years[1].schoolYear).toBe(2026);
    expect(differing.years[1].changes[0]).toMatch(/^2027年秋季与2026年秋季相比，小学：由 .+ 调整为 .+$/);
  });

  it('tells what changed for a 社区 whose school moves next year', async () => {
    const divisions = (await school({ action: 'listDivisions', districtCode: '120102' })).result.data;
    const changed: string[] = [];
    for (const c of divisions.streets.find((s: any) => s.code === '120102005').communities) {
      const { result } = await lookup({ communityCode: c.code });
      const next = result.data.history.find((h: any) => h.schoolYear === 2027);
      if (next?.changes.length) changed.push(...next.changes);
    }
    expect(changed.length).toBeGreaterThan(0);
    expect(changed[0]).toMatch(/^小学：由 .+ 调整为 .+$/);
  });

  it('answers for an earlier intake when asked', async () => {
    const { result } = await lookup({ communityCode: '120102005001', schoolYear: 2026 });
    expect(result.data.schoolYear).toBe(2026);
    expect(result.data.zoned[0].rule.schoolYear).toBe(2026);
  });
});

describe('a warm lookup', () => {
  it('costs at most one database round trip, and reloads when the reference data changes', async () => {
    await lookup({ communityCode: '120102005001' });
    const warm = await lookup({ communityCode: '120102005002' });
    expect(warm.roundTrips).toBeLessThanOrEqual(1);
    app.cloud.store.replace('meta', 'reference', { _id: 'reference', version: 2 });
    const reloaded = await lookup({ communityCode: '120102005002' });
    expect(reloaded.roundTrips).toBeGreaterThan(1);
    expect(reloaded.result).toEqual(warm.result);
  });
});

describe('请学校确认', () => {
  const ask = {
    action: 'askSchool',
    requestId: 'req-0001-abcd',
    districtCode: '120102',
    schoolId: 'hd-s05',
    address: '互助道32号',
    contactName: '王女士',
    phone: '13800000000',
  };

  it('needs a signed-in parent', async () => {
    const { result } = await school(ask);
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('stores the question once even when the parent taps twice, and only they see it', async () => {
    const [a, b] = await Promise.all([school(ask, 'o-parent-1'), school(ask, 'o-parent-1')]);
    expect([a.result.ok, b.result.ok]).toEqual([true, true]);
    expect(app.cloud.store.count('zoning_inquiries', { openid: 'o-parent-1' })).toBe(1);
    const again = await school(ask, 'o-parent-1');
    expect(again.result.data.duplicate).toBe(true);
    const mine = await school({ action: 'myInquiries' }, 'o-parent-1');
    expect(mine.result.data.items).toHaveLength(1);
    expect(mine.result.data.items[0]).toMatchObject({
      address: '互助道32号',
      status: 'pending',
      createdAt: '2026-11-23',
    });
    expect((await school({ action: 'myInquiries' }, 'o-parent-2')).result.data).toEqual({ items: [], next: null });
  });

  it.each([
    [{ phone: '12345' }, 'phone'],
    [{ address: '' }, 'address'],
    [{ schoolId: 'hc-s01' }, 'schoolId'],
    [{ requestId: 'x' }, 'requestId'],
  ])('refuses %j naming the field, writing nothing', async (bad, field) => {
    const before = app.cloud.store.count('zoning_inquiries', {});
    const { result } = await school({ ...ask, requestId: 'req-bad-000001', ...bad }, 'o-parent-3');
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', field });
    expect(app.cloud.store.count('zoning_inquiries', {})).toBe(before);
  });
});

describe('a 请学校确认 reaches the school', () => {
  const PRINCIPAL = 'o-local-hd-lead-primary'; // 互助道小学

  it('the named school’s principal sees it with the contact, answers once, and the parent reads the answer', async () => {
    const inbox = await school({ action: 'inquiryInbox' }, PRINCIPAL);
    const question = inbox.result.data.items.find((q: any) => q.address === '互助道32号');
    expect(question).toMatchObject({ contactName: '王女士', phone: '13800000000', status: 'pending' });
    expect(
      (await school({ action: 'inquiryInbox' }, 'o-local-hd-principal')).result.data.items.map((q: any) => q.id),
    ).not.toContain(question.id);
    const other = await school(
      { action: 'answerInquiry', id: question.id, answer: '不是本校的' },
      'o-local-hd-principal',
    );
    expect(other.result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        school({ action: 'answerInquiry', id: question.id, answer: '该门牌属本校划片' }, PRINCIPAL),
      ),
    );
    expect(answers.filter((a) => a.result.ok)).toHaveLength(1);
    const mine = await school({ action: 'myInquiries' }, 'o-parent-1');
    expect(mine.result.data.items[0]).toMatchObject({ status: 'answered', answer: '该门牌属本校划片' });
  });
});

describe('school.getSchool', () => {
  it('shows the 学区 and role, the neighbours, the 对口 path and sample coordinates', async () => {
    const { result } = await school({ action: 'getSchool', schoolId: 'hd-s05' });
    expect(result.data.school.name).toBe('互助道小学');
    expect(result.data.memberships).toEqual([
      { xuequId: 'hd-x1', xuequName: '第一学区', role: 'lead', roleLabel: '学区长学校', stageLabel: '小学' },
    ]);
    expect(result.data.neighbours.map((s: any) => s.name)).toContain('友爱道小学');
    expect(result.data.feeder.schools.map((s: any) => s.name)).toEqual(['第四十五中学']);
    expect(result.data.location.sample).toBe(true);
    // 招生范围: the published list of the next intake, verbatim, with its document.
    expect(result.data.catchments).toHaveLength(1);
    expect(result.data.catchments[0]).toMatchObject({
      intakeYear: 2027,
      stageLabel: '小学',
      mechanismLabel: '单校划片',
      sample: true,
    });
    expect(result.data.catchments[0].text).toContain('互助道1-199号（单号）、2-40号（双号）');
  });

  it('a nine-year school continues into its own middle section', async () => {
    const found = (await school({ action: 'lookup', districtCode: '120102', schoolName: '东局子' })).result.data
      .schools[0].school;
    const { result } = await school({ action: 'getSchool', schoolId: found.id });
    expect(result.data.feeder).toMatchObject({ kind: 'nine-year', schools: [{ name: '七中教育集团·东局子学校' }] });
    expect(result.data.memberships.map((m: any) => m.stageLabel)).toEqual(['初中', '小学']);
  });
});
