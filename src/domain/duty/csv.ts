import { dateTimeIn } from '../time';
import { HARDSHIP_LABELS } from './subsidy';
import type { FlagCounts, MonthSummary, Totals } from './hours';
import { crossesMidnight } from './schedule';
import { DUTY_KIND_LABELS } from './types';
import { presenceLabel, presenceReasonOf } from '../presence';

/** Names the summary only knows by id. Teacher names default to the duty's teacherName. */
export interface CsvNames {
  schools: Readonly<Record<string, string>>;
  teachers?: Readonly<Record<string, string>>;
}

type Cell = string | number | null;

/**
 * One CSV field (RFC 4180). Text starting like a formula is prefixed with ' so that a name such as
 * "=HYPERLINK(…)" typed into the app is shown, not run, when the bureau opens the file in Excel.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = [
  '类型',
  '月份',
  '教师',
  '任务类型',
  '派出学校',
  '任务学校',
  '日期',
  '时段',
  '签到时间',
  '签退时间',
  '核验',
  '核验时间',
  '计入分钟',
  '计入小时',
  '课时',
  '未核验分钟',
  '未核验课时',
  '迟到',
  '早退',
  '超出范围',
  '未签退',
  '补卡',
  '签到距离（米）',
  '签退距离（米）',
  '出勤次数',
  '未核验次数',
  '应出勤次数',
  '补助天数',
  '补助估算（元）',
  '备注',
] as const;

type Column = (typeof CSV_HEADER)[number];
type Row = Partial<Record<Column, Cell>>;

/** One line: each cell under its column's name, the columns not named left empty. */
const row = (cells: Row) => CSV_HEADER.map((h) => csvField(cells[h] ?? null)).join(',');

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const yes = (b: boolean) => (b ? '是' : '');
const flagCells = (f: FlagCounts): Row => ({
  迟到: f.late,
  早退: f.leftEarly,
  超出范围: f.outOfRange,
  未签退: f.capped,
  补卡: f.makeup,
});
// Verified figures in 计入分钟/课时/出勤次数, 未核验 ones apart (sessionCount in hours.ts): columns add up.
const totalCells = (t: Totals): Row => ({
  计入分钟: t.minutes,
  计入小时: hours(t.minutes),
  课时: t.periods,
  未核验分钟: t.unverifiedMinutes,
  未核验课时: t.unverifiedPeriods,
  ...flagCells(t.flags),
  出勤次数: t.sessions,
  未核验次数: t.unverifiedSessions,
  应出勤次数: t.scheduled,
  补助天数: t.subsidyDays,
  '补助估算（元）': t.subsidyYuan,
});

/**
 * A month as CSV: a UTF-8 BOM (without it Excel reads the Chinese as GBK), CRLF line ends, a Chinese
 * header, one row per clock record, then totals per duty, per teacher and overall, then notes.
 */
export function monthCsv(summary: MonthSummary, names: CsvNames): string {
  const school = (id: string) => names.schools[id] ?? id;
  const teacher = (openid: string, fallback: string) => names.teachers?.[openid] ?? fallback;
  const out: string[] = [CSV_HEADER.map(csvField).join(',')];
  const m = summary.month;
  for (const l of summary.lines) {
    const r = l.record;
    const at = (ms: number | null) => (ms === null ? null : dateTimeIn(ms, summary.zone));
    const slot = `${r.slotStart}–${crossesMidnight(r.slotStart, r.slotEnd) ? '次日' : ''}${r.slotEnd}`;
    const reason = presenceReasonOf(r);
    const status = r.clockInAt === null ? null : `${presenceLabel(r)}${reason ? `：${reason}` : ''}`;
    // 扫码签到 verifies at clock-in; 扫码核验 later keeps its own time.
    const verifiedAt = r.presence === 'code' ? at(r.presenceVerifiedAt ?? r.clockInAt) : null;
    const verified = l.count === 'verified';
    const unverified = l.count === 'unverified';
    const note = [
      l.sessionInMonth ? '' : '上月最后一天的夜间任务，仅计本月部分的时长',
      l.flags.capped ? '未签退，按时段结束计' : '',
    ]
      .filter(Boolean)
      .join('；');
    out.push(
      row({
        类型: '记录',
        月份: m,
        教师: teacher(l.duty.teacherOpenid, l.duty.teacherName),
        任务类型: DUTY_KIND_LABELS[l.duty.kind],
        派出学校: school(l.duty.homeSchoolId),
        任务学校: school(l.duty.hostSchoolId),
        日期: r.sessionDate,
        时段: slot,
        签到时间: at(r.clockInAt),
        签退时间: at(r.clockOutAt),
        核验: status,
        核验时间: verifiedAt,
        计入分钟: verified ? l.minutes : 0,
        计入小时: verified ? hours(l.minutes) : 0,
        课时: verified ? l.periods : 0,
        未核验分钟: unverified ? l.minutes : 0,
        未核验课时: unverified ? l.periods : 0,
        迟到: yes(l.flags.late),
        早退: yes(l.flags.leftEarly),
        超出范围: yes(l.flags.outOfRange),
        未签退: yes(l.flags.capped),
        补卡: yes(l.flags.makeup),
        '签到距离（米）': r.inDistanceM,
        '签退距离（米）': r.outDistanceM,
        备注: note,
      }),
    );
  }
  for (const d of summary.byDuty) {
    const rate = d.rate
      ? `${d.rate.sample ? '示例数据：' : ''}${d.rate.yuanPerDay}元/天（${d.rate.band.label}·${HARDSHIP_LABELS[d.rate.hardship]}）`
      : (d.rateProblem ?? '');
    out.push(
      row({
        类型: '任务合计',
        月份: m,
        教师: teacher(d.teacherOpenid, d.teacherName),
        任务类型: DUTY_KIND_LABELS[d.kind],
        派出学校: school(d.homeSchoolId),
        任务学校: school(d.hostSchoolId),
        ...totalCells(d),
        备注: rate,
      }),
    );
  }
  const missing = (t: Totals) => (t.subsidyMissing ? '部分任务缺少补助标准，未计入' : '');
  for (const t of summary.byTeacher)
    out.push(
      row({
        类型: '教师合计',
        月份: m,
        教师: teacher(t.teacherOpenid, t.teacherName),
        ...totalCells(t),
        备注: missing(t),
      }),
    );
  out.push(row({ 类型: '总计', 月份: m, ...totalCells(summary.total), 备注: missing(summary.total) }));
  const notes = [...summary.notes];
  if (summary.total.unverifiedSessions > 0)
    notes.unshift(
      `${summary.total.unverifiedSessions} 节未核验（未扫签到码或不在范围内），其分钟和课时单列在“未核验”列，不计入出勤、课时和补助`,
    );
  if (summary.subsidySample)
    notes.unshift('补助金额为示例数据：种子文件要求按距离和艰苦程度差异化补助，但未给出金额，仅供估算');
  for (const n of notes) out.push(row({ 类型: '说明', 月份: m, 备注: n }));
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
