import type { SourceDocument } from './xuequ';
import type { PlacementMechanism } from './catchment/types';
import type { Stage } from './stages';
import type { ZoningHit, ZoningRuleLike } from './zoning-match';

/** A stored 划片 rule: what it covers (社区, road numbers or 小区), for one stage and school year. */
export interface ZoningRule extends ZoningRuleLike {
  districtCode: string;
  schoolYear: number;
  /** The 文件 that publishes the rule. */
  document: SourceDocument;
  /** Generated sample data, not a published rule: shown as 示例数据. */
  sample: boolean;
  /** From a catchment list: how places are given there (单校划片 / 多校划片 by 派位). */
  mechanism?: PlacementMechanism;
}

/** Zoned school ids per stage for one school year, from the rules that matched. */
export type ZonedIds = Record<Stage, string[]>;

export function zonedIds(hits: ReadonlyArray<ZoningHit<ZoningRule>>): ZonedIds {
  const out: ZonedIds = { primary: [], middle: [] };
  for (const h of hits)
    for (const id of h.rule.schoolIds) if (!out[h.rule.stage].includes(id)) out[h.rule.stage].push(id);
  return out;
}

/** What changed for one address from one school year to the next, per stage, in plain Chinese. */
export function zoningChanges(
  before: ZonedIds,
  after: ZonedIds,
  nameOf: (id: string) => string,
  stageLabel: Record<Stage, string>,
): string[] {
  const changes: string[] = [];
  for (const stage of ['primary', 'middle'] as const) {
    const a = before[stage].map(nameOf).join('、');
    const b = after[stage].map(nameOf).join('、');
    if (a === b) continue;
    if (!a) changes.push(`${stageLabel[stage]}：新增划片 ${b}`);
    else if (!b) changes.push(`${stageLabel[stage]}：不再划入 ${a}`);
    else changes.push(`${stageLabel[stage]}：由 ${a} 调整为 ${b}`);
  }
  return changes;
}
