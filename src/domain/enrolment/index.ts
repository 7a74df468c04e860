/** 入学条件: enrolment rules per district, school year and stage, and what they mean for one family. */
export * from './types';
export * from './questions';
export * from './rules';
export * from './assess';
export * from './outcome';
export * from './url';
