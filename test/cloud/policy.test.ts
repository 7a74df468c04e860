import { callFn, useTestApp } from '../helpers/local-app';

// school.listPolicies / getPolicy: the built `school` bundle (run `node config/build-functions.mjs`
// first) through the local runtime, the real wx-server-sdk and the gateway.
const app = useTestApp();

const school = async (data: Record<string, unknown>) =>
  (await app.cloud.invoke('school', data, null)) as { result: any; roundTrips: number };

describe('school.listPolicies', () => {
  it('lists the five documents without their text, and without a query no hits', async () => {
    const { result, roundTrips } = await school({ action: 'listPolicies' });
    expect(result.ok).toBe(true);
    expect(result.data.documents.map((d: any) => [d.id, d.date])).toEqual([
      ['p000', '2020-05-21'],
      ['p001', '2014-01-17'],
      ['p002', '2020-10-30'],
      ['p003', null],
      ['p004', null],
    ]);
    for (const d of result.data.documents) {
      expect(d).not.toHaveProperty('sections');
      expect(d.summary.length).toBeGreaterThan(20);
      expect(d.hitCount).toBeNull();
    }
    expect(result.data).toMatchObject({ q: null, terms: [], hits: [], totalHits: 0 });
    // Static text: no database round trip.
    expect(roundTrips).toBe(0);
  });

  it('轮岗 finds the Dongcheng paragraph with 不少于30%, marked, with its document and section', async () => {
    const { result } = await school({ action: 'listPolicies', q: '轮岗' });
    const { hits, documents, totalHits, terms } = result.data;
    expect(terms).toEqual(['轮岗']);
    expect(hits.length).toBe(totalHits);
    const counts = Object.fromEntries(documents.map((d: any) => [d.id, d.hitCount]));
    expect(counts.p001).toBeGreaterThan(0);
    expect(counts.p003).toBeGreaterThan(0);
    expect(hits.reduce((n: number, h: any) => n + (h.policyId === 'p001' ? 1 : 0), 0)).toBe(counts.p001);
    // 三、改革举措, paragraph 13.: "…优秀干部教师轮岗交流资源共享比率不少于30%；…"
    const dongcheng = hits.find((h: any) => h.policyId === 'p001' && h.place.section === 4 && h.place.paragraph === 15);
    expect(dongcheng).toMatchObject({
      title: '关于《东城区实施学区制综合改革方案》的通知',
      sectionHeading: '三、改革举措',
      place: { kind: 'paragraph' },
    });
    expect(dongcheng.count).toBeGreaterThanOrEqual(3);
    for (const m of dongcheng.snippet.marks) expect(dongcheng.snippet.text.slice(m.start, m.end)).toBe('轮岗');
    // Ranked by how often the words occur.
    expect(hits[0].count).toBe(Math.max(...hits.map((h: any) => h.count)));
  });

  it('needs every word of a query in one paragraph; width and spaces do not matter', async () => {
    const both = (await school({ action: 'listPolicies', q: '轮岗　３０％' })).result.data;
    expect(both.terms).toEqual(['轮岗', '30%']);
    expect(both.hits.map((h: any) => [h.policyId, h.place])).toEqual([
      ['p001', { kind: 'paragraph', section: 4, paragraph: 15 }],
    ]);
    const none = (await school({ action: 'listPolicies', q: '轮岗 蓄水池' })).result.data;
    expect(none).toMatchObject({ hits: [], totalHits: 0 });
    expect(none.documents.every((d: any) => d.hitCount === 0)).toBe(true);
  });

  it('a title hit comes first', async () => {
    const { result } = await school({ action: 'listPolicies', q: '柳州' });
    expect(result.data.hits[0]).toMatchObject({ policyId: 'p003', place: { kind: 'title' }, sectionHeading: null });
  });

  it('caps a long hit list and says how many there are', async () => {
    const { result } = await school({ action: 'listPolicies', q: '学区' });
    expect(result.data.hits).toHaveLength(50);
    expect(result.data.totalHits).toBeGreaterThan(50);
  });

  it('a blank query is no query', async () => {
    const { result } = await school({ action: 'listPolicies', q: '  ' });
    expect(result.data).toMatchObject({ q: null, hits: [], totalHits: 0 });
    expect(result.data.documents[0].hitCount).toBeNull();
  });

  it('answers through the gateway as the H5 app calls it', async () => {
    const { status, body } = await callFn(app, 'school', { action: 'listPolicies', q: '大班额' });
    expect(status).toBe(200);
    expect(body.result.ok).toBe(true);
    expect(new Set(body.result.data.hits.map((h: any) => h.policyId))).toEqual(new Set(['p004']));
  });
});

describe('school.getPolicy', () => {
  it('returns a whole document in sections and paragraphs', async () => {
    const { result } = await school({ action: 'getPolicy', policyId: 'p001' });
    expect(result.ok).toBe(true);
    expect(result.data).toMatchObject({
      id: 'p001',
      issuer: '中共东城区委教育工作委员会、东城区教育委员会',
      date: '2014-01-17',
      region: '北京市东城区',
    });
    expect(result.data.sections[4].heading).toBe('三、改革举措');
    expect(result.data.sections[4].paragraphs[15]).toContain('优秀干部教师轮岗交流资源共享比率不少于30%');
  });

  it('the Hedong document ends with its annex table', async () => {
    const { result } = await school({ action: 'getPolicy', policyId: 'p000' });
    const annex = result.data.sections[result.data.sections.length - 1];
    expect(annex.heading).toBe('附件：河东区义务教育学区学校联盟组成');
    expect(annex.paragraphs).toContain('第一学区\t第四十五中学\t第九十八中学、二号桥中学、华英中学');
  });

  it('an unknown document is NOT_FOUND', async () => {
    const { result } = await school({ action: 'getPolicy', policyId: 'p999' });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(result.message).toContain('政策文件');
  });
});

describe('bad input gets a clear error naming the field', () => {
  it.each([
    [{ action: 'listPolicies', q: 'x'.repeat(41) }, 'q', '搜索词（q）不超过40字'],
    [{ action: 'listPolicies', q: 5 }, 'q', '搜索词（q）应为文本'],
    [{ action: 'listPolicies', q: { $regex: '.*' } }, 'q', '搜索词'],
    [{ action: 'listPolicies', query: '轮岗' }, 'query', '不支持的字段'],
    [{ action: 'getPolicy' }, 'policyId', '缺少文件编号（policyId）'],
    [{ action: 'getPolicy', policyId: '' }, 'policyId', '文件编号（policyId）不能为空'],
    [{ action: 'getPolicy', policyId: '../../etc/passwd' }, 'policyId', '文件编号（policyId）格式不正确'],
    [{ action: 'getPolicy', policyId: 7 }, 'policyId', '文件编号（policyId）应为文本'],
  ])('%j → INVALID_INPUT naming %s', async (data, field, words) => {
    const { result, roundTrips } = await school(data);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', field });
    expect(result.message).toContain(words);
    expect(roundTrips).toBe(0);
  });
});
