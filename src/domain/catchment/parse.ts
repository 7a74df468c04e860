import { addEstate, addRoad, describe, newDraft, type Context, type Draft } from './draft';
import { EXCLUDE, itemParts, NOTE, PARITY_ONLY, type ItemParts } from './groups';
import { cleanBody, readBareStem, readContinuation, readEstatePart, readPlace, roadName, type PlaceReading } from './place';
import { isWholeRange, readSpec, SEGMENT } from './spec';
import { splitItems, splitLines, type Line, type Slice } from './split';
import type { CatchmentMatch, CatchmentPhrase, CatchmentPlaces } from './types';

/**
 * Reads a published 登记范围 phrase by phrase. A phrase is a place and the items that continue it:
 * "六纬路1-99号（单号）、2-50号（双号）", "和平一、二横路", "胜利街4、6、8号" are one phrase each. What a
 * phrase covers is in `matches`, what it leaves out in `except`; a phrase that cannot be read is kept,
 * verbatim, as unread, so the bureau sees exactly what to fix. Never throws; the work is linear in the
 * text but for items, which are read only up to MAX_ITEM characters.
 */
export function parseCatchment(text: string, places: CatchmentPlaces): CatchmentPhrase[] {
  const source = typeof text === 'string' ? text : '';
  const env: Env = { places: safePlaces(places), street: null };
  try {
    return new Reader(source, env).read();
  } catch {
    const t = source.trim();
    if (!t) return [];
    const start = source.indexOf(t);
    return [{ text: source.slice(start, start + t.length), street: null, status: 'unread', exclude: false, matches: [], except: [], reading: '未能识别' }];
  }
}

/** Longer items are not lists a bureau writes: they are left unread rather than searched. */
const MAX_ITEM = 120;
const SPEC_START = /^[0-9单双第全含奇偶从〇零一二三四五六七八九十|]/;
/** "注：…", "以上范围…": remarks about the list, not places. */
const NOTE_LINE = /^(?:注|备注|说明|附注|提示|特别说明)\s*[：:0-9１-９.、]|^(?:以上|上述|凡|其他|其余|另外|另|如|若|具体)/;
const MID_EXCLUDE = /^(.{2,}?)[，,]?(?:但)?(?:除去|除了|除|不含|不包括|不包含)(.+?)(?:以外|之外|外)?$/;

interface Env {
  places: CatchmentPlaces;
  street: string | null;
}

function safePlaces(p: CatchmentPlaces | null | undefined): CatchmentPlaces {
  const streets = Array.isArray(p?.streets) ? p!.streets.filter((s) => s && typeof s.name === 'string' && typeof s.code === 'string') : [];
  const communities = Array.isArray(p?.communities) ? p!.communities.filter((c) => c && typeof c.name === 'string' && typeof c.code === 'string') : [];
  return { streets, communities };
}

class Reader {
  private drafts: Draft[] = [];
  private streets = new Map<Draft, string | null>();
  constructor(private source: string, private env: Env) {}

  read(): CatchmentPhrase[] {
    // "诚厚里社区：" on a line of its own labels the lines after it; with nothing after it, it says nothing.
    let pendingLabel: Slice | null = null;
    const dropLabel = () => pendingLabel && this.push(newDraft(pendingLabel, 'unread', '未能识别：社区后没有列出范围'));
    for (const line of splitLines(this.source)) {
      if (line.header) this.env.street = line.header;
      if (pendingLabel && !(line.items.length > 0 && !line.label && !line.header)) dropLabel();
      pendingLabel = null;
      if (line.label?.kind === 'school') this.push(newDraft(line.label, 'note', '学校名称（不是范围）'));
      if (line.label?.kind === 'community' && line.items.length === 0) pendingLabel = line.label;
      else if (NOTE_LINE.test(line.text) && !line.label) this.push(newDraft(line, 'note', '说明'));
      else this.readLine(line);
    }
    dropLabel();
    // A list of 街道 headers alone names those 街道 whole.
    if (this.drafts.length === 0) this.headersOnly();
    return this.drafts.map((d) => this.phrase(d));
  }

  private push(d: Draft): Draft {
    this.drafts.push(d);
    this.streets.set(d, this.env.street);
    return d;
  }

