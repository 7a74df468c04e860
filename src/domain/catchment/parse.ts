import { readBareStem, readContinuation, readPlace, isWhole, type PlaceReading, type RoadName } from './place';
import { describeRange, readSpec, type NumberSpec } from './spec';
import { splitLines, type Slice } from './split';
import type { CatchmentMatch, CatchmentPhrase, CatchmentPlaces, NumberRange } from './types';

/**
 * Reads a published 登记范围 phrase by phrase. A phrase is a place and the items that continue it:
 * "六纬路1-99号（单号）、2-50号（双号）", "和平一、二横路", "胜利街4、6、8号" are one phrase each. What a
 * phrase covers is in `matches`, what it leaves out in `except`; a phrase that cannot be read is kept,
 * verbatim, as unread, so the bureau sees exactly what to fix. Never throws.
 */
export function parseCatchment(text: string, places: CatchmentPlaces): CatchmentPhrase[] {
  const source = typeof text === 'string' ? text : '';
  const out: CatchmentPhrase[] = [];
  let street: string | null = null;
  for (const line of splitLines(source)) {
    if (line.header) street = line.header;
    if (line.items.length === 0) continue;
    if (/^(?:注|备注|说明|附注)/.test(line.text)) {
      out.push(phraseOf(source, { ...line, kind: 'note', readings: ['备注'] }, street));
      continue;
    }
    for (const p of readLine(line.items, places, street)) out.push(phraseOf(source, p, street));
  }
  // A header with nothing under it names its whole 街道.
  return out.length > 0 ? out : headersOnly(source, places);
}

type Context = { kind: 'road'; road: RoadName; implicitWhole: boolean } | { kind: 'estate'; name: string; aliases: string[] } | null;

interface Draft extends Slice {
  kind: 'read' | 'note' | 'unread' | 'exclude';
  matches?: CatchmentMatch[];
  except?: CatchmentMatch[];
  readings: string[];
  context?: Context;
  stems?: Array<{ stem: string; numeral: string }>;
}

const NOTE = /^(?:已拆迁|已拆除|拆迁|待拆迁|已拆|暂无|待建|在建|规划|无住户|空地)/;
const EXCLUDE = /^(?:除|不含|不包括|不包含)(.+?)(?:以外|之外|外)?$|^(.+?)除外$/;
const ALIAS = /^(?:原|又称|即|俗称|简称|旧称|现称|现名|现为|也称|亦称)[:：]?(.+)$/;
const PARITY_ONLY = /^(?:含)?(单双号?|双单号?|单号?|双号?|单数|双数)(?:侧)?$/;
const BRACKETS = /[(（[【〔]([^()（）[\]【】〔〕]*)[)）\]】〕]/g;

function phraseOf(source: string, d: Draft, street: string | null): CatchmentPhrase {
  const status = d.kind === 'exclude' || d.kind === 'read' ? 'read' : d.kind;
  return {
    text: source.slice(d.start, d.end),
    street,
    status,
    exclude: d.kind === 'exclude',
    matches: d.matches ?? [],
    except: d.except ?? [],
    reading: d.kind === 'unread' ? (d.readings[0] ?? '未能识别') : d.readings.join('；'),
  };
}

function headersOnly(source: string, places: CatchmentPlaces): CatchmentPhrase[] {
  return splitLines(source)
    .filter((l) => l.header)
    .map((l) => {
      const place = readPlace(l.header!, places, null);
      const d: Draft = place ? readingDraft(l, place, []) : { ...l, kind: 'unread', readings: [`未能识别：本区没有“${l.header}”`] };
      return phraseOf(source, d, l.header);
    });
}

function rangesOf(spec: NumberSpec, groups: readonly string[]): NumberRange[] {
  let ranges = spec.ranges;
  for (const g of groups) {
    const parity = PARITY_ONLY.exec(g);
    if (parity) {
      const side: NumberRange['side'] = /单.*双|双.*单/.test(parity[1]) ? 'all' : parity[1].startsWith('单') ? 'odd' : 'even';
      ranges = ranges.map((r) => (r.side === 'all' ? { ...r, side } : r));
      continue;
    }
    const extra = readSpec(g);
    if (extra && !extra.building && !EXCLUDE.test(g)) ranges = isWhole(spec) ? extra.ranges : [...ranges, ...extra.ranges];
  }
  return ranges;
}

function roadMatches(road: RoadName, ranges: readonly NumberRange[]): CatchmentMatch[] {
  return ranges.map((r) => ({ kind: 'road', road: road.name, side: r.side, from: r.from, to: r.to }));
}

