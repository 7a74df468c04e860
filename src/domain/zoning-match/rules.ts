import type { Stage } from '../stages';
import { normalizeAddress, type NormalizedAddress } from './normalize';

/** What a 划片 rule covers. */
export type ZoningMatch =
  /** A whole 社区, by its 12-digit official code. */
  | { kind: 'community'; communityCode: string }
  /** A whole 街道, by its 9-digit official code. */
  | { kind: 'street'; streetCode: string }
  /** "六纬路 单号 1–39号": house numbers from..to inclusive, of one parity or all. */
  | { kind: 'road'; road: string; side: 'odd' | 'even' | 'all'; from: number; to: number }
  /** A 小区 by name, with the other names people use ("万达广场" / "万达"); with buildings, only those. */
  | { kind: 'estate'; name: string; aliases: string[]; buildings?: BuildingRange[] };

/** Building numbers (号楼/栋/幢/门) from..to inclusive, of one parity or all. */
export interface BuildingRange {
  side: 'odd' | 'even' | 'all';
  from: number;
  to: number;
}

/** The largest number a range may name: a rule "from 1 to this" of either side covers the whole road. */
export const WHOLE_ROAD_TO = 99999;

export interface ZoningRuleLike {
  _id: string;
  stage: Stage;
  match: ZoningMatch;
  schoolIds: string[];
  text: string;
  /** 除外: an address this rule matches is NOT zoned to its schools (for this stage). */
  exclude?: boolean;
}

export interface ZoningQuery {
  communityCode?: string;
  streetCode?: string;
  address?: string;
}

export type MatchReason = 'community' | 'street' | 'road' | 'estate';

/** A rule that matched, why, and a short explanation for the parent. */
export interface ZoningHit<R extends ZoningRuleLike = ZoningRuleLike> {
  rule: R;
  why: MatchReason;
  detail: string;
}

/** Results are listed estate first (the most specific), then road, then community. */
export const REASON_ORDER: Record<MatchReason, number> = { estate: 0, road: 1, community: 2, street: 3 };

/** Shorter names would match far too much ("万" is in every address on 万寿路). Applies to names too. */
export const MIN_ESTATE_NAME_LENGTH = 2;

export interface EstateName {
  /** Normalised, for matching. */
  key: string;
  /** As the rule writes it, for the explanation. */
  label: string;
  alias: boolean;
}

/** A rule with its match keys normalised once; shared by the linear scan and the index. */
export type PreparedRule<R extends ZoningRuleLike = ZoningRuleLike> =
  | { kind: 'community'; rule: R; code: string }
  | { kind: 'street'; rule: R; code: string }
  | { kind: 'road'; rule: R; road: string; label: string; side: 'odd' | 'even' | 'all'; from: number; to: number }
  | { kind: 'estate'; rule: R; title: string; names: EstateName[]; buildings: BuildingRange[] | null };

export type PreparedOf<R extends ZoningRuleLike, K extends MatchReason> = Extract<PreparedRule<R>, { kind: K }>;

export interface PreparedQuery {
  code: string | null;
  street: string | null;
  address: NormalizedAddress | null;
}

const codePoints = (s: string) => Array.from(s).length;

/** The estate's names that can match, longest first (ties: the name, then aliases in order), each key once. */
function estateNames(name: string, aliases: readonly string[]): EstateName[] {
  const seen = new Set<string>();
  const names: EstateName[] = [];
  [name, ...aliases].forEach((raw, i) => {
    if (typeof raw !== 'string') return;
    const key = normalizeAddress(raw).normalized;
    if (codePoints(key) < MIN_ESTATE_NAME_LENGTH || seen.has(key)) return;
    seen.add(key);
    names.push({ key, label: raw.trim(), alias: i > 0 });
  });
  return names.sort((a, b) => codePoints(b.key) - codePoints(a.key)); // stable: ties keep their order
}

