/**
 * Transactions: optimistic concurrency, with per-document waiting for fairness.
 *
 * Correctness is optimistic: a transaction buffers its writes and remembers the stored body (= version)
 * of every document it touched; commit re-checks all those versions and applies all writes in one
 * SQLite transaction. The store is single-writer and commit is synchronous, so of two transactions that
 * based writes on the same version exactly one commits; the other gets DATABASE_TRANSACTION_CONFLICT,
 * which @cloudbase/database's runTransaction retries.
 *
 * Fairness: with validation alone, N transactions racing on one counter retry in lock-step and only one
 * wins per round, so the SDK's 3 retries run out. So a transaction's first access to a document also
 * queues (FIFO) behind another open transaction that already touched it. Waiting never decides
 * correctness: on a wait cycle (deadlock) or after LOCK_WAIT_MS the transaction proceeds without waiting
 * and validation at commit decides. Non-transactional requests never wait.
 *
 * Conflict mode 'fail' is CloudBase's behaviour instead: no waiting, and a write to a document another
 * open transaction has written fails at once with DATABASE_TRANSACTION_CONFLICT (first writer wins, as
 * MongoDB's WriteConflict); commit validation stays. runTransaction then retries, and a burst of
 * conflicting transactions can run out of retries, which the functions must answer as CONFLICT.
 *
 * Only single-document operations exist here (doc get/set/update/remove, add): the transport refuses
 * queries inside a transaction, as the cloud does. Each document is read once per transaction and then
 * served from the transaction's view (repeatable reads, own writes visible).
 */
import { idKey, newId, parseStored, stringifyDoc, type Doc } from './codec';
import { CODE, fail, txConflict } from './errors';
import { duplicateMessage, type DocWrite, type Store, type VersionCheck } from './store';
import { applyUpdate, replaceDoc } from './update';

/** MongoDB's default transactionLifetimeLimitSeconds: abandoned transactions do not live forever. */
export const TX_LIFETIME_MS = 60_000;
/** Longest wait behind another transaction before proceeding optimistically. */
export const LOCK_WAIT_MS = 1_000;

/** 'wait': queue behind another transaction on the same document (the default); 'fail': as CloudBase. */
export type ConflictMode = 'wait' | 'fail';

export interface TxOptions {
  conflicts?: ConflictMode;
  clock?: () => number;
}

interface Entry {
  coll: string;
  key: string;
  doc: Doc | null;
}

interface Waiter {
  tx: Tx;
  settle: (granted: boolean) => void;
}

interface Tx {
  id: string;
  started: number;
  finished: boolean;
  seen: Map<string, VersionCheck>;
  view: Map<string, Entry>;
  dirty: Set<string>;
  held: Set<string>;
  /** Documents this transaction is queued for (several if it runs operations concurrently). */
  waiting: Map<string, Waiter>;
}

export class TxManager {
  private readonly open = new Map<string, Tx>();
  private readonly owners = new Map<string, Tx>();
  private readonly queues = new Map<string, Waiter[]>();

  private readonly clock: () => number;
  private readonly conflicts: ConflictMode;

  constructor(
    private readonly store: Store,
    options: TxOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.conflicts = options.conflicts ?? 'wait';
  }

  get size(): number {
    return this.open.size;
  }

  start(): string {
    const now = this.clock();
    for (const tx of [...this.open.values()]) if (now - tx.started > TX_LIFETIME_MS) this.finish(tx);
    const tx: Tx = {
      id: newId(),
      started: now,
      finished: false,
      seen: new Map(),
      view: new Map(),
      dirty: new Set(),
      held: new Set(),
      waiting: new Map(),
    };
    this.open.set(tx.id, tx);
    return tx.id;
  }

  get(txId: string, coll: string, id: unknown): Promise<Doc | null> {
    return this.run(txId, async (tx) => (await this.entry(tx, coll, id)).doc);
  }

  insert(txId: string, coll: string, docs: Doc[]): Promise<unknown[]> {
    return this.run(txId, async (tx) => {
      const ids: unknown[] = [];
      for (const d of docs) {
        const doc = d._id === undefined ? { _id: newId(), ...d } : d;
        const e = await this.entry(tx, coll, doc._id);
        if (e.doc) fail(CODE.REQUEST_FAILED, duplicateMessage(coll, doc._id));
        this.write(tx, e, doc);
        ids.push(doc._id);
      }
      return ids;
    });
  }

  update(txId: string, coll: string, id: unknown, data: Doc): Promise<number> {
    return this.run(txId, async (tx) => {
      const e = await this.entry(tx, coll, id);
      if (!e.doc) return 0;
      const next = applyUpdate(e.doc, data);
      const changed = stringifyDoc(next) !== stringifyDoc(e.doc);
      this.write(tx, e, next);
      return changed ? 1 : 0;
    });
  }

  set(txId: string, coll: string, id: unknown, data: Doc): Promise<{ updated: number; upserted: boolean }> {
    return this.run(txId, async (tx) => {
      const e = await this.entry(tx, coll, id);
      const next = replaceDoc(id, data);
      const upserted = e.doc === null;
      const changed = upserted || stringifyDoc(next) !== stringifyDoc(e.doc as Doc);
      this.write(tx, e, next);
      return { updated: !upserted && changed ? 1 : 0, upserted };
    });
  }

  remove(txId: string, coll: string, id: unknown): Promise<number> {
    return this.run(txId, async (tx) => {
      const e = await this.entry(tx, coll, id);
      if (!e.doc) return 0;
      this.write(tx, e, null);
      return 1;
    });
  }

