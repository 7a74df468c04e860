import { z } from 'zod';
import { isCalendarDate } from '../domain/composition';

/** Shared field schemas; each message names the field in Chinese and by its key. */
export const districtCode = z.string({ required_error: '缺少区县代码（districtCode）', invalid_type_error: '区县代码（districtCode）应为文本' })
  .regex(/^\d{6}$/, '区县代码（districtCode）应为6位数字');
export const streetCode = z.string({ invalid_type_error: '街道代码（streetCode）应为文本' })
  .regex(/^\d{9}$/, '街道代码（streetCode）应为9位数字');
export const communityCode = z.string({ invalid_type_error: '社区代码（communityCode）应为文本' })
  .regex(/^\d{12}$/, '社区代码（communityCode）应为12位数字');
export const schoolYear = z.number({ invalid_type_error: '学年（schoolYear）应为数字' })
  .int('学年（schoolYear）应为整数').min(2000, '学年（schoolYear）不早于2000').max(2100, '学年（schoolYear）不晚于2100');
export const entityId = (key: string, label: string) =>
  z.string({ required_error: `缺少${label}（${key}）`, invalid_type_error: `${label}（${key}）应为文本` })
    .min(1, `${label}（${key}）不能为空`).max(64, `${label}（${key}）过长`).regex(/^[\w@.-]+$/, `${label}（${key}）格式不正确`);
export const freeText = (key: string, label: string, max: number) =>
  z.string({ invalid_type_error: `${label}（${key}）应为文本` }).trim().max(max, `${label}（${key}）不超过${max}字`);
/** A real calendar date written YYYY-MM-DD (China date). */
export const calendarDate = (key: string, label: string) =>
  z
    .string({ required_error: `缺少${label}（${key}）`, invalid_type_error: `${label}（${key}）应为文本` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}（${key}）应为YYYY-MM-DD`)
    .refine(isCalendarDate, `${label}（${key}）不是有效日期`);
