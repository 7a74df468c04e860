import { z } from 'zod';
import type { AdmissionSettings } from '../domain/admission';
import { TEXT_MAX, calendarDate, freeText } from './fields';
import { named } from './messages';

/** `admin` actions of the bureau's admission rules (招生规则): what its lists do not say, and family rules. */
export const admissionInputs = {
  admissionSettings: z.object({}).strict(),
  setAdmissionSettings: z
    .object({
      withoutZone: z.enum(['xuequ-multi', 'ask'], {
        errorMap: () => ({
          message: '未列入登记范围的地址（withoutZone）应为 xuequ-multi（学区内多校划片）或 ask（由教育局安排）',
        }),
      }),
      middleRule: z
        .enum(['feeder-for-graduates', 'zone'], {
          errorMap: () => ({ message: '对口与初中登记范围不一致时（middleRule）应为 feeder-for-graduates 或 zone' }),
        })
        .nullable(),
      acquiredCutoff: calendarDate('acquiredCutoff', '房产取得截止日期').nullable(),
      placeEveryYears: z
        .number(named('placeEveryYears', '同一地址入学名额年限'))
        .int()
        .min(1, '同一地址入学名额年限（placeEveryYears）至少1年')
        .max(12, '同一地址入学名额年限（placeEveryYears）不超过12年')
        .nullable(),
      basis: z.enum(['hukou', 'residence'], {
        errorMap: () => ({ message: '入学依据（basis）应为 hukou（户籍）或 residence（居住地）' }),
      }),
      document: freeText('document', '依据文件', TEXT_MAX.admissionDocument).nullable(),
    })
    .strict(),
};

export interface AdmissionView {
  districtCode: string;
  districtName: string;
  settings: AdmissionSettings;
  /** Who last changed them and when (China time), null when never set. */
  updated: { by: string; at: string } | null;
}

export interface AdmissionOutputs {
  admissionSettings: AdmissionView;
  setAdmissionSettings: AdmissionView;
}