  /** Validates every version seen and applies all writes atomically; the transaction ends either way. */
  commit(txId: string): void {
    const tx = this.live(txId);
    try {
      const writes: DocWrite[] = [...tx.dirty].map((k) => {
        const e = tx.view.get(k) as Entry;
        return { coll: e.coll, key: e.key, doc: e.doc };
      });
      this.store.commit([...tx.seen.values()], writes);
    } finally {
      this.finish(tx);
    }
  }

  /** Rolling back an unknown or finished transaction is a no-op (runTransaction aborts after conflicts). */
  abort(txId: string): void {
    const tx = this.open.get(txId);
    if (tx) this.finish(tx);
  }

  clear(): void {
    for (const tx of [...this.open.values()]) this.finish(tx);
  }

  private live(txId: string): Tx {
    const tx = this.open.get(txId);
    if (!tx) return fail(CODE.TX_FAIL, `transaction ${txId} not found: committed, aborted, expired or never started`);
    if (this.clock() - tx.started > TX_LIFETIME_MS) {
      this.finish(tx);
      fail(CODE.TX_FAIL, `transaction ${txId} expired`);
    }
    return tx;
  }

  /** Like MongoDB, an operation that fails inside a transaction aborts the whole transaction. */
  private async run<T>(txId: string, op: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = this.live(txId);
    try {
      return await op(tx);
    } catch (e) {
      this.finish(tx);
      throw e;
    }
  }

  private async entry(tx: Tx, coll: string, id: unknown): Promise<Entry> {
    const key = idKey(id);
    const k = `${coll}\u0001${key}`;
    const known = tx.view.get(k);
    if (known) return known;
    this.store.requireCollection(coll);
    await this.lock(tx, k);
    if (tx.finished) fail(CODE.TX_FAIL, `transaction ${tx.id} ended while waiting`);
    let e = tx.view.get(k); // a concurrent operation of the same transaction may have read it meanwhile
    if (!e) {
      const body = this.store.getBody(coll, key);
      tx.seen.set(k, { coll, key, body });
      e = { coll, key, doc: body === null ? null : parseStored(body) };
      tx.view.set(k, e);
    }
    return e;
  }

  private write(tx: Tx, e: Entry, doc: Doc | null): void {
    if (this.conflicts === 'fail') this.failIfWrittenByAnother(tx, `${e.coll}\u0001${e.key}`);
    e.doc = doc;
    tx.dirty.add(`${e.coll}\u0001${e.key}`);
  }

  /** Conflict mode 'fail': the first open transaction to write a document keeps it. */
  private failIfWrittenByAnother(tx: Tx, k: string): void {
    for (const other of this.open.values()) {
      if (other !== tx && other.dirty.has(k))
        txConflict(`${k.replace('\u0001', '/')} was written first by another open transaction`);
    }
  }

  // ---- waiting ------------------------------------------------------------------------------------

  private async lock(tx: Tx, k: string): Promise<void> {
    if (this.conflicts === 'fail') return; // CloudBase does not queue: validation (and write conflicts) decide
    const owner = this.owners.get(k);
    if (!owner) {
      this.owners.set(k, tx);
      tx.held.add(k);
      return;
    }
    if (owner === tx || this.waitsFor(owner, tx)) return; // a cycle: go on optimistically
    // Settles once finish() of the holder hands the document over (it is then in tx.held), or on
    // timeout / end of this transaction (then we go on without it).
    await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => this.cancelWait(tx, k), LOCK_WAIT_MS);
      const waiter: Waiter = {
        tx,
        settle: (ok) => {
          clearTimeout(timer);
          tx.waiting.delete(k);
          resolve(ok);
        },
      };
      tx.waiting.set(k, waiter);
      this.queue(k).push(waiter);
    });
  }

  /** True if `from` (transitively) waits for a document held by `target`. */
  private waitsFor(from: Tx, target: Tx): boolean {
    const seen = new Set<Tx>();
    const stack = [from];
    for (let t = stack.pop(); t; t = stack.pop()) {
      if (t === target) return true;
      if (seen.has(t)) continue;
      seen.add(t);
      for (const key of t.waiting.keys()) {
        const owner = this.owners.get(key);
        if (owner) stack.push(owner);
      }
    }
    return false;
  }

  private queue(k: string): Waiter[] {
    let q = this.queues.get(k);
    if (!q) {
      q = [];
      this.queues.set(k, q);
    }
    return q;
  }

  private cancelWait(tx: Tx, k: string): void {
    const waiter = tx.waiting.get(k);
    if (!waiter) return;
    const q = this.queues.get(k) ?? [];
    const i = q.indexOf(waiter);
    if (i >= 0) q.splice(i, 1);
    if (q.length === 0) this.queues.delete(k);
    waiter.settle(false);
  }

  /** Ends a transaction: forget it, stop its wait, hand each held document to the next waiter. */
  private finish(tx: Tx): void {
    if (tx.finished) return;
    tx.finished = true;
    this.open.delete(tx.id);
    for (const k of [...tx.waiting.keys()]) this.cancelWait(tx, k);
    for (const k of tx.held) {
      const q = this.queues.get(k);
      const next = q?.shift();
      if (q && q.length === 0) this.queues.delete(k);
      if (next) {
        this.owners.set(k, next.tx);
        next.tx.held.add(k);
        next.settle(true);
      } else {
        this.owners.delete(k);
      }
    }
    tx.held.clear();
  }
}
