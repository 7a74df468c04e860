export * from './types';
export { parseCatchment } from './parse';
export { catchmentRules, listRules } from './rules';
export { feedersInForce, feedersOfLists, readFeederList } from './feeder-list';
