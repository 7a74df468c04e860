import type { AdmissionSettings } from '@/domain/admission';
import { COLLECTIONS, type CollectionName } from '@/contracts/collections';
import type { School } from '@/domain/school';
import type { XuequVersion } from '@/domain/xuequ';
import type { ZoningRule } from '@/domain/zoning';
import type { FeederRule } from '@/domain/feeder';
import type { CatchmentDoc } from '@/domain/catchment/types';
import { db, type Tx } from '../cloud';
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
/**
 * The district's published 登记范围, every intake year (one per school × stage × year: their number grows
 * with the schools, not with the rules). Read whole, pages in parallel when there are more than one.
 */
export const listCatchments = (districtCode: string) =>
  readAllInParallel<CatchmentDoc>(COLLECTIONS.catchments, { districtCode }, 20);
export const listFeeders = (districtCode: string) => fetchAll<FeederRule>(COLLECTIONS.feeders, { districtCode });

/** What one school's profile needs of the lists: its own lists, and every 对口直升 list (they name primary schools). */
export const catchmentsOfSchool = (districtCode: string, schoolId: string) =>
  fetchAll<CatchmentDoc>(COLLECTIONS.catchments, { districtCode, schoolId });
export const feederLists = (districtCode: string) =>
  fetchAll<CatchmentDoc>(COLLECTIONS.catchments, { districtCode, mechanism: 'feeder' });
/** The stored 对口 of one primary school, every year. */
export const feedersOfPrimary = (districtCode: string, primarySchoolId: string) =>
  fetchAll<FeederRule>(COLLECTIONS.feeders, { districtCode, primarySchoolId });

/** A district's stored zoning rules, with the keys they are filed under (see domain/zoning-match/keys). */
export type StoredZoningRule = ZoningRule & { matchKeys?: string[] };

/**
 * Keys per query: CloudBase documents no bound on `in`; an address of 100 characters gives at most ~200
 * keys, so a lookup is one query, and a longer list is split rather than sent whole.
 */
const KEYS_PER_QUERY = 300;

/**
 * The district's rules filed under any of `keys` (every year), in parallel queries of at most
 * KEYS_PER_QUERY keys each: one round trip for a lookup, whatever the district's size. Served by the
 * index on (districtCode, matchKeys).
 */
export async function zoningRulesByKeys(districtCode: string, keys: readonly string[]): Promise<StoredZoningRule[]> {
  const _ = db().command;
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) chunks.push(keys.slice(i, i + KEYS_PER_QUERY));
  const found = await Promise.all(
    chunks.map((chunk) =>
      fetchAll<StoredZoningRule>(COLLECTIONS.zoningRules, { districtCode, matchKeys: _.in(chunk) }),
    ),
  );
  const byId = new Map<string, StoredZoningRule>();
  for (const list of found) for (const r of list) byId.set(r._id, r);
  return [...byId.values()];
}

/** Rules stored before rules carried keys (or written around the import): every lookup considers them. */
export const unkeyedZoningRules = (districtCode: string) =>
  fetchAll<StoredZoningRule>(COLLECTIONS.zoningRules, { districtCode, matchKeys: db().command.exists(false) });

/**
 * meta/zoning-years:<districtCode>: the school years of the district's stored rules, kept by the zoning
 * import in the transaction that writes the rules (the import is their only writer), so a cold district
 * load reads one small document instead of grouping every rule.
 */
interface ZoningYearsDoc {
  _id: string;
  districtCode: string;
  years: number[];
}
const zoningYearsId = (districtCode: string) => `zoning-years:${districtCode}`;
const byNumber = (a: number, b: number) => a - b;

/**
 * The school years the district's stored rules cover: the years document, one request. A district whose
 * rules predate it (or were loaded around the import) has none: then one aggregate groups its rules.
 */
export async function zoningRuleYears(districtCode: string): Promise<number[]> {
  const stored = await fetchById<ZoningYearsDoc>(COLLECTIONS.meta, zoningYearsId(districtCode));
  if (stored) return [...stored.years].sort(byNumber);
  const res = (await db()
    .collection(COLLECTIONS.zoningRules)
    .aggregate()
    .match({ districtCode })
    .group({ _id: '$schoolYear' })
    .limit(1000)
    .end()) as unknown as {
    list: Array<{ _id: number }>;
  };
  return res.list
    .map((g) => g._id)
    .filter((y) => typeof y === 'number')
    .sort(byNumber);
}

