/** 教师交流任务: duties, clocking, 补卡, hours, subsidy estimate and the monthly CSV. Pure rules. */
export * from './types';
export * from './calendar';
// The China-time helpers the duty rules use, defined once in ../time and offered with them.
export {
  addDays,
  dateIn,
  dateTimeIn,
  datesBetween,
  daysFrom,
  hmIn,
  hmMinutes,
  instantAt,
  isDate,
  isHm,
  monthBounds,
  monthOfDate,
} from '../time';
export * from './schedule';
export * from './clock';
export * from './hours';
export * from './subsidy';
export * from './makeup';
export * from './csv';
export * from './attendance';
