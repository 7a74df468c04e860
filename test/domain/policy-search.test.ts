import fc from 'fast-check';
import {
  hitsInDocument,
  makeSnippet,
  markTerms,
  normalizeMapped,
  parsePlaceKey,
  parseQuery,
  placeKey,
  searchPolicies,
  segments,
  SNIPPET_LENGTH,
  type PolicyDocument,
  type PolicyHit,
  type PolicyPlace,
} from '@/domain/policy-search';
import { normalizeText } from '@/domain/text';
import policies from '../../data/policies.json';
import { runs } from '../helpers/depth';
import { binaryString } from '../helpers/binary-string';

const real = (policies as { documents: PolicyDocument[] }).documents;

const doc = (id: string, title: string, sections: Array<[string | null, string[]]>): PolicyDocument => ({
  id,
  title,
  issuer: '某局',
  region: '某区',
  date: null,
  dateNote: null,
  draft: false,
  note: null,
  summary: '',
  source: 'test',
  sections: sections.map(([heading, paragraphs]) => ({ heading, paragraphs })),
});

const fixture: PolicyDocument[] = [
  doc('a', '关于教师轮岗交流的通知', [
    [null, ['各学校：现将轮岗办法印发给你们。']],
    ['一、轮岗比例', ['交流比率不少于30%。', '骨干教师轮岗、轮岗、再轮岗。']],
  ]),
  doc('b', '学区划片方案', [
    [
      null,
      ['七中教育集团·东局子学校列入第三学区。', '学  区  长', 'ＡＢＣ小学和ａｂｃ中学', '名额 ３０％ 用于就近入学'],
    ],
    ['二、资源', ['体育场馆、图书馆共享。', `${'长'.repeat(200)}轮岗${'文'.repeat(200)}`]],
  ]),
];

/** The whole title, heading or paragraph a hit of the real documents is in. */
const textAt = (h: PolicyHit) => {
  const d = real.find((x) => x.id === h.policyId)!;
  if (h.place.kind === 'title') return d.title;
  if (h.place.kind === 'heading') return d.sections[h.place.section].heading ?? '';
  return d.sections[h.place.section].paragraphs[h.place.paragraph];
};
const marked = (h: PolicyHit) => h.snippet.marks.map((m) => h.snippet.text.slice(m.start, m.end));
const where = (h: PolicyHit) => `${h.policyId}:${placeKey(h.place)}`;

