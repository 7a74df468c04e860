import type { XuequVersion } from '@/domain/xuequ';
import { cn, xuequVersion, type AllianceOf } from '../fixtures';
import type { Actor, ExchangeFields, FacilityFields, SchoolsById } from '@/domain/approval';

export { CN, cn } from '../fixtures';

const version = (
  xuequId: string,
  name: string,
  from: string,
  to: string | null,
  middle: AllianceOf,
  primary: AllianceOf,
  districtCode = '120102',
): XuequVersion => xuequVersion(xuequId, { name, from, to, middle, primary, districtCode });

/** 宏达小学 (p-moved) moves from 第一学区 to 第二学区 on 2027-09-01; 东局子学校 sits in both alliances of 第一学区. */
export const VERSIONS: XuequVersion[] = [
  version(
    'x1',
    '第一学区',
    '2020-05-21',
    '2027-09-01',
    ['m45', ['m98', 'n-djz']],
    ['p-huzhu', ['p-youai', 'p-moved', 'n-djz']],
  ),
  version('x1', '第一学区', '2027-09-01', null, ['m45', ['m98', 'n-djz']], ['p-huzhu', ['p-youai', 'n-djz']]),
  version('x2', '第二学区', '2020-05-21', '2027-09-01', ['m54', ['m82']], ['p-1', ['p-liuwei']]),
  version('x2', '第二学区', '2027-09-01', null, ['m54', ['m82']], ['p-1', ['p-liuwei', 'p-moved']]),
  version('h1', '东孚学区', '2020-10-30', null, ['h-m', []], ['h-p', ['h-lone-member']], '350205'),
];

export const SCHOOLS: SchoolsById = {
  m45: { name: '第四十五中学', districtCode: '120102' },
  m98: { name: '第九十八中学', districtCode: '120102' },
  'n-djz': { name: '东局子学校', districtCode: '120102' },
  'p-huzhu': { name: '互助道小学', districtCode: '120102' },
  'p-youai': { name: '友爱道小学', districtCode: '120102' },
  'p-moved': { name: '宏达小学', districtCode: '120102' },
  m54: { name: '第五十四中学', districtCode: '120102' },
  'p-1': { name: '第一中心小学', districtCode: '120102' },
  'p-liuwei': { name: '六纬路小学', districtCode: '120102' },
  'p-lone': { name: '独立小学', districtCode: '120102' },
  'h-lone': { name: '海沧独立学校', districtCode: '350205' },
};

export const principal = (schoolId: string, districtCode = '120102'): Actor => ({
  _id: `u-${schoolId}`,
  name: `${schoolId}校长`,
  roles: ['principal'],
  schoolId,
  xuequId: null,
  districtCode,
});
export const xuequzhang = (xuequId: string, schoolId: string, districtCode = '120102'): Actor => ({
  _id: `u-xqz-${xuequId}`,
  name: `${xuequId}学区长`,
  roles: ['principal', 'xuequzhang'],
  schoolId,
  xuequId,
  districtCode,
});
export const bureau = (districtCode: string): Actor => ({
  _id: `u-bureau-${districtCode}`,
  name: `${districtCode}教育局`,
  roles: ['bureau'],
  schoolId: null,
  xuequId: null,
  districtCode,
});
export const teacher: Actor = {
  _id: 'u-teacher',
  name: '王老师',
  roles: ['teacher'],
  schoolId: 'p-youai',
  xuequId: null,
  districtCode: '120102',
};

export function exchange(over: Partial<ExchangeFields> = {}): ExchangeFields {
  return {
    type: 'rotation',
    districtCode: '120102',
    teacherOpenid: 'u-teacher',
    teacherName: '王老师',
    homeSchoolId: 'p-youai',
    hostSchoolId: 'p-liuwei',
    slots: [{ weekday: 1, start: '08:00', end: '08:45', periods: 1 }],
    termStart: '2026-09-01',
    termEnd: '2027-01-20',
    mentee: null,
    reason: null,
    ...over,
  };
}

export function facilityRequest(over: Partial<FacilityFields> = {}): FacilityFields {
  return {
    type: 'facility',
    districtCode: '120102',
    facilityId: 'f-gym',
    facilityName: '体育馆',
    ownerSchoolId: 'm45',
    bookingSchoolId: 'p-youai',
    start: cn('2026-11-25', '14:00'),
    end: cn('2026-11-25', '16:00'),
    purpose: '篮球联赛',
    ...over,
  };
}
