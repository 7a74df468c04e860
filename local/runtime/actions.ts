/**
 * The database actions @cloudbase/database 1.4.3 sends, with the parameter and response shapes its
 * code reads (query.js, document.js, collection.js, aggregate.js, transaction/index.js).
 */
import { assertStorable, isPlainObject, parseWire, stringifyDoc, type Doc } from './codec';
import { CODE, fail } from './errors';
import { project, type Store } from './store';
import type { TxManager } from './transactions';
import { applyUpdate } from './update';

export interface Backend {
  store: Store;
  tx: TxManager;
  /** Server clock for serverDate(). */
  now: () => number;
}

export interface Params {
  collectionName?: string;
  query?: string;
  queryType?: string;
  transactionId?: string;
  order?: string;
  offset?: number;
  limit?: number;
  projection?: string;
  data?: string | string[];
  multi?: boolean;
  merge?: boolean;
  upsert?: boolean;
  stages?: Array<{ stageKey: string; stageValue: string }>;
}

type Result = Record<string, unknown>;

/** Cloud-function side limits: 100 records by default, at most 1000 per request (larger limits are capped). */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** The service appends `$limit: 20` to a pipeline that has none (widely observed, not documented). */
export const AGGREGATE_DEFAULT_LIMIT = 20;

const PIPELINE_STAGES = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$facet',
  '$group',
  '$limit',
  '$lookup',
  '$match',
  '$project',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
]);

const NOT_SINGLE_DOC =
  'a transaction only supports single-document operations (doc().get/set/update/remove and add); where() queries are not allowed in a transaction';

function collection(b: Backend, p: Params): string {
  if (typeof p.collectionName !== 'string' || !p.collectionName) fail(CODE.INVALID_PARAM, 'collectionName is required');
  b.store.requireCollection(p.collectionName as string);
  return p.collectionName as string;
}

function wireObject(b: Backend, text: string | undefined, what: string): Doc {
  if (text === undefined) return {};
  const v = parseWire(text, b.now());
  return isPlainObject(v) ? v : fail(CODE.INVALID_PARAM, `${what} must be an object`);
}

/** The _id of a `doc(id)` operation; anything else is a query, which transactions refuse. */
function docId(p: Params, query: Doc, reason: string): unknown {
  const keys = Object.keys(query);
  if (p.queryType !== 'DOC' || keys.length !== 1 || keys[0] !== '_id' || isPlainObject(query._id)) {
    fail(CODE.REQUEST_FAILED, reason);
  }
  return query._id;
}

function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) fail(CODE.INVALID_PARAM, `limit must be a positive integer, got ${limit}`);
  return Math.min(limit, MAX_LIMIT);
}

async function getDocument(b: Backend, p: Params): Promise<Result> {
  const coll = collection(b, p);
  const query = wireObject(b, p.query, 'query');
  const projection = p.projection === undefined ? undefined : wireObject(b, p.projection, 'projection');
  if (p.transactionId) {
    const doc = await b.tx.get(p.transactionId, coll, docId(p, query, NOT_SINGLE_DOC));
    const list = doc ? (projection ? project([doc], projection) : [doc]) : [];
    return { data: { list: list.map(stringifyDoc) } };
  }
  const offset = p.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0)
    fail(CODE.INVALID_PARAM, `offset must be a non-negative integer, got ${offset}`);
  const limit = pageLimit(p.limit);
  const sort = p.order === undefined ? undefined : (wireObject(b, p.order, 'order') as Record<string, 1 | -1>);
  const docs = b.store.find(coll, query, { sort, skip: offset, limit, projection });
  return { data: { list: docs.map(stringifyDoc), offset, limit } };
}

function calculateDocument(b: Backend, p: Params): Result {
  const coll = collection(b, p);
  if (p.transactionId) fail(CODE.REQUEST_FAILED, NOT_SINGLE_DOC);
  return { data: { total: b.store.count(coll, wireObject(b, p.query, 'query')) } };
}