const roadReading = (road: RoadName, ranges: readonly NumberRange[]) => `道路 ${road.name} ${ranges.map((r) => describeRange(r)).join('、')}`;
const estateReading = (name: string, buildings: readonly NumberRange[] | undefined, aliases: readonly string[]) =>
  `小区 ${name}${aliases.length ? `（又称${aliases.join('、')}）` : ''}${buildings ? ` ${buildings.map((r) => describeRange(r, '号楼')).join('、')}` : ''}`;

/** Matches and a reading of a place, with what its brackets add (parity, 除外, aliases, remarks). */
function readingDraft(slice: Slice, place: PlaceReading, groups: readonly string[], places?: CatchmentPlaces, street: string | null = null): Draft {
  const draft = placeDraft(slice, place, groups);
  for (const g of groups) {
    const excluded = EXCLUDE.exec(g);
    if (!excluded || !places) continue;
    const matches = exclusion(excluded[1] ?? excluded[2], draft.context ?? null, places, street);
    if (!matches) {
      draft.readings.push(`未能识别的除外：${g}`);
      continue;
    }
    draft.except = [...(draft.except ?? []), ...matches];
    draft.readings.push(`除 ${describeMatches(matches)}`);
  }
  return draft;
}

function placeDraft(slice: Slice, place: PlaceReading, groups: readonly string[]): Draft {
  const remarks = groups.filter((g) => !PARITY_ONLY.test(g) && !readSpec(g) && !EXCLUDE.test(g) && !ALIAS.test(g));
  const tail = remarks.length ? `（备注：${remarks.join('；')}）` : '';
  if (place.kind === 'community' || place.kind === 'street') {
    return { ...slice, kind: 'read', matches: [place.match], readings: [`${place.kind === 'community' ? '社区' : '街道'} ${place.label}${tail}`], context: null };
  }
  if (place.kind === 'road') {
    const ranges = rangesOf(place.spec, groups);
    const implicitWhole = isWhole(place.spec) && ranges === place.spec.ranges;
    return { ...slice, kind: 'read', matches: roadMatches(place.road, ranges), readings: [roadReading(place.road, ranges) + tail], context: { kind: 'road', road: place.road, implicitWhole } };
  }
  const aliases = groups.map((g) => ALIAS.exec(g)?.[1]).filter((a): a is string => !!a).flatMap((a) => a.split(/[、，,或]/)).map((a) => a.trim()).filter(Boolean);
  const buildings = place.spec ? rangesOf(place.spec, groups) : undefined;
  // "万达广场小区" is also written and typed "万达广场".
  const short = place.name.replace(/小区$/, '');
  if (short !== place.name && short.length >= 2 && !aliases.includes(short)) aliases.push(short);
  const match: CatchmentMatch = { kind: 'estate', name: place.name, aliases, ...(buildings ? { buildings } : {}) };
  return { ...slice, kind: 'read', matches: [match], readings: [estateReading(place.name, buildings, aliases) + tail], context: { kind: 'estate', name: place.name, aliases } };
}

/** The places an exclusion names, read against the phrase's road or 小区. */
function exclusion(inner: string, context: Context, places: CatchmentPlaces, street: string | null): CatchmentMatch[] | null {
  const out: CatchmentMatch[] = [];
  for (const piece of inner.split(/[、，,和及与]/).map((p) => p.trim()).filter(Boolean)) {
    const spec = readSpec(piece);
    if (spec && context?.kind === 'road' && !spec.building) out.push(...roadMatches(context.road, spec.ranges));
    else if (spec && context?.kind === 'estate') out.push({ kind: 'estate', name: context.name, aliases: context.aliases, buildings: spec.ranges });
    else {
      const place = readPlace(piece, places, street);
      if (!place) return null;
      out.push(...readingDraft({ text: piece, start: 0, end: 0 }, place, []).matches!);
    }
  }
  return out.length ? out : null;
}

function describeMatches(matches: readonly CatchmentMatch[]): string {
  return matches
    .map((m) =>
      m.kind === 'road' ? `${m.road} ${describeRange(m)}`
      : m.kind === 'estate' ? `${m.name}${m.buildings ? ` ${m.buildings.map((r) => describeRange(r, '号楼')).join('、')}` : ''}`
      : m.kind === 'community' ? `社区 ${m.communityCode}`
      : `街道 ${m.streetCode}`,
    )
    .join('、');
}

/** The body of an item and the contents of its brackets. */
function bodyAndGroups(text: string): { body: string; groups: string[] } {
  const groups: string[] = [];
  let body = text;
  for (let i = 0; i < 3; i++) body = body.replace(BRACKETS, (_, g: string) => (groups.push(g.trim()), ''));
  return { body: body.trim(), groups: groups.filter(Boolean) };
}

