import { DATE_RE } from '../time';
import { compositionOn, xuequOfSchool, type SourceDocument, type XuequVersion } from '../xuequ';
import { describeChange, leadName } from './changes';

/** A 学区's composition over time as parents and the bureau read it: coming changes and history. */

/** A China date 'YYYY-MM-DD' as parents read it: 2027年9月1日. */
export function dateLabel(date: string): string {
  const m = DATE_RE.exec(date);
  return m ? `${+m[1]}年${+m[2]}月${+m[3]}日` : date;
}

/** The distinct documents of some versions, in order (a change may touch two 学区 decided by one document). */
function sourcesOf(versions: readonly XuequVersion[]): SourceDocument[] {
  const seen = new Set<string>();
  const out: SourceDocument[] = [];
  for (const v of versions) {
    const key = JSON.stringify([
      v.source.title,
      v.source.issuer,
      v.source.date,
      v.source.number ?? null,
      v.source.undocumented ?? false,
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v.source);
  }
  return out;
}

export interface UpcomingChange {
  effectiveFrom: string;
  /** e.g. 华英中学由第一学区划入第二学区 (the date is effectiveFrom). */
  changes: string[];
  /** The 学区 of the given schools and 街道 from that date. */
  xuequIds: string[];
  /** The documents recorded on the versions that take effect on the date (what decided the change). */
  sources: SourceDocument[];
}

/**
 * Composition changes after today that concern the given schools or 街道, one entry per date on which
 * something changes for them, compared with the composition just before that date.
 */
export function upcomingChanges(
  versions: readonly XuequVersion[],
  today: string,
  schoolIds: readonly string[],
  streetCodes: readonly string[],
  nameOf: (id: string) => string,
  streetName: (code: string) => string,
): UpcomingChange[] {
  const dates = [
    ...new Set(versions.flatMap((v) => [v.effectiveFrom, v.effectiveTo ?? '']).filter((d) => d > today)),
  ].sort();
  const out: UpcomingChange[] = [];
  let prev = compositionOn(versions, today);
  for (const date of dates) {
    const next = compositionOn(versions, date);
    const changes: string[] = [];
    const touched = new Set<string>();
    for (const id of schoolIds) {
      const was = xuequOfSchool(prev, id);
      const is = xuequOfSchool(next, id);
      const wasX = [...new Set(was.map((p) => p.xuequ.xuequId))];
      const isX = [...new Set(is.map((p) => p.xuequ.xuequId))];
      const nameIn = (c: XuequVersion[], xid: string) => c.find((x) => x.xuequId === xid)!.name;
      const gainedIds = isX.filter((x) => !wasX.includes(x));
      const lostIds = wasX.filter((x) => !isX.includes(x));
      for (const x of [...gainedIds, ...lostIds]) touched.add(x);
      const gained = gainedIds.map((x) => nameIn(next, x));
      const lost = lostIds.map((x) => nameIn(prev, x));
      if (gained.length && lost.length) changes.push(`${nameOf(id)}由${lost.join('、')}划入${gained.join('、')}`);
      else if (gained.length) changes.push(`${nameOf(id)}划入${gained.join('、')}`);
      else if (lost.length)
        changes.push(`${nameOf(id)}划出${lost.join('、')}${isX.length ? '' : '，不再属于任何学区'}`);
      for (const p of is) {
        if (
          p.role === 'lead' &&
          !was.some((w) => w.role === 'lead' && w.stage === p.stage && w.xuequ.xuequId === p.xuequ.xuequId)
        ) {
          changes.push(`${nameOf(id)}成为${p.xuequ.name}的${leadName(p.xuequ, p.stage)}`);
          touched.add(p.xuequ.xuequId);
        }
      }
      for (const x of isX) {
        const a = prev.find((v) => v.xuequId === x);
        const b = next.find((v) => v.xuequId === x)!;
        if (a && a.name !== b.name) {
          changes.push(`${a.name}更名为${b.name}`);
          touched.add(x);
        }
      }
    }
    for (const code of streetCodes) {
      const wasX = prev.filter((x) => x.streetCodes.includes(code));
      const isX = next.filter((x) => x.streetCodes.includes(code));
      const was = wasX.map((x) => x.name);
      const is = isX.map((x) => x.name);
      if (was.join() !== is.join()) {
        changes.push(`${streetName(code)}${is.length ? `由${is.join('、')}服务` : '不再由学区服务'}`);
        for (const x of [...wasX, ...isX]) touched.add(x.xuequId);
      }
    }
    if (changes.length) {
      const xuequIds = new Set<string>();
      for (const id of schoolIds) for (const p of xuequOfSchool(next, id)) xuequIds.add(p.xuequ.xuequId);
      for (const x of next) if (streetCodes.some((c) => x.streetCodes.includes(c))) xuequIds.add(x.xuequId);
      const sources = sourcesOf(versions.filter((v) => v.effectiveFrom === date && touched.has(v.xuequId)));
      out.push({ effectiveFrom: date, changes: [...new Set(changes)], xuequIds: [...xuequIds].sort(), sources });
    }
    prev = next;
  }
  return out;
}

export interface XuequUpcomingChange {
  effectiveFrom: string;
  /** What changes in this 学区 on the date, in plain Chinese (school names via nameOf). */
  changes: string[];
  /** The document recorded on the version taking effect (none when the 学区 is closed without a successor). */
  sources: SourceDocument[];
}

/**
 * The changes of one 学区 after today: each version starting after today against the one before it, and
 * the 学区 ending without a successor. `versions` are the 学区's own versions (others are ignored).
 */
export function xuequUpcoming(
  versions: readonly XuequVersion[],
  xuequId: string,
  today: string,
  nameOf: (id: string) => string,
): XuequUpcomingChange[] {
  const own = versions
    .filter((v) => v.xuequId === xuequId)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const out: XuequUpcomingChange[] = [];
  own.forEach((v, i) => {
    const prev = i > 0 ? own[i - 1] : null;
    // A gap before this version means the 学区 did not exist in between: it is set up anew.
    const before = prev && prev.effectiveTo === v.effectiveFrom ? prev : null;
    if (v.effectiveFrom > today) {
      const changes = describeChange(before, v, nameOf).filter((c) => c !== '组成未变');
      if (changes.length) out.push({ effectiveFrom: v.effectiveFrom, changes, sources: [v.source] });
    }
    const successor = own[i + 1];
    if (v.effectiveTo !== null && v.effectiveTo > today && (!successor || successor.effectiveFrom !== v.effectiveTo)) {
      out.push({ effectiveFrom: v.effectiveTo, changes: describeChange(v, null, nameOf), sources: [] });
    }
  });
  return out.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

export interface HistoryEntry {
  version: XuequVersion;
  status: 'past' | 'current' | 'future';
  /** What changed from the version before it (plain Chinese). */
  changes: string[];
}

/** A 学区's versions newest first, each with what changed from the one before it. */
export function historyOf(
  versions: readonly XuequVersion[],
  today: string,
  nameOf: (id: string) => string,
): HistoryEntry[] {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted
    .map((v, i): HistoryEntry => ({
      version: v,
      status:
        v.effectiveFrom > today ? 'future' : v.effectiveTo !== null && v.effectiveTo <= today ? 'past' : 'current',
      changes: describeChange(i > 0 ? sorted[i - 1] : null, v, nameOf),
    }))
    .reverse();
}
