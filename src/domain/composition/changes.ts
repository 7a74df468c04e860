import type { AllianceStage } from '../stages';
import { STAGE_LABELS } from '../stages';
import { schoolIdsOf, xuequOfSchool, type XuequVersion } from '../xuequ';

/** How a 学区 changed between versions: read by edits and timelines. */
export const without = (ids: readonly string[], id: string) => ids.filter((x) => x !== id);

export const leadName = (x: XuequVersion, stage: AllianceStage) =>
  stage === 'all' ? '牵头学校' : `${STAGE_LABELS[stage]}${x.leadTitle[stage] ?? '学区长学校'}`;

/**
 * What changed between two versions of one 学区, in plain Chinese (school names via nameOf).
 * prev null: the 学区 was set up.
 */
export function describeChange(
  prev: XuequVersion | null,
  next: XuequVersion | null,
  nameOf: (id: string) => string,
): string[] {
  if (!next && !prev) return [];
  if (!next) return [`${prev!.name}撤销`];
  if (!prev) {
    const ids = schoolIdsOf(next);
    return [`设立${next.name}${ids.length ? `：${ids.map(nameOf).join('、')}` : ''}`];
  }
  const out: string[] = [];
  if (prev.name !== next.name) out.push(`名称由“${prev.name}”改为“${next.name}”`);
  const before = new Set(schoolIdsOf(prev));
  const after = new Set(schoolIdsOf(next));
  for (const id of after) if (!before.has(id)) out.push(`${nameOf(id)}划入${next.name}`);
  for (const id of before) if (!after.has(id)) out.push(`${nameOf(id)}划出${prev.name}`);
  for (const id of after) {
    if (!before.has(id)) continue;
    const was = xuequOfSchool([prev], id)
      .filter((p) => p.role === 'lead')
      .map((p) => p.stage);
    const is = xuequOfSchool([next], id)
      .filter((p) => p.role === 'lead')
      .map((p) => p.stage);
    for (const st of is) if (!was.includes(st)) out.push(`${nameOf(id)}成为${leadName(next, st)}`);
    for (const st of was) if (!is.includes(st)) out.push(`${nameOf(id)}不再担任${leadName(prev, st)}`);
  }
  for (const id of after) {
    if (before.has(id) || !xuequOfSchool([next], id).some((p) => p.role === 'lead')) continue;
    for (const p of xuequOfSchool([next], id))
      if (p.role === 'lead') out.push(`${nameOf(id)}任${leadName(next, p.stage)}`);
  }
  const streetsAdded = next.streetCodes.filter((c) => !prev.streetCodes.includes(c));
  const streetsRemoved = prev.streetCodes.filter((c) => !next.streetCodes.includes(c));
  if (streetsAdded.length) out.push(`服务街道增加${streetsAdded.length}个`);
  if (streetsRemoved.length) out.push(`服务街道减少${streetsRemoved.length}个`);
  return out.length ? out : ['组成未变'];
}
