/** School stages of compulsory education; 'all' marks a 学区's member list that the document did not split. */
export type Stage = 'primary' | 'middle';
export type AllianceStage = Stage | 'all';

export const STAGE_LABELS: Record<AllianceStage, string> = { primary: '小学', middle: '初中', all: '中小学' };

/** Primary first: that is the order a parent asks in (which primary school, then which middle school). */
export const STAGE_ORDER: readonly Stage[] = ['primary', 'middle'];
