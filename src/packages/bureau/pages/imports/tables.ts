import { IMPORT_HEADERS, type ImportTable } from '../../../../domain/imports/common';

/** What the page tells the bureau about each table it can import. */
export const TABLES: Array<{ id: ImportTable; label: string; hint: string }> = [
  { id: 'schools', label: '学校', hint: '学段填 小学、初中 或 九年一贯制；纬度、经度（GCJ-02，可留空）用于教师签到范围和地图。' },
  {
    id: 'zoning',
    label: '划片规则',
    hint: '每行一条：类型填 社区（填12位社区代码）、道路（道路、单号/双号/全部、起止门牌）或 小区（名称和别名）；多所学校用“、”分隔。',
  },
  { id: 'teachers', label: '教师名册', hint: '工号在全区唯一；骨干教师填 是 或 否。导入后各校教师人数、骨干教师人数按名册计，用于交流比例。' },
];

export const headersText = (table: ImportTable) => IMPORT_HEADERS[table].join('，');

export const OUTCOME_LABELS = { new: '新增', changed: '修改', unchanged: '不变', error: '有误' } as const;
