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

const row = (cells: Cell[]) => cells.map(csvField).join(',');

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

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const yes = (b: boolean) => (b ? '是' : '');
const flagCells = (f: FlagCounts): Cell[] => [f.late, f.leftEarly, f.outOfRange, f.capped, f.makeup];
// Verified figures in 计入分钟/课时/出勤次数, 未核验 ones apart (sessionCount in hours.ts): columns add up.
const totalCells = (t: Totals): Cell[] => [
  t.minutes,
  hours(t.minutes),
  t.periods,
  t.unverifiedMinutes,
  t.unverifiedPeriods,
  ...flagCells(t.flags),
  null,
  null,
  t.sessions,
  t.unverifiedSessions,
  t.scheduled,
  t.subsidyDays,
  t.subsidyYuan,
];

/**
 * A month as CSV: a UTF-8 BOM (without it Excel reads the Chinese as GBK), CRLF line ends, a Chinese
 * header, one row per clock record, then totals per duty, per teacher and overall, then notes.
 */
export function monthCsv(summary: MonthSummary, names: CsvNames): string {
  const school = (id: string) => names.schools[id] ?? id;
  const teacher = (openid: string, fallback: string) => names.teachers?.[openid] ?? fallback;
  const out: string[] = [row([...CSV_HEADER])];
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
      row([
        '记录',
        m,
        teacher(l.duty.teacherOpenid, l.duty.teacherName),
        DUTY_KIND_LABELS[l.duty.kind],
        school(l.duty.homeSchoolId),
        school(l.duty.hostSchoolId),
        r.sessionDate,
        slot,
        at(r.clockInAt),
        at(r.clockOutAt),
        status,
        verifiedAt,
        verified ? l.minutes : 0,
        verified ? hours(l.minutes) : 0,
        verified ? l.periods : 0,
        unverified ? l.minutes : 0,
        unverified ? l.periods : 0,
        yes(l.flags.late),
        yes(l.flags.leftEarly),
        yes(l.flags.outOfRange),
        yes(l.flags.capped),
        yes(l.flags.makeup),
        r.inDistanceM,
        r.outDistanceM,
        null,
        null,
        null,
        null,
        null,
        note,
      ]),
    );
  }
  for (const d of summary.byDuty) {
    const rate = d.rate
      ? `${d.rate.sample ? '示例数据：' : ''}${d.rate.yuanPerDay}元/天（${d.rate.band.label}·${HARDSHIP_LABELS[d.rate.hardship]}）`
      : (d.rateProblem ?? '');
    out.push(
      row([
        '任务合计',
        m,
        teacher(d.teacherOpenid, d.teacherName),
        DUTY_KIND_LABELS[d.kind],
        school(d.homeSchoolId),
        school(d.hostSchoolId),
        null,
        null,
        null,
        null,
        null,
        null,
        ...totalCells(d),
        rate,
      ]),
    );
  }
  const missing = (t: Totals) => (t.subsidyMissing ? '部分任务缺少补助标准，未计入' : '');
  for (const t of summary.byTeacher)
    out.push(
      row([
        '教师合计',
        m,
        teacher(t.teacherOpenid, t.teacherName),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        ...totalCells(t),
        missing(t),
      ]),
    );
  out.push(
    row([
      '总计',
      m,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      ...totalCells(summary.total),
      missing(summary.total),
    ]),
  );
  const notes = [...summary.notes];
  if (summary.total.unverifiedSessions > 0)
    notes.unshift(
      `${summary.total.unverifiedSessions} 节未核验（未扫签到码或不在范围内），其分钟和课时单列在“未核验”列，不计入出勤、课时和补助`,
    );
  if (summary.subsidySample)
    notes.unshift('补助金额为示例数据：种子文件要求按距离和艰苦程度差异化补助，但未给出金额，仅供估算');
  for (const n of notes) out.push(row(['说明', m, ...Array<Cell>(CSV_HEADER.length - 3).fill(null), n]));
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