/**
 * In the zoning import's transaction: the years document becomes the years known before it (read with
 * zoningRuleYears at the reference version the transaction checks) plus the years it writes. Rules are
 * only added or changed, never removed, by an import, so the union is exact.
 */
export function recordZoningYears(
  tx: Tx,
  districtCode: string,
  known: readonly number[],
  written: readonly number[],
): Promise<unknown> {
  const years = [...new Set([...known, ...written])].sort(byNumber);
  return tx.collection(COLLECTIONS.meta).doc(zoningYearsId(districtCode)).set({ data: { districtCode, years } });
}

const PAGE = 1000;
/** Pages in flight at once: enough to cut a 100-page read to ~10 round trips, few enough for one instance. */
const PARALLEL_PAGES = 10;
/** Buckets asked per page of the cap (small, so they merge into ranges just under a page). */
const BUCKETS_PER_PAGE = 4;
const RANGE_FILL = PAGE - 50;

/**
 * Every document matching `where`, in _id order: the first page and, in the same round, the _id
 * boundaries that split the rest into pages (one aggregate: $bucketAuto on _id, with counts); then the
 * ranges between boundaries in parallel, PARALLEL_PAGES at a time. ~11 round trips for 100,000
 * documents where paging in sequence took ~101; one for a collection of one page, as fetchAll. The ranges
 * cover every _id from the end of the first page on (the last is open), each paged by _id: a document
 * is read once, and one written meanwhile is read or not, as with fetchAll. More than maxPages pages (by
 * the counts): refused, never cut.
 */
async function readAllInParallel<T extends { _id: string }>(
  collection: CollectionName,
  where: Record<string, unknown>,
  maxPages: number,
): Promise<T[]> {
  const coll = () => db().collection(collection);
  const _ = db().command;
  const [firstRes, bucketRes] = await Promise.all([
    coll().where(where).orderBy('_id', 'asc').limit(PAGE).get() as unknown as Promise<{ data: T[] }>,
    coll()
      .aggregate()
      .match(where)
      .bucketAuto({ groupBy: '$_id', buckets: BUCKETS_PER_PAGE * maxPages, output: { count: _.aggregate.sum(1) } })
      .limit(BUCKETS_PER_PAGE * maxPages)
      .end() as unknown as Promise<{ list: Array<{ _id: { min: string }; count: number }> }>,
  ]);
  const first = firstRes.data;
  if (first.length < PAGE) return first;
  const buckets = bucketRes.list;
  if (buckets.reduce((n, b) => n + b.count, 0) > maxPages * PAGE)
    throw new TooManyDocumentsError(collection, maxPages * PAGE);
  // Range starts after the first page, merging small buckets up to RANGE_FILL each: a range is then
  // one page not full, which ends it (a full page needs one more read to know the range is done).
  const last = first[first.length - 1]._id;
  const starts: string[] = [];
  let held = 0;
  for (const b of buckets) {
    if (b._id.min <= last) continue;
    if (starts.length === 0 || held + b.count > RANGE_FILL) {
      starts.push(b._id.min);
      held = 0;
    }
    held += b.count;
  }
  const bounds = [last, ...starts];
  // One range, page by page ([from, to), or after the first page's last _id for the first): the bounds
  // as separate conditions, each served by the _id index.
  const readRange = async (i: number): Promise<T[]> => {
    const out: T[] = [];
    let lower = i === 0 ? _.gt(bounds[0]) : _.gte(bounds[i]);
    for (;;) {
      const conds = [where, { _id: lower }, ...(i + 1 < bounds.length ? [{ _id: _.lt(bounds[i + 1]) }] : [])];
      const page = (
        (await coll().where(_.and(conds)).orderBy('_id', 'asc').limit(PAGE).get()) as unknown as { data: T[] }
      ).data;
      out.push(...page);
      if (page.length < PAGE) return out;
      lower = _.gt(page[page.length - 1]._id);
    }
  };
  const read: T[][] = new Array(bounds.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < bounds.length; i = next++) read[i] = await readRange(i);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PAGES, bounds.length) }, worker));
  // Once each even were the database's _id order to differ from the comparison above for some ids.
  return [...new Map([first, ...read].flat().map((d) => [d._id, d])).values()];
}

/** Every stored rule of a district (imports check against them, the export writes them); up to 100,000 and more. */
export const listZoningRules = (districtCode: string) =>
  readAllInParallel<StoredZoningRule>(COLLECTIONS.zoningRules, { districtCode }, 200);
