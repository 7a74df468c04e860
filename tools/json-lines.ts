/** JSON Lines files, one per collection: the format the cloud console's 导入 accepts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `<dir>/<collection>.json` for each collection; returns what went where. */
export function writeJsonLines(
  dir: string,
  byCollection: Record<string, ReadonlyArray<Record<string, unknown>>>,
): Array<{ collection: string; count: number; file: string }> {
  mkdirSync(dir, { recursive: true });
  return Object.entries(byCollection).map(([collection, docs]) => {
    const file = path.join(dir, `${collection}.json`);
    writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    return { collection, count: docs.length, file };
  });
}
