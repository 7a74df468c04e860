export * from './types';
export { parseCatchment } from './parse';