async function insertDocument(b: Backend, p: Params): Promise<Result> {
  const coll = collection(b, p);
  if (!Array.isArray(p.data) || p.data.length === 0) fail(CODE.INVALID_PARAM, 'data must be a non-empty array');
  const docs = (p.data as string[]).map((s) => {
    const doc = parseWire(s, b.now());
    if (!isPlainObject(doc)) fail(CODE.INVALID_PARAM, 'each document must be an object');
    assertStorable(doc);
    return doc as Doc;
  });
  const insertedIds = p.transactionId ? await b.tx.insert(p.transactionId, coll, docs) : b.store.insert(coll, docs);
  return { data: { insertedIds } };
}

async function modifyDocument(b: Backend, p: Params): Promise<Result> {
  const coll = collection(b, p);
  const query = wireObject(b, p.query, 'query');
  const data = wireObject(b, typeof p.data === 'string' ? p.data : undefined, 'data');
  if (p.merge === false) {
    // doc(id).set(): replace the whole document, inserting it if absent.
    const id = docId(p, query, p.transactionId ? NOT_SINGLE_DOC : 'set() needs a document id');
    const r = p.transactionId ? await b.tx.set(p.transactionId, coll, id, data) : b.store.replace(coll, id, data);
    return { data: r.upserted ? { updated: r.updated, upsert_id: id } : { updated: r.updated } };
  }
  if (p.upsert) fail(CODE.INVALID_PARAM, 'upsert is only supported by doc().set()');
  if (p.transactionId) {
    return { data: { updated: await b.tx.update(p.transactionId, coll, docId(p, query, NOT_SINGLE_DOC), data) } };
  }
  const updated = b.store.mutate(coll, query, p.multi === true, (doc) => applyUpdate(doc, data));
  return { data: { updated } };
}

async function removeDocument(b: Backend, p: Params): Promise<Result> {
  const coll = collection(b, p);
  const query = wireObject(b, p.query, 'query');
  if (p.transactionId) {
    return { data: { deleted: await b.tx.remove(p.transactionId, coll, docId(p, query, NOT_SINGLE_DOC)) } };
  }
  return { data: { deleted: b.store.mutate(coll, query, p.multi === true, () => null) } };
}

function aggregateDocuments(b: Backend, p: Params): Result {
  const coll = collection(b, p);
  const pipeline: Doc[] = (p.stages ?? []).map(({ stageKey, stageValue }) => {
    if (!PIPELINE_STAGES.has(stageKey)) fail(CODE.INVALID_OPERATOR, `aggregate stage ${stageKey} is not supported`);
    return { [stageKey]: parseWire(stageValue, b.now()) };
  });
  if (!pipeline.some((s) => '$limit' in s)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
  return { data: { list: b.store.aggregate(coll, pipeline).map(stringifyDoc) } };
}

function transactionId(p: Params): string {
  const id = (p as { transactionId?: unknown } | undefined)?.transactionId;
  return typeof id === 'string' && id ? id : fail(CODE.INVALID_PARAM, 'transactionId is required');
}

export async function handle(b: Backend, action: string, p: Params): Promise<Result> {
  switch (action) {
    case 'database.getDocument':
      return getDocument(b, p);
    case 'database.calculateDocument':
      return calculateDocument(b, p);
    case 'database.insertDocument':
      return insertDocument(b, p);
    case 'database.modifyDocument':
      return modifyDocument(b, p);
    case 'database.removeDocument':
      return removeDocument(b, p);
    case 'database.aggregateDocuments':
      return aggregateDocuments(b, p);
    case 'database.startTransaction':
      return { transactionId: b.tx.start() };
    case 'database.commitTransaction':
      b.tx.commit(transactionId(p));
      return {};
    case 'database.abortTransaction':
      b.tx.abort(transactionId(p));
      return {};
    case 'database.addCollection':
      if (typeof p.collectionName !== 'string') fail(CODE.INVALID_PARAM, 'collectionName is required');
      b.store.createCollection(p.collectionName as string);
      return {};
    default:
      return fail(CODE.REQUEST_FAILED, `action ${action} is not supported by the local runtime`);
  }
}
