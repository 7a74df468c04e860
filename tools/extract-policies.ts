// Extracts the five policy documents of ../shared/seeds into data/policies.json (run:
// `npx tsx tools/extract-policies.ts`). The JSON is committed, so neither the app nor the functions need
// ../shared at run time; test/data/policies.test.ts checks that the committed file equals this tool's
// output. Only the `school` cloud function bundles the JSON: the text never goes into the mini-program.
//
// The wording is kept as written. Cleaned are only whitespace artefacts of the captures: lines broken
// inside a sentence (joined), letter-spacing and alignment padding between Chinese characters, a space
// after a Chinese full stop, indentation. Kept: the single space of the official separator between two
// issuing bodies (《中共中央 国务院关于…》), the tabs of the annex table (one row per paragraph, cells
// separated by "\t"), "1. " after a numeral. Page chrome captured with a web page (来源/时间 line,
// 附件下载, 分享:) is dropped; what it said is kept in the metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicyDocument, PolicyMeta, PolicySection } from '../src/domain/policy-search';

export const SEEDS_DIR = path.resolve(__dirname, '..', '..', 'shared', 'seeds');
export const OUT_FILE = path.resolve(__dirname, '..', 'data', 'policies.json');

/** A seed's metadata (the title as written, whitespace artefacts removed, checked against the title lines). */
interface SeedMeta extends Omit<PolicyMeta, 'source'> {
  file: string;
  /** How many leading non-empty lines (after `drop`) the title takes; they become `title`, not body. */
  titleLines: number;
  /** Lines that open a section although they are not numbered 一、二、… */
  headings?: string[];
  /** Lines of page chrome, dropped (exact, after trimming). */
  drop?: string[];
  dropPrefixes?: string[];
}

export const SEEDS: SeedMeta[] = [
  {
    file: '000_85f0bf37ac1e353a.txt',
    id: 'p000',
    title: '河东区教育局关于进一步推进义务教育学区化办学的实施方案',
    titleLines: 1,
    issuer: '天津市河东区教育局',
    region: '天津市河东区',
    date: '2020-05-21',
    dateNote: null,
    draft: false,
    note: null,
    summary:
      '河东区5个学区的组成：学区长学校和成员校，初中、小学分列（附件，本产品的真实数据）；学区长负责制；骨干教师交流、“区管校聘”；学区内跨校教研；学区化办学捆绑考核；学区构成随资源建设动态调整。',
  },
  {
    file: '001_5eadd04d5ebc6a3e.txt',
    id: 'p001',
    title: '关于《东城区实施学区制综合改革方案》的通知',
    titleLines: 2,
    issuer: '中共东城区委教育工作委员会、东城区教育委员会',
    region: '北京市东城区',
    date: '2014-01-17',
    dateNote: null,
    draft: false,
    note: '通知之后是方案全文。',
    summary:
      '东城区按街道划分的8个学区；免试就近入学、学区内中小学对口入学、九年一贯对口招生；干部教师轮岗交流：资源共享比率不少于30%，中青年优秀校长、骨干教师轮岗交流达100%；学区内跨校选课；学区督学责任区。',
    headings: ['东城区实施学区制综合改革方案', '回顾与思考'],
  },
  {
    file: '002_4ef97c6c84a5ca56.txt',
    id: 'p002',
    title: '海沧区教育局关于印发厦门市海沧区东孚、新阳片区学校学区化办学工作实施方案的通知',
    titleLines: 1,
    issuer: '厦门市海沧区教育局',
    region: '厦门市海沧区',
    date: '2020-10-30',
    dateNote: null,
    draft: false,
    note: '通知之后是方案全文。',
    summary:
      '东孚、新阳片区4个学区及其牵头中学、牵头小学和成员校（本产品的真实数据）；运动场地、图书馆、体育场馆、实验室等硬件资源共享；教师交流、跨校兼课、师徒结对；教育教学“五个统筹”；教师“蓄水池”计划。',
    headings: ['厦门市海沧区东孚、新阳片区学校学区化办学工作实施方案'],
    dropPrefixes: ['来源 :海沧区教育局 时间:'],
    drop: ['附件下载', '分享:'],
  },
  {
    file: '003_c6330e2e82ee5a9b.txt',
    id: 'p003',
    title: '柳州市全面推进义务教育学区制管理改革指导意见（征求意见稿）',
    titleLines: 3,
    issuer: '柳州市（文中未写明印发机关）',
    region: '广西壮族自治区柳州市',
    date: null,
    dateNote: '文中未写明日期；文中要求各县、区于2017年4月10日前报送实施办法。',
    draft: true,
    note: '原为某份通知的附件（征求意见稿），不是正式印发的文件。',
    summary:
      '学区的组建形式（集团化办学、学校联盟、城乡帮扶）；每个学区学校数原则上不超过10所；资源配置、师资调配、教学管理、教学研究、学校招生、质量评价“六统一”；学区长的职责；通过跨校兼课、支教、走教、轮岗促进校长教师交流；按距离远近、艰苦程度差异化补助；学区资源共享。',
    drop: ['附件：'],
  },
  {
    file: '004_10a9262c0d481722.txt',
    id: 'p004',
    title: '在全市学区制管理改革推进会上的汇报发言',
    titleLines: 1,
    issuer: '某区（原文以“**”隐去区名）',
    region: '未具名的区（原文隐去地名）',
    date: null,
    dateNote: '文中未写明日期；文中提到的最近事项在2021年7月。',
    draft: false,
    note: '这是一个区在推进会上的汇报发言，不是政策文件；地名、数字在原文中以“**”隐去。',
    summary:
      '以社区为单位划片招生、坚持就近入学；新生年级每班学生人数不超过45人；对外来人员严格审查“五证”；以学区为单位的考核评价（学区制管理改革的成效）。',
  },
];

