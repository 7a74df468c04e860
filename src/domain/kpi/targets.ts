import { DEFAULT_ROTATION_POLICY } from '../approval/checks';
import type { DutyKind } from '../duty/types';

// The 交流 targets and the documents that set them (seed 001: 不少于30%；骨干教师100%).

/** Every form of 教师交流 that counts for the share (资源共享 counts each form; 联合教研 moves nobody). */
export const EXCHANGE_KINDS: readonly DutyKind[] = ['rotation', 'cross-teaching', 'itinerant', 'support', 'mentoring'];
export const ROTATION_TARGET = DEFAULT_ROTATION_POLICY.targetShare;
/** 骨干教师轮岗交流达100%. */
export const KEY_TARGET = 1;
export const NO_KEY_DATA = '未登记骨干教师';

/** A document that sets a 交流 share, and the area it applies to. */
export interface TargetDocument {
  /** district: one district (code); city / province: the districts in it (by name); national: every district. */
  applies:
    | { level: 'district'; code: string }
    | { level: 'city'; city: string }
    | { level: 'province'; province: string }
    | { level: 'national' };
  title: string;
  issuer: string;
  number: string | null;
  date: string;
  /** The share of teachers exchanged it asks for at least. */
  rotationShare: number;
  /** The words of the document. */
  quote: string;
}

/**
 * The documents known to set a share. 东城区's is seed 001; the national one is the 2014 opinion every
 * 县（区） answers to. A district's own document comes first, then city, province, national.
 */
export const TARGET_DOCUMENTS: readonly TargetDocument[] = [
  {
    applies: { level: 'district', code: '110101' },
    title: '关于《东城区实施学区制综合改革方案》的通知',
    issuer: '中共东城区委教育工作委员会、东城区教育委员会',
    number: null,
    date: '2014-01-17',
    rotationShare: 0.3,
    quote: '优秀干部教师轮岗交流资源共享比率不少于30%',
  },
  {
    applies: { level: 'national' },
    title: '关于推进县（区）域内义务教育学校校长教师交流轮岗的意见',
    issuer: '教育部、财政部、人力资源社会保障部',
    number: '教师〔2014〕4号',
    date: '2014-08-13',
    rotationShare: 0.1,
    quote: '城镇学校、优质学校每学年教师交流轮岗的比例应不低于符合交流条件教师总数的10%',
  },
];

const LEVEL_ORDER = { district: 0, city: 1, province: 2, national: 3 } as const;
const LEVEL_LABELS = { district: '本区', city: '市级', province: '省级', national: '国家' } as const;

/** The documents that apply to a district, its own first; never another district's. */
export function applicableTargetDocuments(
  district: { code: string; city?: string; province?: string },
  docs: readonly TargetDocument[] = TARGET_DOCUMENTS,
): TargetDocument[] {
  return docs
    .filter((d) => {
      const a = d.applies;
      if (a.level === 'district') return a.code === district.code;
      if (a.level === 'city') return !!district.city && a.city === district.city;
      if (a.level === 'province') return !!district.province && a.province === district.province;
      return true;
    })
    .sort((a, b) => LEVEL_ORDER[a.applies.level] - LEVEL_ORDER[b.applies.level]);
}

// A title quoted inside 《》 takes 〈〉 for the marks it holds itself, as Chinese typesetting does.
const citeText = (d: TargetDocument) =>
  `${d.issuer}《${d.title.replace(/《/g, '〈').replace(/》/g, '〉')}》${d.number ? `（${d.number}）` : ''}，${d.date}`;
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * Where a district's 交流 share target comes from, as one sentence: the most local applicable document that
 * sets that very share; when none does, says so and names what the applicable documents do ask for.
 */
export function rotationTargetCitation(
  district: { code: string; name: string; city?: string; province?: string },
  target: number,
  docs: readonly TargetDocument[] = TARGET_DOCUMENTS,
): { document: TargetDocument | null; text: string } {
  const applicable = applicableTargetDocuments(district, docs);
  const exact = applicable.find((d) => Math.round(d.rotationShare * 1000) === Math.round(target * 1000));
  if (exact)
    return {
      document: exact,
      text: `目标不少于${percent(target)}（${LEVEL_LABELS[exact.applies.level]}文件：${citeText(exact)}：“${exact.quote}”）`,
    };
  const nearest = applicable[0];
  const asked = nearest
    ? `；${LEVEL_LABELS[nearest.applies.level]}文件要求不低于${percent(nearest.rotationShare)}（${citeText(nearest)}）`
    : '';
  return {
    document: null,
    text: `目标不少于${percent(target)}：${district.name}及上级文件未规定这一比例，为本系统的默认目标${asked}`,
  };
}