  private phrase(d: Draft): CatchmentPhrase {
    const status = d.kind === 'exclude' || d.kind === 'read' ? 'read' : d.kind;
    const { places } = this.env;
    let reading: string;
    if (d.kind === 'unread') reading = d.why ?? '未能识别';
    else if (d.kind === 'note') reading = d.why ? `备注：${d.why}` : '备注（不含门牌）';
    else {
      reading = (d.kind === 'exclude' ? '除外 ' : '') + describe(d.matches, places);
      if (d.except.length) reading += `；除 ${describe(d.except, places)}`;
      if (d.remarks.length) reading += `（备注：${d.remarks.join('；')}）`;
    }
    return {
      text: this.source.slice(d.start, d.end),
      street: this.streets.get(d) ?? null,
      status,
      exclude: d.kind === 'exclude',
      matches: d.kind === 'unread' || d.kind === 'note' ? [] : d.matches,
      except: d.kind === 'unread' || d.kind === 'note' ? [] : d.except,
      reading,
    };
  }

  private headersOnly(): void {
    for (const l of splitLines(this.source)) {
      if (!l.header) continue;
      this.env.street = l.header;
      const place = readPlace(l.header, this.env.places, null);
      this.push(place?.kind === 'street' ? this.placeDraft(l, place, itemParts(''), l.header) : newDraft(l, 'unread', `未能识别：本区没有“${l.header}”`));
    }
  }

  private readLine(line: Line): void {
    // "诚厚里社区：全部", "红旗村：1-5组": the label is the place the numbers continue.
    let labelDraft: Draft | null = null;
    if (line.label?.kind === 'community') {
      const place = readPlace(line.label.text, this.env.places, this.env.street);
      if (place && (place.kind === 'community' || place.kind === 'estate')) {
        labelDraft = newDraft(line.label, 'read');
        labelDraft.context = place.kind === 'community' ? { kind: 'division', match: place.match } : { kind: 'estate', name: place.name, aliases: [], implicitWhole: true };
      }
    }
    if (line.header && !line.label && line.items.length === 1 && /^(?:全部|全域|全境|辖区全部|所辖全部)$/.test(cleanBody(line.items[0].text))) {
      const place = readPlace(line.header, this.env.places, null);
      if (place?.kind === 'street') {
        labelDraft = newDraft({ text: '', start: line.from, end: line.items[0].end }, 'read');
        labelDraft.context = { kind: 'division', match: place.match };
      }
    }
    line.items.forEach((item, i) => {
      const prev = i === 0 ? (labelDraft ?? this.lineBefore()) : this.drafts[this.drafts.length - 1];
      const d = this.readItem(item, prev, i === 0 && !labelDraft);
      if (d) this.push(d);
      else if (prev === labelDraft && labelDraft) {
        // The label's place took the item: the phrase is the label and its numbers.
        labelDraft.kind = 'read';
        this.push(labelDraft);
        labelDraft = null;
      }
    });
  }

  /** The phrase before, for numbers that continue it on the next line ("六纬路：\n1-99号（单号）"). */
  private lineBefore(): Draft | undefined {
    const prev = this.drafts[this.drafts.length - 1];
    return prev && this.streets.get(prev) === this.env.street ? prev : undefined;
  }

