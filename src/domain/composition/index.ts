// 学区 composition: edits with an effective date (edit.ts), what changed (changes.ts) and the timeline
// parents and the bureau read (timeline.ts).
export * from './changes';
export * from './edit';
export * from './timeline';
