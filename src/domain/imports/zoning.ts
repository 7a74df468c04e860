import type { School } from '../school';
import type { ZoningRule } from '../zoning';
import type { ZoningMatch } from '../zoning-match';
import { normalizeAddress } from '../zoning-match';
import { isCalendarDate } from '../time';
import {
  byLabel,
  hash,
  label,
  MATCH_BY_LABEL,
  numberCell,
  SIDE_BY_LABEL,
  STAGE_BY_LABEL,
  stageCell,
  yearCell,
  type RawRow,
  type RowResult,
} from './common';

/** Rows of the zoning table: one rule (社区, road range or 小区) per row, keyed by year, stage and what it covers. */
/** The natural key of a rule: district, school year, stage and what it covers. */
export function zoningKey(r: Pick<ZoningRule, 'districtCode' | 'schoolYear' | 'stage' | 'match'>): string {
  const m = r.match;
  const what =
    m.kind === 'community'
      ? `c:${m.communityCode}`
      : m.kind === 'street'
        ? `s:${m.streetCode}`
        : m.kind === 'road'
          ? `r:${normalizeAddress(m.road).road ?? m.road.trim()}:${m.side}:${m.from}-${m.to}`
          : `e:${normalizeAddress(m.name).normalized}`;
  return `${r.districtCode}|${r.schoolYear}|${r.stage}|${what}`;
}
export const newZoningId = (key: string) => `zr-imp-${hash(key)}`;

export interface ZoningContext {
  districtCode: string;
  schools: readonly School[];
  /** The district's 社区 codes; a code not listed is refused. */
  communityCodes: ReadonlySet<string>;
  existing: readonly ZoningRule[];
  /** Issuer of the document of a new rule (the file has no column for it). */
  issuer: string;
}

