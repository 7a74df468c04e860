import { describe, newDraft, type Draft } from './draft';
import { itemParts } from './groups';
import { ItemReader } from './item';
import { BOUNDARY, cleanBody, readPlace } from './place';
import { safePlaces, type Env } from './phrase';
import { splitLines, type Line, type Slice } from './split';
import type { CatchmentPhrase, CatchmentPlaces } from './types';

/**
 * Reads a published 登记范围 phrase by phrase. A phrase is a place and the items that continue it:
 * "六纬路1-99号（单号）、2-50号（双号）", "和平一、二横路", "胜利街4、6、8号" are one phrase each. What a
 * phrase covers is in `matches`, what it leaves out in `except`; a phrase that cannot be read is kept,
 * verbatim, as unread, so the bureau sees exactly what to fix. Never throws; the work is linear in the
 * text but for items, which are read only up to a fixed length (longer ones are unread).
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
    return [
      {
        text: source.slice(start, start + t.length),
        street: null,
        status: 'unread',
        exclude: false,
        matches: [],
        except: [],
        reading: '未能识别',
      },
    ];
  }
}

/** "注：…", "以上范围…": remarks about the list, not places. */
const NOTE_LINE =
  /^(?:注|备注|说明|附注|提示|特别说明)\s*[：:0-9１-９.、]|^(?:以上|上述|凡是|凡在|凡属|其他|其余|另外|另有|如有|如遇|如需|若有|具体以)/;

class Reader extends ItemReader {
  read(): CatchmentPhrase[] {
    // "诚厚里社区：" on a line of its own labels the lines after it; with nothing after it, it says nothing.
    let pendingLabel: Slice | null = null;
    let headerLine: Line | null = null;
    const dropLabel = () => pendingLabel && this.push(newDraft(pendingLabel, 'unread', '未能识别：社区后没有列出范围'));
    for (const line of splitLines(this.source)) {
      if (line.header) this.env.street = line.header;
      if (pendingLabel && !(line.items.length > 0 && !line.label && !line.header)) dropLabel();
      pendingLabel = null;
      if (line.label?.kind === 'school') this.push(newDraft(line.label, 'note', '学校名称（不是范围）'));
      if (line.label?.kind === 'community' && line.items.length === 0) pendingLabel = line.label;
      else if (NOTE_LINE.test(line.text) && !line.label) this.push(newDraft(line, 'note', '说明'));
      else this.readLine(line, headerLine);
      headerLine = line.header && line.items.length === 0 && !line.label ? line : null;
    }
    dropLabel();
    // A list of 街道 headers alone names those 街道 whole.
    if (this.drafts.length === 0) this.headersOnly();
    return this.drafts.map((d) => this.phrase(d));
  }

  protected push(d: Draft): Draft {
    this.drafts.push(d);
    this.streets.set(d, this.env.street);
    return d;
  }

  protected phrase(d: Draft): CatchmentPhrase {
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

  protected headersOnly(): void {
    for (const l of splitLines(this.source)) {
      if (!l.header) continue;
      this.env.street = l.header;
      // The phrase is the whole line, header included: a header cut off its line leaves nothing after it.
      const whole: Line = { ...l, start: l.from, text: this.source.slice(l.from, l.end) };
      const place = readPlace(l.header, this.env.places, null);
      this.push(
        place?.kind === 'street'
          ? this.placeDraft(whole, place, itemParts(''), l.header)
          : newDraft(whole, 'unread', `未能识别：本区没有“${l.header}”`),
      );
    }
  }

  /** `headerLine`: the line before, when it was a 街道 header alone ("大王庄街道\n全部"). */
  protected readLine(line: Line, headerLine: Line | null = null): void {
    // "诚厚里社区：全部", "红旗村：1-5组": the label is the place the numbers continue.
    let labelDraft: Draft | null = null;
    if (line.label?.kind === 'community') {
      const place = readPlace(line.label.text, this.env.places, this.env.street);
      const name = cleanBody(line.label.text);
      const village = /^[\u3400-\u9fff]{2,12}村$/.test(name) && !BOUNDARY.test(name) ? name : null;
      if (village || (place && (place.kind === 'community' || place.kind === 'estate'))) {
        labelDraft = newDraft(line.label, 'read');
        const division = place?.kind === 'community' ? place.match : undefined;
        // "新兴村：1-6组": the 组 of a 村 are found after its name, like buildings after a 小区's.
        labelDraft.context = village
          ? { kind: 'estate', name: village, aliases: [], implicitWhole: true, division }
          : division
            ? { kind: 'division', match: division }
            : place?.kind === 'estate'
              ? { kind: 'estate', name: place.name, aliases: [], implicitWhole: true }
              : null;
      }
    }
    const header = line.header ? line : headerLine;
    if (
      header?.header &&
      !line.label &&
      line.items.length === 1 &&
      /^(?:全部|全域|全境|辖区全部|所辖全部)$/.test(cleanBody(line.items[0].text))
    ) {
      const place = readPlace(header.header, this.env.places, null);
      if (place?.kind === 'street') {
        labelDraft = newDraft({ text: '', start: header.from, end: line.items[0].end }, 'read');
        labelDraft.context = { kind: 'division', match: place.match };
      }
    }
    line.items.forEach((item, i) => {
      const prev = i === 0 ? (labelDraft ?? this.lineBefore()) : this.drafts[this.drafts.length - 1];
      const d = this.readItem(item, prev, i === 0 && !labelDraft);
      if (d && this.waitedForNumbers(prev, d)) {
        // "鞍山道：北侧单号1-69号": the numbers the colon announced are unreadable, so the road is too.
        Object.assign(prev!, { kind: 'unread', why: d.why, end: d.end, matches: [], except: [], context: null });
      } else if (d) this.push(d);
      else if (prev === labelDraft && labelDraft) {
        // The label's place took the item: the phrase is the label and its numbers.
        labelDraft.kind = 'read';
        this.push(labelDraft);
        labelDraft = null;
      }
    });
  }

  private waitedForNumbers(prev: Draft | undefined, d: Draft): boolean {
    const context = prev?.kind === 'read' ? prev.context : null;
    if (d.kind !== 'unread' || !context || context.kind === 'division' || !context.implicitWhole) return false;
    return /^[\s\u3000]*[：:]/.test(this.source.slice(prev!.end, d.start));
  }

  /** The phrase before, for numbers that continue it on the next line ("六纬路：\n1-99号（单号）"). */
  protected lineBefore(): Draft | undefined {
    const prev = this.drafts[this.drafts.length - 1];
    return prev && this.streets.get(prev) === this.env.street ? prev : undefined;
  }
}