describe('parsing a query', () => {
  it.each([
    ['轮岗', ['轮岗']],
    ['  轮岗   交流 ', ['轮岗', '交流']],
    ['轮岗\u3000交流', ['轮岗', '交流']],
    ['ＡＢＣ', ['abc']],
    ['轮岗 轮岗', ['轮岗']],
    ['   ', []],
    ['\u3000', []],
    ['·', []],
    ['', []],
    ['a b c d e f g h i j', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
  ])('%j → %j', (q, terms) => expect(parseQuery(q)).toEqual(terms));
});

describe('normalising with a map back to the original text', () => {
  it.each(['七中教育集团·东局子学校', '学  区  长', 'ＡＢＣ１２３', '😀学区😀', 'İstanbul', '\uD800lone', ''])(
    '%j agrees with normalizeText',
    (s) => {
      const n = normalizeMapped(s);
      expect(n.text).toBe(normalizeText(s));
      expect(n.from).toHaveLength(n.text.length);
      for (let i = 0; i < n.text.length; i++) expect(n.from[i]).toBeLessThan(n.to[i]);
    },
  );
});

describe('searching the documents (table)', () => {
  it.each<[string, string[]]>([
    // A title hit comes first, then headings, then paragraphs by how often the words occur.
    ['轮岗', ['a:title', 'a:s1', 'a:s1-p1', 'a:s0-p0', 'b:s1-p1']],
    // All words of a query must occur in the same paragraph.
    ['轮岗 30%', []],
    ['比率 30%', ['a:s1-p0']],
    ['轮岗 图书馆', []],
    // Full-width and half-width, letter case, spaces and middle dots do not matter.
    ['３０％', ['a:s1-p0', 'b:s0-p3']],
    ['abc', ['b:s0-p2']],
    ['学区长', ['b:s0-p1']],
    ['七中教育集团东局子学校', ['b:s0-p0']],
    ['东局子 第三学区', ['b:s0-p0']],
    ['学区划片', ['b:title']],
    ['不存在的词', []],
    ['', []],
  ])('%j finds %j', (q, expected) => {
    expect(searchPolicies(fixture, q).map(where)).toEqual(expected);
  });

  it('counts every occurrence of every word', () => {
    const hit = searchPolicies(fixture, '轮岗').find((h) => where(h) === 'a:s1-p1')!;
    expect(hit.count).toBe(3);
    expect(marked(hit)).toEqual(['轮岗', '轮岗', '轮岗']);
  });

  it('marks the original text, not the normalised one', () => {
    const [hit] = searchPolicies(fixture, '七中教育集团东局子学校');
    expect(marked(hit)).toEqual(['七中教育集团·东局子学校']);
    const [spaced] = searchPolicies(fixture, '学区长');
    expect(marked(spaced)).toEqual(['学  区  长']);
    const [wide] = searchPolicies(fixture, 'ABC');
    expect(marked(wide)).toEqual(['ＡＢＣ', 'ａｂｃ']);
  });

  it('marks each word of a multi-word query', () => {
    const [hit] = searchPolicies(fixture, '比率 30%');
    expect(marked(hit)).toEqual(['比率', '30%']);
  });

  it('cuts a long paragraph around the first match and says so', () => {
    const hit = searchPolicies(fixture, '轮岗').find((h) => h.policyId === 'b')!;
    expect(hit.snippet.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
    expect(hit.snippet).toMatchObject({ cutStart: true, cutEnd: true });
    expect(marked(hit)).toEqual(['轮岗']);
  });

  it('keeps a short paragraph whole', () => {
    const [hit] = searchPolicies(fixture, '比率');
    expect(hit.snippet).toEqual({
      text: '交流比率不少于30%。',
      marks: [{ start: 2, end: 4 }],
      cutStart: false,
      cutEnd: false,
    });
  });

  it('lists the hits of one document in document order', () => {
    expect(hitsInDocument(fixture[0], '轮岗').map((h) => placeKey(h.place))).toEqual(['title', 's0-p0', 's1', 's1-p1']);
  });
});

describe('searching the real documents', () => {
  it('轮岗 finds Dongcheng’s rotation target, with 不少于30% in the paragraph', () => {
    const hits = searchPolicies(real, '轮岗');
    const dongcheng = hits.filter((h) => h.policyId === 'p001');
    expect(dongcheng.length).toBeGreaterThan(0);
    const target = dongcheng.find(
      (h) =>
        h.place.kind === 'paragraph' &&
        real[1].sections[h.place.section].paragraphs[h.place.paragraph].includes('不少于30%'),
    );
    expect(target).toBeDefined();
    expect(marked(target!).every((m) => m === '轮岗')).toBe(true);
    // Ranked by count: no later hit occurs more often than an earlier one of the same kind.
    for (let i = 1; i < hits.length; i++)
      if (hits[i].place.kind === hits[i - 1].place.kind) expect(hits[i].count).toBeLessThanOrEqual(hits[i - 1].count);
  });

  it('a school in the annex table is found despite the middle dot', () => {
    const hits = searchPolicies(real, '七中教育集团东局子');
    expect(hits.map(where)).toEqual(['p000:s4-p6', 'p000:s4-p7']);
  });

  it('大班额 finds the district report', () => {
    expect(new Set(searchPolicies(real, '大班额').map((h) => h.policyId))).toEqual(new Set(['p004']));
  });
});

describe('marks and segments for rendering', () => {
  it('marks every occurrence of any word in a text', () => {
    expect(markTerms('轮岗交流，交流轮岗', ['轮岗'])).toEqual([
      { start: 0, end: 2 },
      { start: 7, end: 9 },
    ]);
    expect(markTerms('轮岗交流', ['轮岗', '交流'])).toEqual([{ start: 0, end: 4 }]);
    expect(markTerms('轮岗交流', [])).toEqual([]);
  });

  it('splits a text into marked and plain pieces that join back to it', () => {
    expect(segments('不少于30%；轮岗', [{ start: 3, end: 6 }])).toEqual([
      { text: '不少于', mark: false },
      { text: '30%', mark: true },
      { text: '；轮岗', mark: false },
    ]);
    expect(
      segments('abc', [
        { start: 2, end: 99 },
        { start: 0, end: 1 },
      ]),
    ).toEqual([
      { text: 'a', mark: true },
      { text: 'b', mark: false },
      { text: 'c', mark: true },
    ]);
  });

  it('does not cut a surrogate pair at a snippet edge', () => {
    const text = `${'😀'.repeat(40)}轮岗${'😀'.repeat(40)}`;
    const s = makeSnippet(text, markTerms(text, ['轮岗']));
    expect(s.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it.each<PolicyPlace>([
    { kind: 'title' },
    { kind: 'heading', section: 3 },
    { kind: 'paragraph', section: 2, paragraph: 15 },
  ])('place %j has a key that parses back', (place) => expect(parsePlaceKey(placeKey(place))).toEqual(place));
  it.each(['', 'x', 's', 's1-p', 's-1', 'title2', null, undefined])('%j is no place', (key) =>
    expect(parsePlaceKey(key)).toBeNull(),
  );
});

describe('properties', () => {
  const anyString = fc.oneof(
    binaryString(),
    fc.string({ unit: 'grapheme' }),
    binaryString({ minLength: 500, maxLength: 3000 }),
    fc.string({
      unit: fc.constantFrom('轮', '岗', ' ', '\u3000', '·', '３', '0', '%', '\uD83D', '\uDE00', 'A', 'ａ', '\t'),
    }),
  );

  it('never throws on any query, and every hit holds every word, marked within its snippet', () => {
    fc.assert(
      fc.property(anyString, (q) => {
        const terms = parseQuery(q);
        for (const hit of searchPolicies(real, q)) {
          const { text, marks } = hit.snippet;
          let last = -1;
          for (const m of marks) {
            if (!(m.start > last && m.start < m.end && m.end <= text.length)) return false;
            last = m.end;
          }
          if (marks.length === 0) return false;
          const inMarks = normalizeMapped(marks.map((m) => text.slice(m.start, m.end)).join('')).text;
          if (!terms.some((t) => inMarks.includes(t))) return false;
          const whole = normalizeMapped(textAt(hit)).text;
          if (!terms.every((t) => whole.includes(t))) return false;
        }
        return true;
      }),
      // Full depth in the inner loop too: one query in thirty finds anything, so thirty runs check no hit
      // more than a third of the time.
      { numRuns: 300 },
    );
  });

  it('never throws on any document text either', () => {
    fc.assert(
      fc.property(anyString, fc.array(anyString, { maxLength: 4 }), anyString, (title, paragraphs, q) => {
        const docs = [doc('x', title, [[null, paragraphs]])];
        const hits = searchPolicies(docs, q);
        for (const h of hits) {
          const source =
            h.place.kind === 'title' ? title : h.place.kind === 'paragraph' ? paragraphs[h.place.paragraph] : '';
          if (!source.includes(h.snippet.text)) return false;
          if (
            segments(h.snippet.text, h.snippet.marks)
              .map((s) => s.text)
              .join('') !== h.snippet.text
          )
            return false;
        }
        return Array.isArray(hits);
      }),
      // Full depth in the inner loop too: one random document in seventy has a hit, so fifty runs check
      // no snippet about half the time.
      { numRuns: 500 },
    );
  });

  it('a word taken from a paragraph finds that paragraph', () => {
    const units = real.flatMap((d) =>
      d.sections.flatMap((s, section) =>
        s.paragraphs.map((p, paragraph) => ({ id: d.id, p, key: placeKey({ kind: 'paragraph', section, paragraph }) })),
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...units), fc.nat(), fc.integer({ min: 1, max: 8 }), (u, at, len) => {
        const start = at % Math.max(1, u.p.length);
        const word = u.p.slice(start, start + len);
        if (!normalizeText(word)) return true;
        return searchPolicies(real, word).some((h) => h.policyId === u.id && placeKey(h.place) === u.key);
      }),
      { numRuns: runs(300) },
    );
  });
});
