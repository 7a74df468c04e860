import { addEstate, addRoad, newDraft, type Draft } from './draft';
import { EXCLUDE, itemParts, NOTE, PARITY_ONLY, type ItemParts } from './groups';
import { cleanBody, isRoadName, readBareStem, readContinuation, readEstatePart, readPlace, roadName } from './place';
import { PlaceReader } from './phrase';
import { isWholeRange, readSpec, SEGMENT } from './spec';
import type { Slice } from './split';

/**
 * One item of a line, read against the phrase before it: numbers continue a road or 小区, a parity word
 * narrows what came before, "三街" takes the stem of 建设南二街, 除外 leaves places out; otherwise the item
 * is a place of its own, or unread.
 */

/** Longer items are not lists a bureau writes: they are left unread rather than searched. */
const MAX_ITEM = 120;
const SPEC_START = /^[0-9单双第全含奇偶从〇零一二三四五六七八九十|]/;
const MID_EXCLUDE = /^(.{2,}?)[，,]?(?:但)?(?:除去|除了|除|不含|不包括|不包含)(.+?)(?:以外|之外|外)?$/;

export abstract class ItemReader extends PlaceReader {
  protected readItem(item: Slice, prev: Draft | undefined, newLine = false): Draft | null {
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
      // "南京路：单号：1-49号，双号：2-50号": followed by a colon, it is the side of the numbers after it.
      const label = /^\s*[：:]/.test(this.source.slice(item.end, item.end + 3));
      if (label) prev.side = side;
      if (!label || (context.kind !== 'division' && context.implicitWhole))
        for (const r of prev.last) if (r.side === 'all') r.side = side;
      return extend();
    }
    if (NOTE.test(plainBody) || (!plainBody && parts.notes.length > 0))
      return newDraft(item, 'note', plainBody || parts.notes.join('；'));

    // "除阳光小区外", "12号除外", "不含15号": what the phrase before (or the school) leaves out.
    const raw = cleanBody(item.text);
    const excluded = EXCLUDE.exec(raw);
    if (excluded && (/^(?:但|其中)?(?:除|不含|不包)/.test(raw) || /除外$/.test(raw))) {
      const matches = this.readList(excluded[1] ?? excluded[2], context);
      if (!matches && prev && context && context.kind !== 'division' && !excluded[2]) {
        // The phrase before would take in what it leaves out: unread with it.
        Object.assign(prev, {
          kind: 'unread',
          why: '未能识别：除外的范围读不出',
          matches: [],
          except: [],
          context: null,
        });
        return extend();
      }
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
      if (prev.side) for (const r of spec.ranges) if (r.side === 'all') r.side = prev.side;
      const whole = spec.ranges.every(isWholeRange);
      if (context.kind === 'road') {
        prev.last = addRoad(prev.matches, context.road, spec.ranges, context.implicitWhole);
        context.implicitWhole = false;
      } else if (context.kind === 'estate' && whole && context.division) {
        if (!prev.matches.includes(context.division)) prev.matches.push(context.division);
        prev.last = [];
      } else if (context.kind === 'estate' && whole && context.implicitWhole && this.estateClash(context.name, true)) {
        return newDraft(item, 'unread', this.estateClash(context.name, true));
      } else if (context.kind === 'estate') {
        prev.last = addEstate(
          prev.matches,
          context.name,
          context.aliases,
          whole ? null : spec.ranges,
          context.implicitWhole,
          spec.group ? 'group' : undefined,
        );
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
      // Every name the stems give must be a road name ("12号之" + "七纬路" is none).
      if (cont && stems && !stems.every((st) => isRoadName(st.stem + st.numeral + cont.road.tail)))
        return newDraft(item, 'unread', '未能识别');
      if (cont && (stems || context?.kind === 'road')) {
        if (stems) {
          prev.kind = 'read';
          prev.why = null;
          for (const s of stems)
            addRoad(prev.matches, roadName(s.stem + s.numeral + cont.road.tail), cont.spec.ranges, false);
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
      prev.last = addEstate(
        prev.matches,
        part.name,
        [],
        part.spec.ranges.every(isWholeRange) ? null : part.spec.ranges,
        false,
      );
      prev.context = { kind: 'estate', name: part.name, aliases: [], implicitWhole: false };
      const failed = this.applyParts(prev, parts);
      if (failed) return newDraft(item, 'unread', failed);
      return extend();
    }

    // "阳光小区和万新花园": two places joined by 和 / 及 / 与.
    const joined = noExtras(parts) ? this.readJoined(body) : null;
    if (joined) {
      const d = newDraft(item, 'read');
      d.matches = joined;
      return d;
    }
    const place = readPlace(body, this.env.places, this.env.street);
    // "和平路2—20号（双号）、和平路1-19号（单号）": the same road again continues the phrase.
    if (
      place?.kind === 'road' &&
      !place.estate &&
      prev &&
      !newLine &&
      context?.kind === 'road' &&
      context.road.name === place.road.name &&
      parts.places.length === 0
    ) {
      prev.last = addRoad(prev.matches, context.road, place.spec.ranges, context.implicitWhole);
      context.implicitWhole = false;
      const failed = this.applyParts(prev, parts);
      if (failed) return newDraft(item, 'unread', failed);
      return extend();
    }
    if (place) return this.placeDraft(item, place, parts, body);
    // "阳光花园一、二期": phases of the 小区 before.
    const phase =
      prev?.stems && !newLine && noExtras(parts) ? /^([〇零一二三四五六七八九十]{1,3})(期|区)$/.exec(body) : null;
    if (phase && prev?.stems) {
      prev.kind = 'read';
      prev.why = null;
      for (const s of [...prev.stems, { stem: prev.stems[0].stem, numeral: phase[1] }])
        addEstate(prev.matches, s.stem + s.numeral + phase[2], [], null, false);
      prev.stems = undefined;
      prev.context = null;
      return extend();
    }
    // "和平一、二、三横路": a numeral alone between them.
    const bare = !noExtras(parts)
      ? null
      : prev?.stems && /^[〇零一二三四五六七八九十]{1,3}$/.test(body)
        ? { stem: prev.stems[0].stem, numeral: body }
        : readBareStem(body);
    if (bare && prev?.stems && !newLine) {
      prev.stems.push(bare);
      return extend();
    }
    if (bare) {
      const d = newDraft(item, 'unread', '未能识别');
      d.stems = [bare];
      return d;
    }
    if (prev && prev.kind === 'unread' && !prev.stems && !newLine && prev === this.drafts[this.drafts.length - 1])
      return extend();
    return newDraft(item, 'unread', unreadWhy(body));
  }
}

export const noExtras = (p: ItemParts) =>
  p.excepts.length + p.aliases.length + p.includes.length + p.places.length + p.notes.length === 0;

function unreadWhy(body: string): string {
  if (/以东|以西|以南|以北|之间|东侧|西侧|南侧|北侧|路段|[东西南北中]段|围合|一带|区域|部分/.test(body))
    return '未能识别：按路段、方位或部分描述，无法按门牌判断';
  if (/[甲乙丙丁]\d|[甲乙丙丁][〇零一二三四五六七八九十]/.test(body)) return '未能识别：甲/乙号等附号暂不能按门牌判断';
  return '未能识别';
}