const TRIM = /^[ \u00a0\u3000]+|[ \t\u00a0\u3000]+$/g;
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '。，、；：！？（）《》“”‘’【】';
/** Ends a sentence or a label: a line ending otherwise was broken inside a sentence. */
const TERMINAL = /[。！？；：:;!?”’」』）)】]$/;
const TOP_HEADING = /^[一二三四五六七八九十]+、/;
const NUMBERED = /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．]|[①-⑩]|▼)/;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
/** A line that starts with a short label ("区教育局挂钩干部:潘春辉") starts a new paragraph. */
const LABEL = /^[^，。,:：]{1,12}[:：]/;

/** Whitespace inside one line: padding between Chinese characters goes, a lone separator stays. */
export function cleanLine(line: string): string {
  let s = line.replace(TRIM, '');
  // After Chinese punctuation a space is an artefact ("支撑。 区教育中心").
  s = s.replace(new RegExp(`([${CJK_PUNCT}])[ \\u00a0\\u3000]+`, 'g'), '$1');
  // Letter-spacing / alignment between Chinese characters: two or more spaces, or any no-break or
  // ideographic space ("的  通  知", "组 \u00a0长", "黄 \u00a0凡").
  s = s.replace(
    new RegExp(`(?<=[${CJK}])(?: {2,}|[ \\u00a0\\u3000]*[\\u00a0\\u3000][ \\u00a0\\u3000]*)(?=[${CJK}])`, 'g'),
    '',
  );
  // Any other run of spaces (not tabs: they separate the annex table's cells) becomes one space.
  s = s.replace(/[ \u00a0\u3000]{2,}/g, ' ');
  return s;
}

const isHeading = (line: string, meta: SeedMeta) =>
  (TOP_HEADING.test(line) && line.length <= 40) || /^附件[：:].+/.test(line) || (meta.headings ?? []).includes(line);

/** Whether `next` continues `line` (a sentence broken across lines by the capture). */
function continues(line: string, next: string, meta: SeedMeta): boolean {
  if (line.includes('\t') || next.includes('\t')) return false;
  if (isHeading(line, meta) || isHeading(next, meta)) return false;
  if (TERMINAL.test(line) || DATE_LINE.test(line) || DATE_LINE.test(next)) return false;
  if (NUMBERED.test(next) || TOP_HEADING.test(next) || LABEL.test(next)) return false;
  // Short lines are headings, names and sign-offs; a broken sentence fills its line.
  return line.length >= 30;
}

export function extractDocument(meta: SeedMeta, raw: string): PolicyDocument {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map(cleanLine)
    .filter((l) => l.replace(/\t/g, '') !== '')
    .filter((l) => !(meta.drop ?? []).includes(l) && !(meta.dropPrefixes ?? []).some((p) => l.startsWith(p)));

  const titleBlock = lines.splice(0, meta.titleLines).join('');
  const bare = (s: string) => s.replace(/\s/g, '');
  if (bare(titleBlock) !== bare(meta.title))
    throw new Error(`${meta.file}: title lines "${titleBlock}" differ from "${meta.title}"`);

  const paragraphs: string[] = [];
  for (const line of lines) {
    const last = paragraphs.length - 1;
    if (last >= 0 && continues(paragraphs[last], line, meta)) {
      if (process.env.DEBUG_JOINS)
        console.log(`join ${meta.id}: …${paragraphs[last].slice(-12)} + ${line.slice(0, 12)}…`);
      paragraphs[last] += line;
    } else paragraphs.push(line);
  }

  const sections: PolicySection[] = [{ heading: null, paragraphs: [] }];
  for (const p of paragraphs) {
    if (isHeading(p, meta)) sections.push({ heading: p, paragraphs: [] });
    else sections[sections.length - 1].paragraphs.push(p);
  }
  if (sections[0].paragraphs.length === 0) sections.shift();

  if (meta.date) {
    const [y, m, d] = meta.date.split('-').map(Number);
    if (!raw.includes(`${y}年${m}月${d}日`) && !raw.includes(meta.date))
      throw new Error(`${meta.file}: date ${meta.date} is not in the text`);
  }

  return {
    id: meta.id,
    title: meta.title,
    issuer: meta.issuer,
    region: meta.region,
    date: meta.date,
    dateNote: meta.dateNote,
    draft: meta.draft,
    note: meta.note,
    summary: meta.summary,
    source: `seeds/${meta.file}`,
    sections,
  };
}

/** The documents as data/policies.json holds them, read from `dir` (default ../shared/seeds). */
export function extractPolicies(dir = SEEDS_DIR): { documents: PolicyDocument[] } {
  return { documents: SEEDS.map((meta) => extractDocument(meta, readFileSync(path.join(dir, meta.file), 'utf8'))) };
}

/** The exact text written to data/policies.json. */
export function policiesJson(data = extractPolicies()): string {
  return JSON.stringify(data, null, 1) + '\n';
}

// DEBUG_JOINS=1 prints every pair of lines joined into one paragraph.
if (require.main === module) {
  const data = extractPolicies();
  writeFileSync(OUT_FILE, policiesJson(data));
  const { documents } = data;
  for (const d of documents) {
    const paras = d.sections.reduce((n, s) => n + s.paragraphs.length, 0);
    console.log(`${d.id} ${d.title}: ${d.sections.length} sections, ${paras} paragraphs`);
  }
  console.log('wrote', OUT_FILE);
}
