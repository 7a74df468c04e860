export * from './common';
export * from './schools';
export * from './zoning';
export * from './teachers';
export * from './catchments';
export * from './pieces';
export * from './review';
