import type { AdmissionSettings } from '../../domain/admission';
import { COLLECTIONS } from '../../contracts/collections';
import type { School } from '../../domain/school';
import type { XuequVersion } from '../../domain/xuequ';
import type { ZoningRule } from '../../domain/zoning';
import type { FeederRule } from '../../domain/feeder';
import type { CatchmentDoc } from '../../domain/catchment/types';
import { db } from '../cloud';
import { fetchAll, fetchById, TooManyDocumentsError } from './query';
/** Reference data of the 学区 lookups: districts, divisions, schools, 学区 versions, zoning rules. */
export interface DistrictDoc {
  _id: string;
  code: string;
  name: string;
  city: string;
  province: string;
  /** The bureau's admission rules (what lists do not say, and rules that depend on the family). */
  admission?: Partial<AdmissionSettings>;
}

export interface DivisionDoc {
  _id: string;
  code: string;
  name: string;
  level: 'street' | 'community';
  districtCode: string;
  parentCode: string;
}

export const listDistricts = () => fetchAll<DistrictDoc>(COLLECTIONS.districts, {});
export const getDistrict = (code: string) => fetchById<DistrictDoc>(COLLECTIONS.districts, code);
export const listDivisions = (districtCode: string) => fetchAll<DivisionDoc>(COLLECTIONS.divisions, { districtCode });
export const getDivision = (code: string) => fetchById<DivisionDoc>(COLLECTIONS.divisions, code);
export const listSchools = (districtCode: string) => fetchAll<School>(COLLECTIONS.schools, { districtCode });
export const listXuequVersions = (districtCode: string) => fetchAll<XuequVersion>(COLLECTIONS.xuequ, { districtCode });
export const listAllXuequVersions = () => fetchAll<XuequVersion>(COLLECTIONS.xuequ, {});
export const xuequVersionsById = (xuequId: string) => fetchAll<XuequVersion>(COLLECTIONS.xuequ, { xuequId });
/** The district's published 登记范围, every intake year (one per school × stage × year). */
export const listCatchments = (districtCode: string) => fetchAll<CatchmentDoc>(COLLECTIONS.catchments, { districtCode });
export const listFeeders = (districtCode: string) => fetchAll<FeederRule>(COLLECTIONS.feeders, { districtCode });

/** A district's stored zoning rules, with the keys they are filed under (see domain/zoning-match/keys). */
export type StoredZoningRule = ZoningRule & { matchKeys?: string[] };

/** Keys per query: CloudBase documents no bound on `in`, so stay well within what any query planner takes. */
const KEYS_PER_QUERY = 100;

/**
 * The district's rules filed under any of `keys` (every year), in parallel queries of at most
 * KEYS_PER_QUERY keys each: one round trip for a lookup, whatever the district's size. Served by the
 * index on (districtCode, matchKeys).
 */
export async function zoningRulesByKeys(districtCode: string, keys: readonly string[]): Promise<StoredZoningRule[]> {
  const _ = db().command;
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) chunks.push(keys.slice(i, i + KEYS_PER_QUERY));
  const found = await Promise.all(chunks.map((chunk) => fetchAll<StoredZoningRule>(COLLECTIONS.zoningRules, { districtCode, matchKeys: _.in(chunk) })));
  const byId = new Map<string, StoredZoningRule>();
  for (const list of found) for (const r of list) byId.set(r._id, r);
  return [...byId.values()];
}

/** Rules stored before rules carried keys (or written around the import): every lookup considers them. */
export const unkeyedZoningRules = (districtCode: string) =>
  fetchAll<StoredZoningRule>(COLLECTIONS.zoningRules, { districtCode, matchKeys: db().command.exists(false) });

/** The school years the district's stored rules cover, in one aggregate request (not one read per rule). */
export async function zoningRuleYears(districtCode: string): Promise<number[]> {
  const res = (await db().collection(COLLECTIONS.zoningRules).aggregate().match({ districtCode }).group({ _id: '$schoolYear' }).limit(1000).end()) as unknown as {
    list: Array<{ _id: number }>;
  };
  return res.list.map((g) => g._id).filter((y) => typeof y === 'number').sort((a, b) => a - b);
}

const PAGE = 1000;
/** Pages in flight at once: enough to cut a 100-page read to ~10 round trips, few enough for one instance. */
const PARALLEL_PAGES = 10;
/** A district may hold ~100k rules over its school years: up to 200 pages of 1000. */
const MAX_ZONING_PAGES = 200;

/**
 * Every stored rule of a district (imports check against them, the export writes them), in _id order.
 * Counts first, then reads the pages in parallel (ordered by _id, by offset): ~11 round trips for 100,000
 * rules where paging in sequence took ~101. Rules are never removed, so a rule written meanwhile can only
 * shift a page and repeat an _id; the list is checked (strictly increasing _ids, as many as counted) and,
 * when it does not hold, read again in sequence (fetchAll): never a partial or doubled list.
 */
export async function listZoningRules(districtCode: string): Promise<StoredZoningRule[]> {
  const where = { districtCode };
  const coll = () => db().collection(COLLECTIONS.zoningRules);
  const { total } = (await coll().where(where).count()) as unknown as { total: number };
  if (total > MAX_ZONING_PAGES * PAGE) throw new TooManyDocumentsError(COLLECTIONS.zoningRules, MAX_ZONING_PAGES * PAGE);
  const pages: StoredZoningRule[][] = new Array(Math.ceil(total / PAGE));
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < pages.length; i = next++) {
      const res = (await coll().where(where).orderBy('_id', 'asc').skip(i * PAGE).limit(PAGE).get()) as unknown as { data: StoredZoningRule[] };
      pages[i] = res.data;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PAGES, pages.length) }, worker));
  const rules = pages.flat();
  const ordered = rules.length === total && rules.every((r, i) => i === 0 || rules[i - 1]._id < r._id);
  return ordered ? rules : fetchAll<StoredZoningRule>(COLLECTIONS.zoningRules, where, MAX_ZONING_PAGES);
}
