import { refuse } from './types';
import type { Refusal } from './types';

/**
 * 交流补助 estimate. Seed 003 (柳州) asks districts to 按距离远近、艰苦程度等因素进行差异化补助 but
 * gives no amounts, so every table in data/subsidy-table.json is sample data until a bureau enters its
 * own. The unit is yuan per attended day per duty: the cost being compensated is the trip to the host
 * school, which a teacher makes once a day however many 节 they teach there.
 */

/** 1 ordinary (城区/普通), 2 remote (偏远), 3 very remote (艰苦边远): a property of the host school. */
export type HardshipLevel = 1 | 2 | 3;

export const HARDSHIP_LABELS: Readonly<Record<HardshipLevel, string>> = { 1: '普通', 2: '偏远', 3: '艰苦边远' };

/** [minKm, maxKm): the lower edge belongs to the band, so exactly 3 km is in 3–10 km. */
export interface DistanceBand {
  minKm: number;
  /** null: no upper edge. */
  maxKm: number | null;
  label: string;
}

export interface DistrictSubsidyTable {
  districtName: string;
  bands: DistanceBand[];
  /** yuanPerDay[band][hardship − 1] */
  yuanPerDay: number[][];
  sample: boolean;
  note: string;
}

/** data/subsidy-table.json as written. */
export interface SubsidyTableFile {
  unit: 'yuan-per-attended-day';
  sample: boolean;
  note: string;
  districts: Record<string, DistrictSubsidyTable>;
}

export interface SubsidyRate {
  ok: true;
  yuanPerDay: number;
  band: DistanceBand;
  hardship: HardshipLevel;
  sample: boolean;
  note: string;
}

export type SubsidyRefusal = Refusal<'NO_SUBSIDY_TABLE' | 'INVALID_DISTANCE' | 'INVALID_HARDSHIP'>;

export const isHardship = (n: unknown): n is HardshipLevel => n === 1 || n === 2 || n === 3;

/** The daily rate for a teacher travelling distanceKm (home → host school) to a host of the hardship level. */
export function subsidyFor(
  table: SubsidyTableFile,
  districtCode: string,
  distanceKm: number,
  hardship: number,
): SubsidyRate | SubsidyRefusal {
  const t = table.districts[districtCode];
  if (!t) return refuse('NO_SUBSIDY_TABLE', `区县 ${districtCode} 尚未设置交流补助标准`);
  if (!Number.isFinite(distanceKm) || distanceKm < 0) return refuse('INVALID_DISTANCE', `距离无效：${distanceKm}`);
  if (!isHardship(hardship))
    return refuse('INVALID_HARDSHIP', `艰苦程度应为 1（普通）、2（偏远）或 3（艰苦边远），收到 ${hardship}`);
  const i = t.bands.findIndex((b) => distanceKm >= b.minKm && (b.maxKm === null || distanceKm < b.maxKm));
  // validateSubsidyTable guarantees contiguous bands from 0 to open-ended, so i is found for any distance ≥ 0.
  const band = t.bands[i];
  return {
    ok: true,
    yuanPerDay: t.yuanPerDay[i][hardship - 1],
    band,
    hardship,
    sample: table.sample || t.sample,
    note: t.note,
  };
}

/** Problems of a table file, in Chinese: bands must start at 0, be contiguous and end open; amounts ≥ 0. */
export function subsidyTableProblems(file: SubsidyTableFile): string[] {
  const out: string[] = [];
  if (file.unit !== 'yuan-per-attended-day') out.push(`补助单位应为 yuan-per-attended-day，收到 ${String(file.unit)}`);
  for (const [code, t] of Object.entries(file.districts)) {
    const at = `补助标准 ${code}`;
    if (!/^\d{6}$/.test(code)) out.push(`${at}：区县代码应为 6 位数字`);
    if (t.bands.length === 0) out.push(`${at}：没有距离档`);
    t.bands.forEach((b, i) => {
      const expectedMin = i === 0 ? 0 : t.bands[i - 1].maxKm;
      if (b.minKm !== expectedMin) out.push(`${at}：第${i + 1}档应从 ${expectedMin} 公里开始`);
      const last = i === t.bands.length - 1;
      if (last !== (b.maxKm === null)) out.push(`${at}：只有最后一档没有上限`);
      if (b.maxKm !== null && b.maxKm <= b.minKm) out.push(`${at}：第${i + 1}档上限应大于下限`);
    });
    if (t.yuanPerDay.length !== t.bands.length) out.push(`${at}：金额行数应等于距离档数`);
    t.yuanPerDay.forEach((row, i) => {
      if (row.length !== 3) out.push(`${at}：第${i + 1}档应有 3 个艰苦程度的金额`);
      if (row.some((y) => !Number.isFinite(y) || y < 0)) out.push(`${at}：第${i + 1}档金额应为不小于 0 的数`);
    });
  }
  return out;
}
