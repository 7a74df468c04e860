import type { Stage } from '../stages';
import type { SourceDocument } from '../xuequ';
import { WHOLE_ROAD_TO, type BuildingRange, type ZoningMatch } from '../zoning-match/rules';

/**
 * A bureau's published 登记范围 (catchment) of one school, as published: the verbatim text is the truth;
 * what the product matches is read out of it phrase by phrase (parseCatchment), so a better reader
 * improves every stored list without a re-import.
 */
export type PlacementMechanism = 'single' | 'multi' | 'feeder';

/**
 * 单校划片 / 多校划片: the text lists places. 对口直升 (初中 only): the text lists the primary schools whose
 * pupils go on to this middle school (several middle schools naming one primary school: 派位 among them).
 */
export const MECHANISM_LABELS: Record<PlacementMechanism, string> = {
  single: '单校划片',
  multi: '多校划片',
  feeder: '对口直升',
};

/** One stored catchment: a school's 登记范围 for one stage and one intake (学年 2026 = autumn 2026). */
export interface CatchmentDoc {
  _id: string;
  districtCode: string;
  /** The intake year: pupils who start in September of this year. */
  intakeYear: number;
  stage: Stage;
  schoolId: string;
  mechanism: PlacementMechanism;
  /** 登记范围 verbatim, line breaks kept. */
  text: string;
  document: SourceDocument;
  /** Written as sample text (示例数据), not published by a bureau. */
  sample: boolean;
}

/** House or building numbers from..to inclusive, of one parity or all. */
export type NumberRange = BuildingRange;

/** The largest house / building number a range may name: "全段", "12号以后" run up to it. */
export const MAX_HOUSE_NUMBER = WHOLE_ROAD_TO;

/** What one phrase covers: the matcher's own rule shapes (road numbers, 小区 with buildings, 社区, 街道). */
export type CatchmentMatch = ZoningMatch;

export type PhraseStatus = 'read' | 'note' | 'unread';

export interface CatchmentPhrase {
  /** The phrase as published (a trimmed slice of the text): what a parent is shown as the reason. */
  text: string;
  /** The 街道 section header it falls under, if any. */
  street: string | null;
  /** read: matches below; note: no place (已拆迁, a remark); unread: 未能识别, shown to the bureau. */
  status: PhraseStatus;
  /** 除外 as the whole phrase ("XX小区除外"): its matches are taken out of this school's catchment. */
  exclude: boolean;
  matches: CatchmentMatch[];
  /** Places the phrase itself leaves out ("六纬路全段（除12号外）"): taken out of this school's catchment. */
  except: CatchmentMatch[];
  /** How it was read, in Chinese (e.g. "六纬路 1–99号 单号"), or why not. */
  reading: string;
}

/** The official places a list may name, to turn 社区 / 街道 names into codes. */
export interface CatchmentPlaces {
  streets: ReadonlyArray<{ code: string; name: string }>;
  communities: ReadonlyArray<{ code: string; name: string; parentCode: string }>;
}
