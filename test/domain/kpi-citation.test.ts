import {
  applicableTargetDocuments,
  ROTATION_TARGET,
  rotationTargetCitation,
  TARGET_DOCUMENTS,
  type TargetDocument,
} from '@/domain/kpi';

const HEDONG = { code: '120102', name: '河东区', city: '天津市', province: '天津市' };
const DONGCHENG = { code: '110101', name: '东城区', city: '北京市', province: '北京市' };
const HAICANG = { code: '350205', name: '海沧区', city: '厦门市', province: '福建省' };

describe("where a district's 交流 share target is cited from", () => {
  it('东城区 cites its own document, which sets 30%', () => {
    const c = rotationTargetCitation(DONGCHENG, ROTATION_TARGET);
    expect(c.document?.applies).toEqual({ level: 'district', code: '110101' });
    expect(c.text).toContain('目标不少于30%（本区文件：');
    expect(c.text).toContain('东城区实施学区制综合改革方案');
  });

  it("河东区 and 海沧区 never cite 东城区's document: none of theirs sets 30%, and the national 10% is named", () => {
    for (const d of [HEDONG, HAICANG]) {
      const c = rotationTargetCitation(d, ROTATION_TARGET);
      expect(c.document).toBeNull();
      expect(c.text).not.toContain('东城');
      expect(c.text).toContain(`${d.name}及上级文件未规定这一比例，为本系统的默认目标`);
      expect(c.text).toContain('国家文件要求不低于10%');
      expect(c.text).toContain('教师〔2014〕4号');
    }
    expect(applicableTargetDocuments(HEDONG).map((d) => d.applies.level)).toEqual(['national']);
  });

  it('a target a higher-level document sets is cited from it, the most local first', () => {
    expect(rotationTargetCitation(HEDONG, 0.1).document?.number).toBe('教师〔2014〕4号');
    const city: TargetDocument = {
      ...TARGET_DOCUMENTS[1],
      applies: { level: 'city', city: '天津市' },
      title: '天津市某文件',
      number: null,
      rotationShare: 0.3,
    };
    const docs = [...TARGET_DOCUMENTS, city];
    expect(rotationTargetCitation(HEDONG, 0.3, docs).text).toContain('市级文件：');
    expect(rotationTargetCitation(HEDONG, 0.3, docs).document?.title).toBe('天津市某文件');
    // Another city's document does not apply.
    expect(rotationTargetCitation(HAICANG, 0.3, docs).document).toBeNull();
    expect(applicableTargetDocuments(HEDONG, docs).map((d) => d.applies.level)).toEqual(['city', 'national']);
  });
});
