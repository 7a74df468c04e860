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
/** Text a person wrote: valid Unicode only (no lone surrogates), no control characters but line breaks and tabs. */
const CLEAN_TEXT = /^(?:[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
export const freeText = (key: string, label: string, max: number) =>
  z
    .string({ invalid_type_error: `${label}（${key}）应为文本` })
    .trim()
    .max(max, `${label}（${key}）不超过${max}字`)
    .regex(CLEAN_TEXT, `${label}（${key}）含有无法识别的字符（控制字符或不完整的文字），请删除后重试`);

/** Client-generated, so a retried submission is stored once. */
export const requestId = z
  .string({ required_error: '缺少请求编号（requestId）', invalid_type_error: '请求编号（requestId）应为文本' })
  .regex(/^[\w-]{8,64}$/, '请求编号（requestId）格式不正确');

/** The dates the product deals in: terms, bookings, documents, births of pupils. Outside: a typo or an attack. */
export const DATE_RANGE = { from: '2000-01-01', to: '2100-12-31' } as const;

/** A real calendar date written YYYY-MM-DD (China date), within the range (default DATE_RANGE). */
export const calendarDate = (key: string, label: string, range: { from: string; to: string } = DATE_RANGE) =>
  z
    .string({ required_error: `缺少${label}（${key}）`, invalid_type_error: `${label}（${key}）应为文本` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}（${key}）应为YYYY-MM-DD`)
    .refine(isCalendarDate, `${label}（${key}）不是有效日期`)
    .refine((d) => d >= range.from && d <= range.to, `${label}（${key}）应在${range.from}至${range.to}之间`);