  /** Reads one item; null when it continued `prev` (which then spans it). */
  private readItem(item: Slice, prev: Draft | undefined, newLine = false): Draft | null {
    if (item.text.length > MAX_ITEM) return newDraft(item, 'unread', '未能识别：过长，请分项书写');
    const parts = itemParts(item.text);
    let body = cleanBody(parts.body);
    const context = prev && prev.kind === 'read' ? prev.context : null;
    const extend = () => {
      prev!.end = Math.max(prev!.end, item.end);
      return null;
    };
    const plainBody = body.split(SEGMENT).join('');

    // A parity word alone narrows what the item before added: "1-99号 单号", "六纬路 （双号）".
    if (prev && context && PARITY_ONLY.test(plainBody) && noExtras(parts) && prev.last.length > 0) {
      const side = readSpec(plainBody)!.ranges[0].side;
      for (const r of prev.last) if (r.side === 'all') r.side = side;
      return extend();
    }
    if (NOTE.test(plainBody) || (!plainBody && parts.notes.length > 0)) return newDraft(item, 'note', plainBody || parts.notes.join('；'));

    // "除阳光小区外", "12号除外", "不含15号": what the phrase before (or the school) leaves out.
    const whole = cleanBody(item.text);
    const excluded = EXCLUDE.exec(whole);
    if (excluded && (/^(?:但|其中)?(?:除|不含|不包)/.test(whole) || /除外$/.test(whole))) {
      const matches = this.readList(excluded[1] ?? excluded[2], context);
      if (!matches) return newDraft(item, 'unread', '未能识别：除外的范围读不出');
      if (prev && context && context.kind !== 'division' && !excluded[2]) {
        prev.except.push(...matches);
        return extend();
      }
      const d = newDraft(item, 'exclude');
      d.matches = matches;
      return d;
    }
    // "六纬路全段除12号外": the place, then what it leaves out.
    const mid = MID_EXCLUDE.exec(body);
    if (mid) {
      body = mid[1];
      parts.excepts.push(mid[2]);
    }

    // Numbers that continue the place before: "胜利街4、6、8号", "1-99号（单号）、2-50号（双号）".
    const spec = prev && context && SPEC_START.test(body) ? readSpec(body) : null;
    if (spec && prev && context) {
      const whole = spec.ranges.every(isWholeRange);
      if (context.kind === 'road') {
        prev.last = addRoad(prev.matches, context.road, spec.ranges, context.implicitWhole);
        context.implicitWhole = false;
      } else if (context.kind === 'estate') {
        prev.last = addEstate(prev.matches, context.name, context.aliases, whole ? null : spec.ranges, context.implicitWhole, spec.group ? 'group' : undefined);
        context.implicitWhole = false;
      } else if (whole) {
        if (!prev.matches.includes(context.match)) prev.matches.push(context.match);
        prev.last = [];
      } else return newDraft(item, 'unread', '未能识别');
      const failed = this.applyParts(prev, parts);
      if (failed) return newDraft(item, 'unread', failed);
      return extend();
    }

    // "三街" after 建设南二街, "二横路" after 和平一: the stem comes from before.
    if (prev && !newLine) {
      const stems = prev.stems;
      const stem = stems?.[0].stem ?? (context?.kind === 'road' ? context.road.stem : '');
      const tail = stems ? '' : context?.kind === 'road' ? context.road.tail : '';
      const cont = stem ? readContinuation(body, stem, tail) : null;
      if (cont && (stems || context?.kind === 'road')) {
        if (stems) {
          prev.kind = 'read';
          prev.why = null;
          for (const s of stems) addRoad(prev.matches, roadName(s.stem + s.numeral + cont.road.tail), cont.spec.ranges, false);
          prev.stems = undefined;
        }
        prev.last = addRoad(prev.matches, cont.road, cont.spec.ranges, false);
        prev.context = { kind: 'road', road: cont.road, implicitWhole: false };
        const failed = this.applyParts(prev, parts);
        if (failed) return newDraft(item, 'unread', failed);
        return extend();
      }
    }

    // "二期" after 阳光花园一期, "二区" after 翠苑一区.
    const part = prev && !newLine && context?.kind === 'estate' ? readEstatePart(body, context.name) : null;
    if (part && prev) {
      prev.last = addEstate(prev.matches, part.name, [], part.spec.ranges.every(isWholeRange) ? null : part.spec.ranges, false);
      prev.context = { kind: 'estate', name: part.name, aliases: [], implicitWhole: false };
      const failed = this.applyParts(prev, parts);
      if (failed) return newDraft(item, 'unread', failed);
      return extend();
    }

    const place = readPlace(body, this.env.places, this.env.street);
    if (place) return this.placeDraft(item, place, parts, body);
    const bare = noExtras(parts) ? readBareStem(body) : null;
    if (bare && prev?.stems && !newLine) {
      prev.stems.push(bare);
      return extend();
    }
    if (bare) {
      const d = newDraft(item, 'unread', '未能识别');
      d.stems = [bare];
      return d;
    }
    if (prev && prev.kind === 'unread' && !prev.stems && !newLine && prev === this.drafts[this.drafts.length - 1]) return extend();
    return newDraft(item, 'unread', unreadWhy(body));
  }

