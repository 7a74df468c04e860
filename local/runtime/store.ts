/**
 * Durable embedded store: one SQLite table per collection `(id TEXT PRIMARY KEY, body TEXT NOT NULL)`
 * holding relaxed-EJSON bodies. Query semantics are mingo's (MongoDB); SQLite only narrows candidates
 * through json_extract expression indexes on the declared index fields (see pushdown.ts).
 *
 * Durability: WAL + synchronous=FULL. Every acknowledged write has been fsync'ed to the WAL, so it
 * survives a process kill AND an OS crash / power loss, as an acknowledged write to the cloud does.
 * NORMAL would only survive a process crash; FULL costs ~0.2 ms per commit here, which we can afford.
 * Every write request is one SQLite transaction, so a multi-document write is all-or-nothing.
 */
import Database from 'better-sqlite3';
import { Aggregator } from 'mingo';
import { idKey, newId, parseStored, stringifyDoc, type Doc } from './codec';
import { CODE, CloudDbError, fail, txConflict } from './errors';
import { everything, matcher, queryOptions } from './mingo';
import { compileFilter, ELEMS_TABLE, extractExpr, jsonPath, pushableFields, typeExpr } from './pushdown';
import { replaceDoc } from './update';

export interface StoreOptions {
  /** collection → index field paths (src/contracts/collections.ts INDEXES). */
  indexes?: Readonly<Record<string, readonly string[]>>;
  /** Collections that exist from the start (the ones created in the cloud console). */
  collections?: readonly string[];
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Doc;
}

/** A document version as a transaction saw it: the stored body (null = absent). */
export interface VersionCheck {
  coll: string;
  key: string;
  body: string | null;
}
export interface DocWrite {
  coll: string;
  key: string;
  doc: Doc | null;
}

interface Row {
  key: string;
  body: string;
  doc: Doc;
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const quote = (name: string): string => `"${name}"`;
const indexName = (coll: string, field: string, kind: 'v' | 't'): string => `ix:${coll}:${kind}:${field}`;
/** Which (collection, field) pairs the element table holds: a field declared later is backfilled once. */
const ELEM_FIELDS = 'ix:elem_fields';
/** An array element as stored in the element table: scalars as themselves, anything else a NULL wildcard. */
const ELEMENT_VALUE = `CASE WHEN j.type IN ('object', 'array', 'null') THEN NULL ELSE j.value END`;

/** Work counters of the store (tests and benches count them instead of timing). */
export interface StoreStats {
  /** Candidate rows SQLite handed back and mingo parsed: what a query really read. */
  rowsRead: number;
}

export class Store {
  private readonly db: Database.Database;
  private readonly indexes: ReadonlyMap<string, readonly string[]>;
  private readonly declared: readonly string[];
  private readonly stmts = new Map<string, Database.Statement>();
  private tables = new Set<string>();
  readonly stats: StoreStats = { rowsRead: 0 };

  constructor(
    readonly file: string,
    opts: StoreOptions = {},
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.indexes = new Map(Object.entries(opts.indexes ?? {}).map(([c, f]) => [c, pushableFields(f)]));
    this.declared = opts.collections ?? [];
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS "${ELEMS_TABLE}" (coll TEXT NOT NULL, field TEXT NOT NULL, value, id TEXT NOT NULL);
       CREATE INDEX IF NOT EXISTS "${ELEMS_TABLE}:v" ON "${ELEMS_TABLE}" (coll, field, value, id);
       CREATE INDEX IF NOT EXISTS "${ELEMS_TABLE}:d" ON "${ELEMS_TABLE}" (coll, id);
       CREATE TABLE IF NOT EXISTS "${ELEM_FIELDS}" (coll TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (coll, field));`,
    );
    this.loadTables();
    for (const c of this.declared) this.ensureCollection(c);
    for (const c of this.tables) this.syncIndexes(c);
  }

  // ---- collections -------------------------------------------------------------------------------

  collections(): string[] {
    return [...this.tables].sort();
  }

  hasCollection(name: string): boolean {
    return this.tables.has(name);
  }

  /** Like the console's "create collection"; errors if it exists (the cloud does too). */
  createCollection(name: string): void {
    if (this.tables.has(name)) fail(CODE.COLLECTION_EXISTS, `collection ${name} already exists`);
    this.ensureCollection(name);
  }

  ensureCollection(name: string): void {
    if (this.tables.has(name)) return;
    if (!NAME.test(name) || name.startsWith('sqlite_')) fail(CODE.INVALID_PARAM, `invalid collection name: ${name}`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${quote(name)} (id TEXT PRIMARY KEY, body TEXT NOT NULL)`);
    this.tables.add(name);
    this.syncIndexes(name);
  }

