/** Writes dist/seed/<collection>.json as JSON Lines, the format the cloud console's 导入 accepts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSeed } from './seed-data';

const out = path.resolve(__dirname, '..', 'dist', 'seed');
mkdirSync(out, { recursive: true });
for (const [collection, docs] of Object.entries(buildSeed(Date.now()))) {
  writeFileSync(path.join(out, `${collection}.json`), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  console.log(`${collection}: ${docs.length} → ${path.join(out, `${collection}.json`)}`);
}