/** Normalises a rule's keys; null for a rule that can never match (malformed data, no usable name). */
export function prepareRule<R extends ZoningRuleLike>(rule: R): PreparedRule<R> | null {
  const m = rule?.match;
  if (!m) return null;
  if (m.kind === 'community')
    return typeof m.communityCode === 'string' ? { kind: 'community', rule, code: m.communityCode } : null;
  if (m.kind === 'street')
    return typeof m.streetCode === 'string' ? { kind: 'street', rule, code: m.streetCode } : null;
  if (m.kind === 'road') {
    if (typeof m.road !== 'string' || typeof m.from !== 'number' || typeof m.to !== 'number') return null;
    const road = normalizeAddress(m.road).road;
    if (road === null) return null;
    return { kind: 'road', rule, road, label: m.road.trim(), side: m.side, from: m.from, to: m.to };
  }
  if (m.kind === 'estate') {
    const names = estateNames(m.name, Array.isArray(m.aliases) ? m.aliases : []);
    const title = typeof m.name === 'string' ? m.name.trim() : '';
    const buildings = Array.isArray(m.buildings) && m.buildings.length > 0 ? m.buildings : null;
    return names.length > 0 ? { kind: 'estate', rule, title, names, buildings } : null;
  }
  return null;
}

export function prepareQuery(query: ZoningQuery): PreparedQuery {
  const code = query?.communityCode;
  const street = query?.streetCode;
  const address = query?.address;
  return {
    code: typeof code === 'string' && code !== '' ? code : null,
    street: typeof street === 'string' && street !== '' ? street : null,
    address: typeof address === 'string' && address !== '' ? normalizeAddress(address) : null,
  };
}

export function sideFits(side: string, n: number): boolean {
  return side === 'all' || (side === 'odd' && n % 2 === 1) || (side === 'even' && n % 2 === 0);
}

/** Plain code-unit order: locale-independent and the same on every runtime. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** After a 小区 name ending at `end`: the building number ("3号楼", "小区3栋", "3-2-301"), or null. */
export function buildingAfter(normalized: string, end: number): number | null {
  const m = /^(?:小区|社区|花园|大院|院|园区|家园)?(\d{1,5})/.exec(normalized.slice(end));
  return m ? parseInt(m[1], 10) : null;
}

const inRange = (r: BuildingRange, n: number) => r.from <= n && n <= r.to && sideFits(r.side, n);

/**
 * The estate hit for the name found (ending at `end`), or null: when its buildings leave the address out,
 * or when the name is only the beginning of the address's road (小区 "X苑" in "X苑路12号", another place).
 */
export function estateHit<R extends ZoningRuleLike>(
  p: PreparedOf<R, 'estate'>,
  name: EstateName,
  a: NormalizedAddress,
  end: number,
): ZoningHit<R> | null {
  if (
    a.road !== null &&
    end < a.road.length + a.normalized.indexOf(a.road) &&
    end - name.key.length >= a.normalized.indexOf(a.road)
  )
    return null;
  const of = name.alias ? `（${p.title}的别名）` : '';
  if (!p.buildings) return { rule: p.rule, why: 'estate', detail: `地址包含小区名“${name.label}”${of}` };
  const n = buildingAfter(a.normalized, end);
  if (n === null || !p.buildings.some((r) => inRange(r, n))) return null;
  return { rule: p.rule, why: 'estate', detail: `地址为${name.label}${of}${n}号楼，在划定的楼号范围内` };
}

/** A rule that covers every number of its road: it also answers an address without a number. */
export const coversWholeRoad = (p: { side: string; from: number; to: number }) =>
  p.side === 'all' && p.from <= 1 && p.to >= WHOLE_ROAD_TO;

export function roadHit<R extends ZoningRuleLike>(p: PreparedOf<R, 'road'>, n: number | null): ZoningHit<R> {
  if (n === null) return { rule: p.rule, why: 'road', detail: `地址在${p.label}，该路全段在划片范围内` };
  if (coversWholeRoad(p)) return { rule: p.rule, why: 'road', detail: `${p.label}${n}号，该路全段在划片范围内` };
  const road = `${p.label}${n}号`;
  const parity = p.side === 'odd' ? '单号' : p.side === 'even' ? '双号' : null;
  const detail = parity
    ? `${road}为${parity}，在 ${p.from}–${p.to} 号${parity}范围内`
    : `${road}在 ${p.from}–${p.to} 号范围内`;
  return { rule: p.rule, why: 'road', detail };
}

export function communityHit<R extends ZoningRuleLike>(p: PreparedOf<R, 'community'>): ZoningHit<R> {
  return { rule: p.rule, why: 'community', detail: '所在社区在划片范围内' };
}

export function streetHit<R extends ZoningRuleLike>(p: PreparedOf<R, 'street'>): ZoningHit<R> {
  return { rule: p.rule, why: 'street', detail: '所在街道整体在划片范围内' };
}
