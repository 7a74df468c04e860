/** 教师交流任务: duties, clocking, 补卡, hours, subsidy estimate and the monthly CSV. Pure rules. */
export * from './types';
export * from './calendar';
export * from './schedule';
export * from './clock';
export * from './hours';
export * from './subsidy';
export * from './makeup';
export * from './csv';
export * from './attendance';
