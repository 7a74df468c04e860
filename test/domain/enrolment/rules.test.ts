import {
  categoryOf,
  intakeYearOf,
  nextQuestion,
  resolveRuleFile,
  ruleSetsFor,
  schoolYearsOf,
  type EnrolmentAnswers,
  type EnrolmentRuleFile,
} from '@/domain/enrolment';
import { RULE_FILE, RULE_SETS, ruleSet, seedText } from './fixtures';

const DISTRICTS = ['120102', '350205', '110101'];

describe('data/enrolment-rules.json', () => {
  it('has 小学入学 and 小升初 for each of the three districts in the 2026 school year (intake September 2027)', () => {
    for (const code of DISTRICTS) {
      const sets = ruleSetsFor(RULE_SETS, code, 2026);
      expect(sets.map((s) => s.stage)).toEqual(['primary', 'middle']);
      for (const s of sets) {
        expect(s.intakeYear).toBe(2027);
        expect(s.id).toBe(`${code}-2026-${s.stage}`);
      }
    }
    expect(intakeYearOf(2026)).toBe(2027);
    expect(schoolYearsOf(RULE_SETS, '120102')).toEqual([2026]);
    expect(ruleSetsFor(RULE_SETS, '120102', 2030)).toEqual([]);
  });

  it('marks every rule set as sample data and says what is sample', () => {
    for (const s of RULE_SETS) {
      expect(s.sample).toBe(true);
      expect(s.sampleNote).toContain('示例数据');
      expect(s.sampleNote).toContain('种子文件004');
    }
  });

  it('takes the class cap of 45, 就近入学 and the 五证 from seed 004, and names the district’s own seed where it has one', () => {
    const parts = (code: string, stage: 'primary' | 'middle') =>
      ruleSet(code, stage).sources.map((x) => `${x.part}:${x.document.seed}`);
    for (const s of RULE_SETS) {
      expect(s.classCap).toBe(45);
      expect(s.sources.find((x) => x.part === 'classCap')).toMatchObject({
        document: { seed: '004' },
        quote: expect.stringContaining('不得超45人'),
      });
      expect(s.sources.find((x) => x.part === 'fiveCertificates')?.document.seed).toBe('004');
    }
    expect(parts('110101', 'middle')).toEqual(expect.arrayContaining(['principle:001', 'articulation:001']));
    expect(parts('120102', 'primary')).toContain('xuequ:000');
    expect(parts('350205', 'primary')).toContain('principle:002');
  });

  it('quotes the seed documents word for word', () => {
    const quotes = RULE_SETS.flatMap((s) => s.sources);
    const checked = quotes.filter((q) => seedText(q.document.seed) !== null);
    for (const q of checked) expect(seedText(q.document.seed)).toContain(q.quote);
    // The seeds sit beside the checkout on the build machine; elsewhere there is nothing to compare with.
    if (seedText('004') !== null) expect(checked.length).toBe(quotes.length);
  });

  it('asks 满6周岁 on 8月31日 for 小学 and no age for 小升初', () => {
    for (const code of DISTRICTS) {
      expect(ruleSet(code, 'primary').ageCutoff).toEqual({ minAge: 6, month: 8, day: 31 });
      expect(ruleSet(code, 'middle').ageCutoff).toBeNull();
    }
  });

  it('has a dated timeline of 登记, 审核, 录取, 报到 in order, within the intake year', () => {
    for (const s of RULE_SETS) {
      const steps = s.timeline.map((t) => t.step).join('|');
      expect(steps).toMatch(/审核/);
      expect(steps).toMatch(/录取/);
      expect(steps).toMatch(/报到$/);
      for (let i = 0; i < s.timeline.length; i++) {
        const t = s.timeline[i];
        expect(t.from <= t.to).toBe(true);
        expect(t.from.slice(0, 4)).toBe('2027');
        if (i > 0) expect(s.timeline[i - 1].to < t.from).toBe(true);
      }
    }
    expect(ruleSet('120102', 'primary').timeline[0].step).toContain('网上登记');
  });

  it('every family the wizard can describe falls in exactly one place: an exclusion or a category', () => {
    // Walk every path of the wizard: each complete set of answers must find a category.
    const walk = (answers: EnrolmentAnswers, out: EnrolmentAnswers[]) => {
      const q = nextQuestion(answers);
      if (!q) return out.push(answers);
      const values = q.kind === 'date' ? ['2021-08-31', '2021-09-01'] : q.options.map((o) => o.value);
      for (const v of values) walk({ ...answers, [q.id]: v }, out);
    };
    for (const s of RULE_SETS) {
      const complete: EnrolmentAnswers[] = [];
      walk({ stage: s.stage }, complete);
      expect(complete.length).toBeGreaterThan(5);
      const seen = new Set<string>();
      for (const a of complete) {
        const found = categoryOf(s, a);
        expect(found).not.toBeNull();
        seen.add(found!.rule.code);
      }
      // Every category and exclusion is reachable.
      expect([...seen].sort()).toEqual([...s.categories, ...s.exclusions].map((c) => c.code).sort());
    }
  });

  it('refuses a file with a dangling reference or an intake year that is not school year + 1', () => {
    const broken = (patch: (f: EnrolmentRuleFile) => void) => {
      const f = JSON.parse(JSON.stringify(RULE_FILE)) as EnrolmentRuleFile;
      patch(f);
      return () => resolveRuleFile(f);
    };
    expect(broken((f) => (f.ruleSets[0].intakeYear = 2026))).toThrow('intakeYear');
    expect(broken((f) => f.categorySets['primary-standard'].categories[0].checklist.push('no-such-item'))).toThrow(
      'no-such-item',
    );
    expect(broken((f) => (f.ruleSets[0].sources[0].document = 'seed-999'))).toThrow('seed-999');
    expect(broken((f) => (f.ruleSets[0].timeline[0].to = '2027-01-01'))).toThrow('开始日期');
  });
});
