export * from './types';
export { parseCatchment } from './parse';
export { catchmentRules } from './rules';
export { feedersOfLists, readFeederList } from './feeder-list';
