import { z } from 'zod';
import { calendarDate, entityId, requestId, TEXT_MAX } from './fields';
import { named } from './messages';
import { isCalendarDate } from '../domain/time';
import type { SourceDocument } from '../domain/xuequ';
import type { XuequView } from './school';
import { paging } from './approval';

/**
 * `admin` actions of the bureau's 学区 composition editor. Every edit carries an effective date
 * (China 'YYYY-MM-DD'); versions are added and closed, never overwritten.
 */
const id = entityId;
const date = calendarDate;
const name = z.string(named('edit.name', '学区名称')).max(20, '学区名称（edit.name）不超过20字');
const stage = z.enum(['primary', 'middle', 'all'], {
  errorMap: () => ({ message: '学段（stage）应为 primary（小学）、middle（初中）或 all（中小学）' }),
});
const schoolIds = (key: string, label: string, max: number) =>
  z.array(id(key, '学校编号'), named(key, label)).max(max, `${label}（${key}）最多${max}所`);
const alliance = z
  .object({
    stage,
    leadSchoolIds: schoolIds('leadSchoolIds', '牵头学校', 3),
    memberSchoolIds: schoolIds('memberSchoolIds', '成员校', 30),
  })
  .strict();
const alliances = z
  .array(alliance, {
    required_error: '缺少学段联盟（edit.alliances）',
    invalid_type_error: '学段联盟（edit.alliances）应为列表',
  })
  .max(6, '学段联盟（edit.alliances）最多6个');
const effectiveFrom = date('edit.effectiveFrom', '生效日期');

export const compositionEdit = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('create'),
        effectiveFrom,
        name,
        alliances,
        streetCodes: z
          .array(z.string().regex(/^\d{9}$/, '街道代码（edit.streetCodes）应为9位数字'))
          .max(30)
          .default([]),
      })
      .strict(),
    z.object({ kind: z.literal('rename'), effectiveFrom, xuequId: id('edit.xuequId', '学区编号'), name }).strict(),
    z
      .object({ kind: z.literal('setAlliances'), effectiveFrom, xuequId: id('edit.xuequId', '学区编号'), alliances })
      .strict(),
    z
      .object({
        kind: z.literal('moveSchool'),
        effectiveFrom,
        schoolId: id('edit.schoolId', '学校编号'),
        fromXuequId: id('edit.fromXuequId', '原学区编号'),
        toXuequId: id('edit.toXuequId', '新学区编号'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('removeSchool'),
        effectiveFrom,
        xuequId: id('edit.xuequId', '学区编号'),
        schoolId: id('edit.schoolId', '学校编号'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('addSchool'),
        effectiveFrom,
        xuequId: id('edit.xuequId', '学区编号'),
        schoolId: id('edit.schoolId', '学校编号'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('setLead'),
        effectiveFrom,
        xuequId: id('edit.xuequId', '学区编号'),
        schoolId: id('edit.schoolId', '学校编号'),
        stage,
      })
      .strict(),
  ],
  {
    errorMap: (issue, ctx) => ({
      message:
        issue.code === 'invalid_union_discriminator'
          ? '调整类型（edit.kind）应为 create、rename、setAlliances、moveSchool、removeSchool、addSchool 或 setLead'
          : ctx.defaultError,
    }),
  },
);
/**
 * The document behind an edit, as the bureau enters it (title, optional 文号, date or year). Left out: the
 * edit is recorded as 未附文件, never with a made-up title.
 */
const source = z
  .object({
    title: z
      .string(named('source.title', '文件标题'))
      .trim()
      .min(2, '文件标题（source.title）至少2字')
      .max(TEXT_MAX.sourceTitle, `文件标题（source.title）不超过${TEXT_MAX.sourceTitle}字`),
    number: z
      .string(named('source.number', '文号'))
      .trim()
      .max(TEXT_MAX.sourceNumber, `文号（source.number）不超过${TEXT_MAX.sourceNumber}字`)
      .nullish(),
    date: z
      .string(named('source.date', '发文日期'))
      .regex(/^\d{4}(-\d{2}-\d{2})?$/, '发文日期（source.date）应为YYYY-MM-DD或年份YYYY')
      .refine((d) => d.length === 4 || isCalendarDate(d), '发文日期（source.date）不是有效日期'),
  })
  .strict();
const edit = z.object({ edit: compositionEdit, source: source.optional() });

export const compositionInputs = {
  /** The caller's district as composed on a date (default today), for the editor. */
  compositionState: z.object({ date: date('date', '日期').optional() }).strict(),
  /** Newest first, a page at a time: `cursor` is the `next` of the previous page. */
  compositionHistory: z
    .object({
      xuequId: id('xuequId', '学区编号'),
      ...paging,
    })
    .strict(),
  /** Dry run: writes nothing. */
  previewEdit: edit.strict(),
  /** Idempotent by requestId (client-generated): a retry returns the first result. */
  applyEdit: edit.extend({ requestId }).strict(),
};

export type CompositionEditInput = z.input<typeof compositionEdit>;
export type CompositionSourceInput = z.input<typeof source>;

export interface CompositionState {
  districtCode: string;
  districtName: string;
  date: string;
  today: string;
  /** Default effective date of an edit: the next term start (2月20日 or 9月1日). */
  nextTermStart: string;
  xuequ: XuequView[];
  /** Every school of the district, with the 学区 it belongs to on the date. */
  schools: Array<{ id: string; name: string; kind: string; stages: string[]; xuequIds: string[] }>;
  /** Dates after today on which a planned composition takes effect. */
  plannedDates: string[];
  maxSchoolsPerXuequ: number;
}

export interface VersionWriteView {
  kind: 'close' | 'add' | 'replace';
  versionId: string;
  xuequId: string;
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface EditPreview {
  effectiveFrom: string;
  ok: boolean;
  errors: string[];
  warnings: string[];
  changes: string[];
  before: XuequView[];
  after: XuequView[];
  writes: VersionWriteView[];
}

export interface ApplyResult {
  effectiveFrom: string;
  changes: string[];
  warnings: string[];
  writes: VersionWriteView[];
  /** The reference data version after the edit (warm caches reload on it). */
  referenceVersion: number;
  /** True when this requestId was applied before: nothing written this time. */
  duplicate: boolean;
}

export interface HistoryVersionView {
  versionId: string;
  status: 'past' | 'current' | 'future';
  statusLabel: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  changes: string[];
  source: SourceDocument;
  xuequ: XuequView;
}

export interface CompositionHistory {
  xuequId: string;
  name: string;
  /** This page of versions, newest first. */
  versions: HistoryVersionView[];
  /** Pass back as `cursor` for the older versions; null on the last page. */
  next: string | null;
}

export interface CompositionOutputs {
  compositionState: CompositionState;
  compositionHistory: CompositionHistory;
  previewEdit: EditPreview;
  applyEdit: ApplyResult;
}
