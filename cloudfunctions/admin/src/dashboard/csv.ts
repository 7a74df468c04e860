import type { DashboardView, KpiRowView } from '@/contracts/admin-dashboard';
import { formatShare } from '@/domain/approval';
import { csvField } from '@/domain/duty/csv';

type Cell = string | number | null;

export const DASHBOARD_CSV_HEADER = [
  '层级',
  '名称',
  '学校数',
  '教师人数',
  '交流教师人数',
  '交流比例',
  '交流比例目标',
  '是否达标',
  '骨干教师交流',
  '任务学校工时（小时）',
  '接收交流节次',
  '派出交流节次',
  '场馆借出（小时）',
  '场馆借入（小时）',
  '示例数据',
] as const;

const LEVEL_LABELS: Record<KpiRowView['level'], string> = { district: '全区', xuequ: '学区', school: '学校' };
const met = (m: boolean | null) => (m === null ? '' : m ? '达标' : '未达标');
const line = (cells: Cell[]) => cells.map(csvField).join(',');

function rowCells(r: KpiRowView): Cell[] {
  return [
    LEVEL_LABELS[r.level],
    r.name,
    r.schoolCount,
    r.rotation.base,
    r.rotation.count,
    // Two decimals: a spreadsheet reader wants 0.07%, not the page's 不足0.1%.
    r.rotation.share === null ? r.rotation.text : `${(r.rotation.share * 100).toFixed(2)}%`,
    formatShare(r.rotation.target),
    met(r.rotation.met),
    r.key.registered ? `${r.key.count}/${r.key.base}（${r.key.text}）` : r.key.text,
    r.hostHours,
    r.hostSessions,
    r.homeSessions,
    r.lentHours,
    r.borrowedHours,
    r.teacherCountSample ? '教师人数为示例数据' : '',
  ];
}

/**
 * The dashboard as CSV: UTF-8 BOM (Excel reads Chinese as GBK without it), CRLF, RFC 4180 quoting, a
 * Chinese header, the total, the 学区 and school rows, pending approvals by age, then notes.
 */
export function dashboardCsv(v: DashboardView): { filename: string; csv: string } {
  const width = DASHBOARD_CSV_HEADER.length;
  const pad = (cells: Cell[]) => [...cells, ...Array<Cell>(Math.max(0, width - cells.length)).fill(null)];
  const out = [line([...DASHBOARD_CSV_HEADER]), line(rowCells(v.total))];
  for (const r of [...v.xuequRows, ...v.schoolRows]) out.push(line(rowCells(r)));
  out.push(line(pad(['待审批', '合计', v.pending.total])));
  for (const b of v.pending.buckets) out.push(line(pad(['待审批', b.label, b.count])));
  for (const t of v.pending.byType) out.push(line(pad(['待审批', t.label, t.count])));
  for (const n of [
    `${v.schoolYearLabel}（${v.period.from} 至 ${v.period.to}），统计于 ${v.asOf}`,
    ...(v.figuresUpdatedAt ? [`签到数据更新于 ${v.figuresUpdatedAt}`] : []),
    ...v.notes,
  ])
    out.push(line(pad(['说明', n])));
  const name = v.xuequ ? `${v.districtName}${v.xuequ.name}` : v.districtName;
  return { filename: `数据看板-${name}-${v.schoolYear}学年.csv`, csv: `\uFEFF${out.join('\r\n')}\r\n` };
}
