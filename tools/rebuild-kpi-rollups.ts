/**
 * `npx tsx tools/rebuild-kpi-rollups.ts [--data-dir D]` rebuilds the dashboard's KPI rollups of the
 * local store (--data-dir, else XUEQU_DATA_DIR, else .local-data/) from its clock records, paging
 * through them. For a cloud environment, the bureau calls admin.rebuildKpiRollups (10 schools a call)
 * with the returned `next` until it is null, once per school year that has records.
 */
import { localDataDir, openLocalStore } from '../local/data-dir';
import { rebuildRollupsInStore } from '../local/kpi-rollups';
import { runCli } from './cli';

const USAGE = '用法：npx tsx tools/rebuild-kpi-rollups.ts [--data-dir 目录]';

export function main(argv: string[]): number {
  const at = argv.indexOf('--data-dir');
  if (at >= 0 && !argv[at + 1]) throw new Error(`--data-dir 后应跟目录。${USAGE}`);
  const unknown = argv.filter((_a, i) => !(at >= 0 && (i === at || i === at + 1)));
  if (unknown.length) throw new Error(`不认识的参数 ${unknown.join(' ')}。${USAGE}`);
  const store = openLocalStore(localDataDir(at >= 0 ? argv[at + 1] : undefined));
  try {
    const n = rebuildRollupsInStore(store, Date.now());
    console.log(`已重建数据看板统计：${n} 条（学校 × 月）`);
    return 0;
  } finally {
    store.close();
  }
}

if (require.main === module) runCli(main);