  /** The cloud answers DATABASE_COLLECTION_NOT_EXIST for a collection nobody created. */
  requireCollection(name: string): void {
    if (!this.tables.has(name)) fail(CODE.COLLECTION_NOT_EXIST, `[ResourceNotFound] Db or Table not exist: ${name}`);
  }

  // ---- reads -------------------------------------------------------------------------------------

  find(coll: string, query: Doc, opts: FindOptions = {}): Doc[] {
    this.requireCollection(coll);
    const skip = opts.skip ?? 0;
    const limit = opts.limit ?? Infinity;
    const test = matcher(query);
    const sorted = opts.sort && Object.keys(opts.sort).length > 0;
    let docs: Doc[] = [];
    if (sorted && isIdAscending(opts.sort as Doc) && !this.hasNumericIds(coll)) {
      // Ordered by _id over string ids only: the key column's order (binary UTF-8) is mingo's order (it
      // differs only above U+FFFF, see README), so read in key order and stop once the page is full —
      // paging by `_id > last` then costs one page, not a sort of every match.
      const { where, params } = this.filterFor(coll, query);
      let seen = 0;
      for (const r of this.stmt(`SELECT id, body FROM ${quote(coll)} WHERE ${where} ORDER BY id`).iterate(
        ...params,
      ) as IterableIterator<{ body: string }>) {
        if (docs.length >= limit) break;
        this.stats.rowsRead++;
        const doc = parseStored(r.body);
        if (test.test(doc) && seen++ >= skip) docs.push(doc);
      }
    } else if (sorted) {
      for (const r of this.candidates(coll, query)) {
        this.stats.rowsRead++;
        const doc = parseStored(r.body);
        if (test.test(doc)) docs.push(doc);
      }
      const cursor = everything()
        .find<Doc>(docs)
        .sort(opts.sort as Doc)
        .skip(skip);
      docs = (Number.isFinite(limit) ? cursor.limit(limit) : cursor).all();
    } else {
      // Natural order: stop reading as soon as the page is full.
      let seen = 0;
      for (const r of this.candidates(coll, query)) {
        if (docs.length >= limit) break;
        this.stats.rowsRead++;
        const doc = parseStored(r.body);
        if (test.test(doc) && seen++ >= skip) docs.push(doc);
      }
    }
    return opts.projection ? project(docs, opts.projection) : docs;
  }

  count(coll: string, query: Doc): number {
    this.requireCollection(coll);
    if (Object.keys(query).length === 0) {
      return (this.stmt(`SELECT count(*) AS n FROM ${quote(coll)}`).get() as { n: number }).n;
    }
    const test = matcher(query);
    let n = 0;
    for (const r of this.candidates(coll, query)) {
      this.stats.rowsRead++;
      if (test.test(parseStored(r.body))) n++;
    }
    return n;
  }

  /** Stored body of one document (its version for optimistic concurrency), or null. */
  getBody(coll: string, key: string): string | null {
    this.requireCollection(coll);
    const row = this.stmt(`SELECT body FROM ${quote(coll)} WHERE id = ?`).get(key) as { body: string } | undefined;
    return row ? row.body : null;
  }

  aggregate(coll: string, pipeline: Doc[]): Doc[] {
    this.requireCollection(coll);
    const [first, ...rest] = pipeline;
    const leadingMatch = first && Object.keys(first).length === 1 && first.$match !== undefined;
    const source = leadingMatch
      ? this.matchRows(coll, first.$match as Doc).map((r) => r.doc)
      : this.matchRows(coll, {}).map((r) => r.doc);
    const collectionResolver = (name: string): Doc[] =>
      this.tables.has(name) ? this.matchRows(name, {}).map((r) => r.doc) : [];
    const stages = leadingMatch ? rest : pipeline;
    const out: Doc[] = new Aggregator(stages, { ...queryOptions, collectionResolver }).run(source);
    return out;
  }

  // ---- writes (each call is one SQLite transaction) -----------------------------------------------

