/**
 * Child process of durability.test.ts: writes through the real SDK as fast as it can and prints
 * "ack <id>" for every write only after the SDK call resolved. The parent SIGKILLs it mid-stream.
 */
import { createLocalCloud } from '../../local/runtime';

const [dbFile, functionsRoot] = process.argv.slice(2);
const rt = createLocalCloud({ dbFile, functionsRoot });
rt.store.ensureCollection('journal');

const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const ack = (id: string): void => {
  process.stdout.write(`ack ${id}\n`);
};

async function main(): Promise<void> {
  for (let i = 0; ; i++) {
    if (i % 5 === 4) {
      // A two-document transaction: both or neither may exist after the crash.
      const pair = `pair-${i}`;
      await db.runTransaction(
        async (tx: { collection(c: string): { doc(id: string): { set(o: object): Promise<unknown> } } }) => {
          await tx.collection('journal').doc(`${pair}-a`).set({ data: { pair } });
          await tx.collection('journal').doc(`${pair}-b`).set({ data: { pair } });
        },
      );
      ack(`${pair}-a`);
      ack(`${pair}-b`);
    } else if (i % 5 === 3) {
      // A batch insert is one request: also all-or-nothing.
      const { _ids } = await db.collection('journal').add({ data: [{ batch: i }, { batch: i }, { batch: i }] });
      (_ids as string[]).forEach(ack);
    } else {
      const { _id } = await db.collection('journal').add({ data: { i, pad: 'x'.repeat(512) } });
      ack(_id);
    }
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