  private placeDraft(item: Slice, place: PlaceReading, parts: ItemParts, body: string): Draft {
    if (place.kind === 'unknown') return newDraft(item, 'unread', `未能识别：本区没有“${place.label}”`);
    const d = newDraft(item, parts.notes.length > 0 && place.kind !== 'community' && place.kind !== 'street' ? 'note' : 'read', parts.notes.join('；') || null);
    if (d.kind === 'note') return d;
    if (place.kind === 'community' || place.kind === 'street') {
      d.context = { kind: 'division', match: place.match };
      // "诚厚里社区（阳光小区、幸福花园）": the places named; "（含阳光小区）": the 社区 and them.
      if (parts.places.length === 0) d.matches.push(place.match);
      else {
        const named = this.readList(parts.places.join('、'), null);
        if (!named) return newDraft(item, 'unread', `未能识别：括号内的“${parts.places.join('，')}”`);
        d.matches.push(...named);
        parts.places = [];
      }
    } else if (place.kind === 'road') {
      const implicitWhole = cleanBody(body.split(SEGMENT).join('')) === place.road.name;
      d.last = addRoad(d.matches, place.road, place.spec.ranges, false);
      d.context = { kind: 'road', road: place.road, implicitWhole };
      if (place.estate) addEstate(d.matches, place.estate, [], null, false);
    } else {
      const aliases = [...parts.aliases];
      // "万达广场小区" is also written and typed "万达广场" (not "阳光": that is in too many other names).
      const short = place.name.replace(/小区$/, '');
      if (short !== place.name && short.length >= 3 && !aliases.includes(short)) aliases.push(short);
      parts.aliases = [];
      d.last = addEstate(d.matches, place.name, aliases, place.spec?.ranges ?? null, false, place.spec?.group ? 'group' : undefined);
      d.context = { kind: 'estate', name: place.name, aliases, implicitWhole: !place.spec && cleanBody(body) === place.name };
    }
    const failed = this.applyParts(d, parts);
    return failed ? newDraft(item, 'unread', failed) : d;
  }

  /** What the brackets add to a phrase; the reason it cannot be read, or null. */
  private applyParts(d: Draft, parts: ItemParts): string | null {
    if (parts.places.length > 0) return `未能识别：括号内的“${parts.places.join('，')}”`;
    if (parts.aliases.length > 0) {
      const estate = d.context?.kind === 'estate' ? d.matches.find((m) => m.kind === 'estate' && m.name === (d.context as { name: string }).name) : null;
      // "六纬路（原胜利路）": the old name of a road or 社区 is a remark.
      if (!estate || estate.kind !== 'estate') d.remarks.push(...parts.aliases.map((a) => `原${a}`));
      else for (const a of parts.aliases) if (!estate.aliases.includes(a)) estate.aliases.push(a);
    }
    for (const inner of parts.includes) {
      const named = this.readList(inner, d.context);
      if (!named) return `未能识别：括号内的“含${inner}”`;
      d.matches.push(...named.filter((m) => !d.matches.includes(m)));
    }
    for (const inner of parts.excepts) {
      const left = this.readList(inner, d.context);
      if (!left) return `未能识别：除外的“${inner}”`;
      d.except.push(...left);
    }
    d.remarks.push(...parts.remarks);
    return null;
  }

  /** The places a list inside a phrase names ("12号、15号", "阳光小区和幸福花园"), read against the context. */
  private readList(text: string, context: Context | null): CatchmentMatch[] | null {
    const out: CatchmentMatch[] = [];
    for (const piece of splitItems({ text, start: 0, end: text.length })) {
      const read = this.readPieces([piece], context) ?? this.readPieces(splitAnd(piece), context);
      if (!read) return null;
      out.push(...read);
    }
    return out.length > 0 ? out : null;
  }

  private readPieces(pieces: Slice[], context: Context | null): CatchmentMatch[] | null {
    const base = newDraft({ text: '', start: 0, end: 0 }, 'read');
    base.context = context && (context.kind === 'division' ? null : { ...context, implicitWhole: false });
    const saved = this.drafts;
    this.drafts = [base];
    try {
      for (const piece of pieces) {
        const d = this.readItem(piece, this.drafts[this.drafts.length - 1]);
        if (d) this.drafts.push(d);
      }
      if (this.drafts.some((d) => d.kind !== 'read')) return null;
      return this.drafts.flatMap((d) => d.matches);
    } finally {
      this.drafts = saved;
    }
  }
}

function splitAnd(piece: Slice): Slice[] {
  return piece.text.split(/[和及与]/).filter(Boolean).map((text) => ({ text, start: 0, end: 0 }));
}

const noExtras = (p: ItemParts) => p.excepts.length + p.aliases.length + p.includes.length + p.places.length + p.notes.length === 0;

function unreadWhy(body: string): string {
  if (/以东|以西|以南|以北|之间|东侧|西侧|南侧|北侧|路段|[东西南北中]段|围合|一带|区域|部分/.test(body)) return '未能识别：按路段、方位或部分描述，无法按门牌判断';
  if (/[甲乙丙丁]\d|[甲乙丙丁][〇零一二三四五六七八九十]/.test(body)) return '未能识别：甲/乙号等附号暂不能按门牌判断';
  return '未能识别';
}