  /** Inserts documents atomically; missing _id gets a generated one. Duplicate _id → E11000 error. */
  insert(coll: string, docs: Doc[]): unknown[] {
    this.requireCollection(coll);
    const ins = this.stmt(`INSERT INTO ${quote(coll)} (id, body) VALUES (?, ?)`);
    return this.db.transaction(() =>
      docs.map((d) => {
        const doc = d._id === undefined ? { _id: newId(), ...d } : d;
        try {
          const key = idKey(doc._id);
          const body = stringifyDoc(doc);
          ins.run(key, body);
          this.indexElements(coll, key, body);
        } catch (e) {
          const primaryKey = (e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
          throw primaryKey ? new CloudDbError(CODE.REQUEST_FAILED, duplicateMessage(coll, doc._id)) : e;
        }
        return doc._id;
      }),
    )();
  }

  /**
   * Read-modify-write of the documents matching `query` (all, or the first when !multi). `change`
   * returns the new document or null to delete it. Returns how many documents actually changed.
   */
  mutate(coll: string, query: Doc, multi: boolean, change: (doc: Doc) => Doc | null): number {
    this.requireCollection(coll);
    return this.db.transaction(() => {
      let changed = 0;
      for (const row of this.matchRows(coll, query, multi ? undefined : 1)) {
        const next = change(row.doc);
        if (next === null) {
          this.remove(coll, row.key);
          changed++;
        } else {
          const body = stringifyDoc(next);
          if (body !== row.body) {
            this.put(coll, row.key, body);
            changed++;
          }
        }
      }
      return changed;
    })();
  }

  /** `doc(id).set(data)`: replace or insert. */
  replace(coll: string, id: unknown, data: Doc): { updated: number; upserted: boolean } {
    this.requireCollection(coll);
    const key = idKey(id);
    return this.db.transaction(() => {
      const before = this.getBody(coll, key);
      const body = stringifyDoc(replaceDoc(id, data));
      if (body !== before) this.put(coll, key, body);
      return { updated: before !== null && body !== before ? 1 : 0, upserted: before === null };
    })();
  }

  /**
   * Commits a transaction: every document it read must still have the body it saw; then all its
   * writes apply together. Throws DATABASE_TRANSACTION_CONFLICT otherwise (nothing is written).
   */
  commit(checks: readonly VersionCheck[], writes: readonly DocWrite[]): void {
    this.db.transaction(() => {
      for (const c of checks) {
        if (this.getBody(c.coll, c.key) !== c.body) {
          txConflict(`${c.coll}/${c.key} changed since it was read`);
        }
      }
      for (const w of writes) {
        if (w.doc === null) this.remove(w.coll, w.key);
        else this.put(w.coll, w.key, stringifyDoc(w.doc));
      }
    })();
  }

  // ---- seeding and tests -------------------------------------------------------------------------

  /** Bulk seeding in one transaction (creates the collection if needed). Call analyze() afterwards. */
  insertMany(coll: string, docs: Doc[]): unknown[] {
    this.ensureCollection(coll);
    return this.insert(coll, docs);
  }

  /** Refreshes planner statistics: without them SQLite may ignore the expression indexes. */
  analyze(): void {
    this.db.exec('ANALYZE');
  }

  /** Drops every collection and recreates the declared (empty) ones. */
  dropAll(): void {
    this.stmts.clear();
    for (const t of this.tables) this.db.exec(`DROP TABLE IF EXISTS ${quote(t)}`);
    this.db.exec(`DELETE FROM "${ELEMS_TABLE}"; DELETE FROM "${ELEM_FIELDS}";`);
    this.tables = new Set();
    for (const c of this.declared) this.ensureCollection(c);
  }

  reset(): void {
    this.dropAll();
  }

  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  /**
   * A collection's documents as stored, in _id order, as one string: tests compare it before and after
   * a refused call ("wrote nothing") without parsing every body.
   */
  storedText(coll: string): string {
    this.requireCollection(coll);
    const sql = `SELECT group_concat(id || char(9) || body, char(10) ORDER BY id) AS t FROM ${quote(coll)}`;
    return (this.stmt(sql).get() as { t: string | null }).t ?? '';
  }

  /** EXPLAIN QUERY PLAN of the candidate scan for a query: lets tests and benches see index use. */
  explain(coll: string, query: Doc): string[] {
    const { where, params } = this.filterFor(coll, query);
    const rows = this.db
      .prepare(`EXPLAIN QUERY PLAN SELECT id, body FROM ${quote(coll)} WHERE ${where}`)
      .all(...params);
    return (rows as Array<{ detail: string }>).map((r) => r.detail);
  }

  close(): void {
    this.stmts.clear();
    if (this.db.open) this.db.close();
  }

  // ---- internals ---------------------------------------------------------------------------------

  private loadTables(): void {
    const rows = this.db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'ix:%'`,
      )
      .all();
    this.tables = new Set((rows as Array<{ name: string }>).map((r) => r.name));
  }

  /** Creates the declared expression indexes and drops ours that are no longer declared. */
  private syncIndexes(coll: string): void {
    const wanted = new Map<string, string>();
    for (const f of this.indexes.get(coll) ?? []) {
      wanted.set(indexName(coll, f, 'v'), extractExpr(f));
      wanted.set(indexName(coll, f, 't'), typeExpr(f));
    }
    const existing = this.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'ix:%'`)
      .all(coll) as Array<{ name: string }>;
    for (const { name } of existing) if (!wanted.has(name)) this.db.exec(`DROP INDEX ${quote(name)}`);
    for (const [name, expr] of wanted)
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${quote(name)} ON ${quote(coll)} (${expr})`);

    // Element table: drop fields no longer declared, backfill newly declared ones from the stored bodies.
    const fields = this.indexes.get(coll) ?? [];
    const held = this.db.prepare(`SELECT field FROM "${ELEM_FIELDS}" WHERE coll = ?`).all(coll) as Array<{
      field: string;
    }>;
    this.db.transaction(() => {
      for (const { field } of held) {
        if (fields.includes(field)) continue;
        this.db.prepare(`DELETE FROM "${ELEMS_TABLE}" WHERE coll = ? AND field = ?`).run(coll, field);
        this.db.prepare(`DELETE FROM "${ELEM_FIELDS}" WHERE coll = ? AND field = ?`).run(coll, field);
      }
      for (const field of fields) {
        if (held.some((h) => h.field === field)) continue;
        const path = jsonPath(field);
        this.db
          .prepare(
            `INSERT INTO "${ELEMS_TABLE}" (coll, field, value, id) SELECT DISTINCT ?, ?, ${ELEMENT_VALUE}, t.id ` +
              `FROM ${quote(coll)} AS t, json_each(t.body, ${path}) AS j WHERE json_type(t.body, ${path}) = 'array'`,
          )
          .run(coll, field);
        this.db.prepare(`INSERT INTO "${ELEM_FIELDS}" (coll, field) VALUES (?, ?)`).run(coll, field);
      }
    })();
  }

  /** Rewrites a document's rows in the element table (inside the caller's write transaction). */
  private indexElements(coll: string, key: string, body: string | null): void {
    const fields = this.indexes.get(coll);
    if (!fields?.length) return;
    this.stmt(`DELETE FROM "${ELEMS_TABLE}" WHERE coll = ? AND id = ?`).run(coll, key);
    if (body === null) return;
    for (const field of fields) {
      const path = jsonPath(field);
      this.stmt(
        `INSERT INTO "${ELEMS_TABLE}" (coll, field, value, id) SELECT DISTINCT ?, ?, ${ELEMENT_VALUE}, ? ` +
          `FROM json_each(?, ${path}) AS j WHERE json_type(?, ${path}) = 'array'`,
      ).run(coll, field, key, body, body);
    }
  }

  private filterFor(coll: string, query: Doc): { where: string; params: Array<string | number> } {
    return compileFilter(query, new Set(this.indexes.get(coll) ?? []), coll);
  }

  /** Numeric _ids are stored as '\u0000n:<n>' keys (below every string key): any makes key order wrong. */
  private hasNumericIds(coll: string): boolean {
    return this.stmt(`SELECT 1 FROM ${quote(coll)} WHERE id < ? LIMIT 1`).get('\u0001') !== undefined;
  }

  private candidates(coll: string, query: Doc): IterableIterator<{ id: string; body: string }> {
    const { where, params } = this.filterFor(coll, query);
    return this.stmt(`SELECT id, body FROM ${quote(coll)} WHERE ${where}`).iterate(...params) as IterableIterator<{
      id: string;
      body: string;
    }>;
  }

  private matchRows(coll: string, query: Doc, limit = Infinity): Row[] {
    const test = matcher(query);
    const rows: Row[] = [];
    for (const r of this.candidates(coll, query)) {
      if (rows.length >= limit) break;
      this.stats.rowsRead++;
      const doc = parseStored(r.body);
      if (test.test(doc)) rows.push({ key: r.id, body: r.body, doc });
    }
    return rows;
  }

  private put(coll: string, key: string, body: string): void {
    this.stmt(
      `INSERT INTO ${quote(coll)} (id, body) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body`,
    ).run(key, body);
    this.indexElements(coll, key, body);
  }

  private remove(coll: string, key: string): void {
    this.stmt(`DELETE FROM ${quote(coll)} WHERE id = ?`).run(key);
    this.indexElements(coll, key, null);
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }
}

/** Applies a MongoDB projection (field()) with mingo. */
export function project(docs: Doc[], projection: Doc): Doc[] {
  return everything().find<Doc>(docs, projection).all();
}

export function duplicateMessage(coll: string, id: unknown): string {
  return `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`;
}

/** A sort on _id ascending alone ({ _id: 1 }). */
function isIdAscending(sort: Doc): boolean {
  const keys = Object.keys(sort);
  return keys.length === 1 && keys[0] === '_id' && sort._id === 1;
}
