import { readSpec, SEGMENT } from './spec';

/**
 * What the brackets of one item say. Parity words and numbers stay where they were written
 * ("六纬路1-99号（单号）2-50号（双号）" reads as 1-99 odd and 2-50 even); everything else is taken out
 * and sorted: exclusions, other names, inclusions, places, notes, harmless remarks, and what is not
 * understood (which makes the phrase unread: a bracket like "（人民路至解放路段）" narrows the place
 * in a way house numbers cannot follow).
 */
export interface ItemParts {
  /** The item without its brackets, parity and number brackets put back in place. */
  body: string;
  excepts: string[];
  aliases: string[];
  includes: string[];
  places: string[];
  notes: string[];
  remarks: string[];
}

const OPEN = '(（[【〔［｛{﹙';
const CLOSE = ')）]】〕］｝}﹚';
export const PARITY_ONLY =
  /^(?:含)?(?:单双号?|双单号?|单数号?|双数号?|单号?|双号?|奇数号?|偶数号?)(?:一?侧|门牌号?)?(?:全部|全段)?$/;
export const EXCLUDE =
  /^(?:但|其中)?(?:除去|除了|除|不含|不包括|不包含|不含有)[:：]?(.+?)(?:以外|之外|外)?(?:的?门牌号?)?$|^(.+?)除外$/;
export const ALIAS = /^(?:原|又称|即|俗称|简称|旧称|现称|现名|现为|也称|亦称|原名|曾用名|别名|又名)[:：]?(.+)$/;
const INCLUDE = /^(?:含|包括|包含|其中包括|内含|含有)[:：]?(.+)$/;
export const NOTE =
  /^(?:已拆|拆迁|待拆|已搬迁|暂无|待建|在建|规划中|尚未|无住户|无居民|无适龄|无生源|待开发|未建|未入住|空地$|空置$)/;
/** Remarks that do not narrow the place. */
const REMARK =
  /^(?:组|全部|全段|整体|商品房|公房|房改房|回迁房|安置房|还建房|经适房|廉租房|平房|楼房|住宅|住宅楼|居民楼|宿舍|自然村|村民小组|含商铺|新|老|含甲乙号|含甲、乙号|含附号|含之号|含)$|为准|房产证|户籍|不动产|拆迁|^[^\d以至到侧段部分]{2,12}(?:厂|公司|单位|医院|大楼|商场|市场|银行|局|所|站|队|部|中心)$/;

/** Words that narrow a place in a way house numbers cannot follow (a remark saying so is no remark). */
const RESTRICT = /以东|以西|以南|以北|之间|[东西南北]侧|[东西南北]面|路段|部分|一带|[至到]/;

/** The top-level bracket groups of a text: [open index, close index]. */
function topGroups(t: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const stack: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (OPEN.includes(t[i])) stack.push(i);
    else if (CLOSE.includes(t[i]) && stack.length > 0) {
      const open = stack.pop()!;
      if (stack.length === 0) out.push([open, i]);
    }
  }
  return out;
}

/** "部分：六纬路1-9号", "其中：…": the places after the colon. */
const LEAD = /^(?:部分|其中|具体为|具体|为)[:：]/;
const strip = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/^[，,、；;：:]+|[，,、；;：:。]+$/g, '');

/** Sorts one bracket's content; returns what goes back into the body. */
function classify(content: string, parts: ItemParts): string {
  const whole = strip(content).replace(LEAD, '');
  if (!whole) return '';
  const excluded = EXCLUDE.exec(whole);
  if (excluded) {
    parts.excepts.push(excluded[1] ?? excluded[2]);
    return '';
  }
  let inline = '';
  for (const clause of whole
    .split(/[，,；;]/)
    .map(strip)
    .filter(Boolean)) {
    if (PARITY_ONLY.test(clause)) inline += clause;
    else if (/^[0-9０-９单双第全含奇偶从〇零一二三四五六七八九十]/.test(clause) && readSpec(clause))
      inline += SEGMENT + clause;
    else if (EXCLUDE.test(clause)) {
      const m = EXCLUDE.exec(clause)!;
      parts.excepts.push(m[1] ?? m[2]);
    } else if (RESTRICT.test(clause) && !/拆/.test(clause)) parts.places.push(clause);
    else if (NOTE.test(clause)) parts.notes.push(clause);
    else if (ALIAS.test(clause))
      parts.aliases.push(
        ...ALIAS.exec(clause)![1]
          .split(/[、或]/)
          .map(strip)
          .filter(Boolean),
      );
    else if (INCLUDE.test(clause)) parts.includes.push(INCLUDE.exec(clause)![1]);
    else if (REMARK.test(clause)) parts.remarks.push(clause);
    else parts.places.push(clause);
  }
  return inline;
}

export function itemParts(text: string): ItemParts {
  const parts: ItemParts = { body: '', excepts: [], aliases: [], includes: [], places: [], notes: [], remarks: [] };
  let body = '';
  let at = 0;
  for (const [open, close] of topGroups(text)) {
    body += text.slice(at, open) + classify(text.slice(open + 1, close), parts);
    at = close + 1;
  }
  parts.body = body + text.slice(at);
  return parts;
}

/** No bracket said anything beyond numbers and parity. */
export const plain = (p: ItemParts) =>
  p.excepts.length + p.aliases.length + p.includes.length + p.places.length + p.notes.length + p.remarks.length === 0;
