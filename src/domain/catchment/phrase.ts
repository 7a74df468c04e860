import { addEstate, addRoad, isRoadEstate, newDraft, type Context, type Draft } from './draft';
import type { ItemParts } from './groups';
import { safeAlias, shortAlias, type PlaceReading } from './place';
import { SEGMENT } from './spec';
import { splitItems, type Slice } from './split';
import type { CatchmentMatch, CatchmentPlaces } from './types';

/**
 * The reader's state and what turns a place into a phrase: its brackets (other names, inclusions,
 * exclusions, places named inside), and lists read inside a phrase ("除12号、15号外").
 */
export interface Env {
  places: CatchmentPlaces;
  street: string | null;
}

export function safePlaces(p: CatchmentPlaces | null | undefined): CatchmentPlaces {
  const streets = Array.isArray(p?.streets)
    ? p.streets.filter((s) => s && typeof s.name === 'string' && typeof s.code === 'string')
    : [];
  const communities = Array.isArray(p?.communities)
    ? p.communities.filter((c) => c && typeof c.name === 'string' && typeof c.code === 'string')
    : [];
  return { streets, communities };
}

export abstract class PlaceReader {
  protected drafts: Draft[] = [];
  protected streets = new Map<Draft, string | null>();
  constructor(
    protected source: string,
    protected env: Env,
  ) {}

  /** Reads one item; null when it continued `prev` (which then spans it). */
  protected abstract readItem(item: Slice, prev: Draft | undefined, newLine?: boolean): Draft | null;

  protected placeDraft(item: Slice, place: PlaceReading, parts: ItemParts, body: string): Draft {
    if (place.kind === 'unknown') return newDraft(item, 'unread', `未能识别：本区没有“${place.label}”`);
    const d = newDraft(
      item,
      parts.notes.length > 0 && place.kind !== 'community' && place.kind !== 'street' ? 'note' : 'read',
      parts.notes.join('；') || null,
    );
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
      const implicitWhole = !!place.bare && !body.includes(SEGMENT);
      // "和平路1-99号（阳光小区）": the 小区 at those numbers; "六纬路（阳光小区）": only the 小区 on that road.
      const named = parts.places.length > 0 ? this.readList(parts.places.join('、'), null) : [];
      if (!named || named.some((m) => m.kind !== 'estate' || isRoadEstate(m)))
        return newDraft(item, 'unread', `未能识别：括号内的“${parts.places.join('，')}”`);
      parts.places = [];
      if (!(implicitWhole && named.length > 0)) d.last = addRoad(d.matches, place.road, place.spec.ranges, false);
      d.matches.push(...named);
      d.context = { kind: 'road', road: place.road, implicitWhole };
      if (place.estate) addEstate(d.matches, place.estate, [], null, false);
    } else {
      const clash = this.estateClash(place.name, !place.spec);
      if (clash) return newDraft(item, 'unread', clash);
      // "阳光花园（和平路18号）": the 小区 and its address.
      const named = parts.places.length > 0 ? this.readList(parts.places.join('、'), null) : [];
      if (!named) return newDraft(item, 'unread', `未能识别：括号内的“${parts.places.join('，')}”`);
      parts.places = [];
      // Other names are searched in addresses like the name: short or road-like ones would be found elsewhere.
      const aliases = parts.aliases.filter((a) => safeAlias(a));
      d.remarks.push(...parts.aliases.filter((a) => !safeAlias(a)).map((a) => `原${a}`));
      const short = shortAlias(place.name);
      if (short && !aliases.includes(short)) aliases.push(short);
      parts.aliases = [];
      d.last = addEstate(
        d.matches,
        place.name,
        aliases,
        place.spec?.ranges ?? null,
        false,
        place.spec?.group ? 'group' : undefined,
      );
      d.context = { kind: 'estate', name: place.name, aliases, implicitWhole: !!place.bare && !body.includes(SEGMENT) };
      d.matches.push(...named);
    }
    const failed = this.applyParts(d, parts);
    return failed ? newDraft(item, 'unread', failed) : d;
  }

  /**
   * A 小区 name that other addresses contain: a village "大王庄" is in every "大王庄街道…" address, a whole
   * "桃园" in every "桃园路…" one (the matcher finds 小区 names anywhere in the address, and a 小区 outranks a
   * road). Such a name is read only with buildings (the number must follow the name), never whole.
   */
  estateClash(name: string, whole: boolean): string | null {
    if (!whole) return null;
    const key = name.normalize('NFKC');
    const street = this.env.places.streets.find((p) => p.name.includes(key) && p.name !== key);
    if (street) return `未能识别：小区名“${name}”也是“${street.name}”的一部分，按名称查找会误配`;
    if (Array.from(key).length <= 2) return `未能识别：小区名“${name}”过短，按名称查找会误配（请写全称或楼号）`;
    return null;
  }

  /** What the brackets add to a phrase; the reason it cannot be read, or null. */
  protected applyParts(d: Draft, parts: ItemParts): string | null {
    if (parts.places.length > 0) return `未能识别：括号内的“${parts.places.join('，')}”`;
    if (parts.aliases.length > 0) {
      const estate =
        d.context?.kind === 'estate'
          ? d.matches.find((m) => m.kind === 'estate' && m.name === (d.context as { name: string }).name)
          : null;
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

  /** Two or more places joined by 和 / 及 / 与, each readable alone (a name of 3 or more characters after the word). */
  protected readJoined(body: string): CatchmentMatch[] | null {
    const pieces = splitAnd(body);
    if (pieces.length < 2) return null;
    return this.readPieces(pieces, null);
  }

  /** The places a list inside a phrase names ("12号、15号", "阳光小区和幸福花园"), read against the context. */
  protected readList(text: string, context: Context | null): CatchmentMatch[] | null {
    const out: CatchmentMatch[] = [];
    for (const piece of splitItems({ text, start: 0, end: text.length })) {
      const joined = splitAnd(piece.text);
      const read = (joined.length > 1 ? this.readPieces(joined, context) : null) ?? this.readPieces([piece], context);
      if (!read) return null;
      out.push(...read);
    }
    return out.length > 0 ? out : null;
  }

  protected readPieces(pieces: Slice[], context: Context | null): CatchmentMatch[] | null {
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

/** "阳光小区和万新花园" → 阳光小区, 万新花园: at 和 / 及 / 与 / 以及 after a name and before one of 3 or more characters. */
export function splitAnd(text: string): Slice[] {
  const out: Slice[] = [];
  let from = 0;
  for (let i = 2; i < text.length - 3; i++) {
    const word = text.startsWith('以及', i) ? 2 : '和及与'.includes(text[i]) ? 1 : 0;
    if (
      word &&
      i - from >= 2 &&
      /[路街道巷里坊横条园苑村院号楼栋幢城府庭湾居阁轩邸郡墅寓舍座社屯庄区厦场寓期组]$/.test(text.slice(from, i))
    ) {
      out.push({ text: text.slice(from, i), start: 0, end: 0 });
      from = i + word;
      i += word - 1;
    }
  }
  out.push({ text: text.slice(from), start: 0, end: 0 });
  return out;
}
