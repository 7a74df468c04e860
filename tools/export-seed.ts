/** Writes dist/seed/<collection>.json as JSON Lines, the format the cloud console's 导入 accepts. */
import path from 'node:path';
import { buildSeed } from './seed-data';
import { writeJsonLines } from './json-lines';

for (const { collection, count, file } of writeJsonLines(
  path.resolve(__dirname, '..', 'dist', 'seed'),
  buildSeed(Date.now()),
)) {
  console.log(`${collection}: ${count} → ${file}`);
}