const splitList = (text: string | undefined) =>
  (text ?? '')
    .split(/[、,，;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The columns a rule is compared on (what the file carries). */
const zoningStamp = (r: ZoningRule) =>
  JSON.stringify([
    zoningKey(r),
    r.match.kind === 'estate' ? r.match.aliases : [],
    r.schoolIds,
    r.text,
    r.document.title,
    r.document.number ?? '',
    r.document.date,
  ]);

export function validateZoningRows(
  ctx: ZoningContext,
  rows: ReadonlyArray<{ row: number; values: RawRow }>,
): Array<RowResult<ZoningRule>> {
  const schoolsByName = new Map(ctx.schools.map((s) => [s.name, s]));
  const existingByKey = new Map(ctx.existing.map((r) => [zoningKey(r), r]));
  const firstRow = new Map<string, number>();
  return rows.map(({ row, values: v }) => {
    const messages: string[] = [];
    const year = yearCell(v['学年'], messages);
    const stage = stageCell(v['学段'], messages);
    const kind = byLabel(MATCH_BY_LABEL, v['类型']);
    if (!kind) messages.push(`类型：应为社区、道路或小区（现为“${v['类型'] ?? ''}”）`);

    let match: ZoningMatch | null = null;
    if (kind === 'community') {
      const code = v['社区代码'] ?? '';
      if (!/^\d{12}$/.test(code)) messages.push('社区代码：应为12位数字');
      else if (!ctx.communityCodes.has(code)) messages.push(`社区代码：${code}不是本区的社区`);
      else match = { kind, communityCode: code };
    } else if (kind === 'road') {
      const road = v['道路'] ?? '';
      const side = byLabel(SIDE_BY_LABEL, v['单双号']);
      const from = numberCell(v['起始门牌']);
      const to = numberCell(v['结束门牌']);
      const before = messages.length;
      if (!road) messages.push('道路：不能为空');
      else if (normalizeAddress(road).road === null)
        messages.push(`道路：“${road}”不是可识别的道路名（应以路、道、街、大街、里等结尾）`);
      if (!side) messages.push('单双号：应为单号、双号或全部');
      const okNumber = (n: number | null) => n !== null && Number.isInteger(n) && n >= 1 && n <= 99999;
      if (!okNumber(from)) messages.push('起始门牌：应为1到99999之间的整数');
      if (!okNumber(to)) messages.push('结束门牌：应为1到99999之间的整数');
      if (okNumber(from) && okNumber(to) && from! > to!) messages.push('起始门牌、结束门牌：起始门牌不能大于结束门牌');
      if (side && side !== 'all' && okNumber(from) && okNumber(to)) {
        const parity = side === 'odd' ? 1 : 0;
        if (from! % 2 !== parity)
          messages.push(`起始门牌：${side === 'odd' ? '单号' : '双号'}范围应从${side === 'odd' ? '单' : '双'}号开始`);
        if (to! % 2 !== parity)
          messages.push(`结束门牌：${side === 'odd' ? '单号' : '双号'}范围应以${side === 'odd' ? '单' : '双'}号结束`);
      }
      if (messages.length === before && side) match = { kind, road, side, from: from!, to: to! };
    } else if (kind === 'estate') {
      const name = v['小区名称'] ?? '';
      if (Array.from(normalizeAddress(name).normalized).length < 2) messages.push('小区名称：至少2个字');
      else match = { kind, name, aliases: splitList(v['别名']) };
    }

    const names = splitList(v['学校名称']);
    const schoolIds: string[] = [];
    if (!names.length) messages.push('学校名称：不能为空');
    for (const n of names) {
      const s = schoolsByName.get(n);
      if (!s) messages.push(`学校名称：本区没有“${n}”（请先导入学校）`);
      else if (stage && !s.stages.includes(stage))
        messages.push(`学校名称：“${n}”不招收${label(STAGE_BY_LABEL, stage)}`);
      else if (!schoolIds.includes(s._id)) schoolIds.push(s._id);
    }
    const text = v['规则原文'] ?? '';
    if (!text) messages.push('规则原文：不能为空');
    else if (text.length > 500) messages.push('规则原文：不超过500字');
    const title = v['文件名称'] ?? '';
    if (!title) messages.push('文件名称：不能为空');
    const date = v['发文日期'] ?? '';
    if (!isCalendarDate(date)) messages.push('发文日期：应为YYYY-MM-DD格式的有效日期');

    if (messages.length || !match || !stage || year === null) return { row, outcome: 'error', messages, doc: null };
    const draft = { districtCode: ctx.districtCode, schoolYear: year, stage, match };
    const key = zoningKey(draft);
    if (firstRow.has(key))
      return {
        row,
        outcome: 'error',
        messages: [`与第${firstRow.get(key)}行的划片范围重复（学年、学段、${label(MATCH_BY_LABEL, match.kind)}相同）`],
        doc: null,
      };
    firstRow.set(key, row);
    const old = existingByKey.get(key);
    const doc: ZoningRule = {
      _id: old?._id ?? newZoningId(key),
      ...draft,
      schoolIds,
      text,
      document: { title, issuer: old?.document.issuer ?? ctx.issuer, date, number: v['文号'] || null },
      sample: false,
    };
    if (!old) return { row, outcome: 'new', messages: [], doc };
    if (zoningStamp(old) === zoningStamp(doc)) return { row, outcome: 'unchanged', messages: [], doc: old };
    return { row, outcome: 'changed', messages: [], doc, previous: old };
  });
}

export function zoningToRow(r: ZoningRule, schoolName: (id: string) => string): string[] {
  const m = r.match;
  return [
    String(r.schoolYear),
    label(STAGE_BY_LABEL, r.stage),
    label(MATCH_BY_LABEL, m.kind),
    m.kind === 'community' ? m.communityCode : '',
    m.kind === 'road' ? m.road : '',
    m.kind === 'road' ? label(SIDE_BY_LABEL, m.side) : '',
    m.kind === 'road' ? String(m.from) : '',
    m.kind === 'road' ? String(m.to) : '',
    m.kind === 'estate' ? m.name : '',
    m.kind === 'estate' ? m.aliases.join('、') : '',
    r.schoolIds.map(schoolName).join('、'),
    r.text,
    r.document.title,
    r.document.number ?? '',
    r.document.date,
  ];
}
