import { z } from 'zod';
import { DATE_RE, HM_RE, isCalendarDate } from '../domain/time';
import { named } from './messages';

/**
 * Shared field schemas, defined once: every contract takes its ids, dates, codes and typed text from here.
 * Messages come from the one error map (./messages: "label（key）…"); a check's own message says more.
 */
export const districtCode = z
  .string(named('districtCode', '区县代码'))
  .regex(/^\d{6}$/, '区县代码（districtCode）应为6位数字');
export const streetCode = z
  .string(named('streetCode', '街道代码'))
  .regex(/^\d{9}$/, '街道代码（streetCode）应为9位数字');
export const communityCode = z
  .string(named('communityCode', '社区代码'))
  .regex(/^\d{12}$/, '社区代码（communityCode）应为12位数字');
export const schoolYear = z
  .number(named('schoolYear', '学年'))
  .int()
  .min(2000, '学年（schoolYear）不早于2000')
  .max(2100, '学年（schoolYear）不晚于2100');

/** Longest id the product stores (ids are generated or seeded; longer is a typo or an attack). */
export const ID_MAX = 64;
export const entityId = (key: string, label: string) =>
  z
    .string(named(key, label))
    .min(1)
    .max(ID_MAX, `${label}（${key}）过长`)
    .regex(/^[\w@.-]+$/);

/** Text a person wrote: valid Unicode only (no lone surrogates), no control characters but line breaks and tabs. */
// eslint-disable-next-line no-control-regex -- refusing control characters in text is the point
const CLEAN_TEXT = /^(?:[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
export const freeText = (key: string, label: string, max: number) =>
  z
    .string(named(key, label))
    .trim()
    .max(max)
    .regex(CLEAN_TEXT, `${label}（${key}）含有无法识别的字符（控制字符或不完整的文字），请删除后重试`);

/** A key the client generates (a request, an upload): 8–64 letters, digits, _ or -. */
export const clientKey = (key: string, label: string) => z.string(named(key, label)).regex(/^[\w-]{8,64}$/);

/** Client-generated, so a retried submission is stored once. */
export const requestId = clientKey('requestId', '请求编号');

/** A wall-clock time of day, HH:mm (China time where it matters: the schema only reads the text). */
export const clockTime = (key: string, label: string) =>
  z.string(named(key, label)).regex(HM_RE, `${label}（${key}）应为HH:mm`);

/** The dates the product deals in: terms, bookings, documents, births of pupils. Outside: a typo or an attack. */
export const DATE_RANGE = { from: '2000-01-01', to: '2100-12-31' } as const;

/** A real calendar date written YYYY-MM-DD (China date), within the range (default DATE_RANGE). */
export const calendarDate = (key: string, label: string, range: { from: string; to: string } = DATE_RANGE) =>
  z
    .string(named(key, label))
    .regex(DATE_RE, `${label}（${key}）应为YYYY-MM-DD`)
    .refine(isCalendarDate, `${label}（${key}）不是有效日期`)
    .refine((d) => d >= range.from && d <= range.to, `${label}（${key}）应在${range.from}至${range.to}之间`);

/**
 * Longest typed text of each form field, in characters: the contract enforces it and the page's input
 * `maxlength` reads it from here, so the two cannot drift apart.
 */
export const TEXT_MAX = {
  /** An approver's or requester's comment on a request (approval). */
  comment: 500,
  /** Why a teacher asks for an exchange (approval). */
  reason: 300,
  menteeName: 20,
  /** What a facility booking is for (approval) and why it is cancelled (facility). */
  purpose: 100,
  cancelReason: 100,
  /** A parent's question to a school (school). */
  contactName: 20,
  question: 200,
  answer: 300,
  /** A note on an invite (admin). */
  inviteNote: 30,
  admissionDocument: 100,
  /** The document behind a composition edit (admin). */
  sourceTitle: 80,
  sourceNumber: 40,
} as const;