function readLine(items: readonly Slice[], places: CatchmentPlaces, street: string | null): Draft[] {
  const drafts: Draft[] = [];
  const last = () => drafts[drafts.length - 1] as Draft | undefined;
  const extend = (d: Draft, item: Slice) => Object.assign(d, { end: item.end });
  for (const item of items) {
    const { body, groups } = bodyAndGroups(item.text);
    const prev = last();
    const context = prev?.kind === 'read' ? prev.context ?? null : null;

    // Brackets alone ("（单号）" after a space): they modify the phrase before.
    if (!body && prev && prev.kind === 'read' && context?.kind === 'road') {
      const ranges = rangesOf({ ranges: prev.matches!.filter((m) => m.kind === 'road') as unknown as NumberRange[], building: false }, groups);
      prev.matches = roadMatches(context.road, ranges);
      prev.readings[prev.readings.length - 1] = roadReading(context.road, ranges);
      extend(prev, item);
      continue;
    }

    const excluded = EXCLUDE.exec(body);
    if (excluded) {
      const matches = exclusion(excluded[1] ?? excluded[2], context, places, street);
      if (matches && prev && prev.kind === 'read' && context && !excluded[2]) {
        // "六纬路全段、除12号外": the exclusion belongs to the phrase before.
        prev.except = [...(prev.except ?? []), ...matches];
        prev.readings.push(`除 ${describeMatches(matches)}`);
        extend(prev, item);
      } else if (matches) drafts.push({ ...item, kind: 'exclude', matches, readings: [`除外 ${describeMatches(matches)}`] });
      else drafts.push({ ...item, kind: 'unread', readings: ['未能识别：除外的范围读不出'] });
      continue;
    }
    if (NOTE.test(body) || (!body && groups.some((g) => NOTE.test(g)))) {
      drafts.push({ ...item, kind: 'note', readings: ['备注（不含门牌）'] });
      continue;
    }

    // Numbers that continue the road or 小区 before: "胜利街4、6、8号", "1-99号（单号）、2-50号（双号）".
    const spec = /^[0-9单双第全含〇零一二三四五六七八九十]/.test(body) ? readSpec(body) : null;
    if (spec && prev && context && (context.kind === 'road' || spec.building)) {
      const ranges = rangesOf(spec, groups);
      if (context.kind === 'road') {
        const keep = context.implicitWhole ? [] : prev.matches!;
        prev.matches = [...keep, ...roadMatches(context.road, ranges)];
        context.implicitWhole = false;
        prev.readings[prev.readings.length - 1] = roadReading(context.road, prev.matches as unknown as NumberRange[]);
      } else {
        prev.matches!.push({ kind: 'estate', name: context.name, aliases: context.aliases, buildings: ranges });
        prev.readings.push(estateReading(context.name, ranges, []));
      }
      extend(prev, item);
      continue;
    }

    // "三街" after 建设南二街, "二横路" after 和平一: the stem comes from before.
    const stems = prev?.stems;
    const stem = stems?.[0].stem ?? (context?.kind === 'road' ? context.road.stem : '');
    const cont = prev ? readContinuation(body, stem) : null;
    if (prev && cont) {
      const roads: RoadName[] = [...(stems ?? []).map((s) => ({ name: s.stem + s.numeral + cont.road.tail, stem: s.stem, tail: cont.road.tail })), cont.road];
      const ranges = rangesOf(cont.spec, groups);
      prev.kind = 'read';
      prev.matches = [...(prev.matches ?? []), ...roads.flatMap((r) => roadMatches(r, ranges))];
      prev.readings = [...(stems ? [] : prev.readings), ...roads.map((r) => roadReading(r, ranges))];
      prev.stems = undefined;
      prev.context = { kind: 'road', road: cont.road, implicitWhole: false };
      extend(prev, item);
      continue;
    }

    const place = readPlace(body, places, street);
    if (place) {
      drafts.push(readingDraft(item, place, groups, places, street));
      continue;
    }
    const bare = groups.length === 0 ? readBareStem(body) : null;
    if (bare && prev?.stems) {
      prev.stems.push(bare);
      extend(prev, item);
      continue;
    }
    if (bare) {
      drafts.push({ ...item, kind: 'unread', readings: ['未能识别'], stems: [bare] });
      continue;
    }
    if (prev && prev.kind === 'unread' && !prev.stems) {
      extend(prev, item);
      continue;
    }
    drafts.push({ ...item, kind: 'unread', readings: [unreadWhy(body)] });
  }
  return drafts;
}

function unreadWhy(body: string): string {
  if (/以东|以西|以南|以北|之间|东侧|西侧|南侧|北侧|路段|围合|一带/.test(body)) return '未能识别：按路段或方位描述，无法按门牌判断';
  return '未能识别';
}
