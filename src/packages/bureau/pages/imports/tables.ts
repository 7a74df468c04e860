import { IMPORT_HEADERS, type ImportTable } from '@/domain/imports/common';

/** Example rows of the 登记范围 template, already CSV (a cell with line breaks is quoted). */
const CATCHMENT_EXAMPLES = [
  '示例第一小学,小学,2026,单校划片,"某某街道：\n解放路1-99号（单号）、2-50号（双号）；\n和平一、二横路；\n胜利街4、6、8号",某区2026年义务教育学校招生工作实施方案',
  '示例第一中学,初中,2026,多校划片,"某某街道全部；\n幸福里小区1-12号楼（除5号楼）",某区2026年义务教育学校招生工作实施方案',
  '示例第二中学,初中,2026,对口直升,对口小学：示例第一小学,某区2026年义务教育学校招生工作实施方案',
];

/** The 登记范围 template: the columns and two example rows to replace with the district's own (UTF-8 with BOM for Excel). */
export const CATCHMENT_TEMPLATE_CSV = `\uFEFF${[IMPORT_HEADERS.catchments.join(','), ...CATCHMENT_EXAMPLES].join('\r\n')}\r\n`;

/** What the page tells the bureau about each table it can import. */
export interface TableInfo {
  id: ImportTable;
  label: string;
  /** A shorter name where the label would wrap (the export button). */
  short?: string;
  hint: string;
  /** A file to fill in, with example rows (tables whose export is empty for a new district). */
  template?: { filename: string; csv: string };
}

export const TABLES: TableInfo[] = [
  {
    id: 'schools',
    label: '学校',
    hint: '学段填 小学、初中 或 九年一贯制；纬度、经度（GCJ-02，可留空）用于教师签到范围和地图。',
  },
  {
    id: 'zoning',
    label: '划片规则',
    hint: '每行一条：类型填 社区（填12位社区代码）、道路（道路、单号/双号/全部、起止门牌）或 小区（名称和别名）；多所学校用“、”分隔。',
  },
  {
    id: 'teachers',
    label: '教师名册',
    hint: '工号在全区唯一；骨干教师填 是 或 否。导入后各校教师人数、骨干教师人数按名册计，用于交流比例。',
  },
  {
    id: 'catchments',
    label: '登记范围（划片文本）',
    short: '登记范围',
    hint: '每所学校每个学段、每个学年一行：学年填入学年份（2026即2026年秋季入学）；划片方式填 单校划片、多校划片 或 对口直升（初中，登记范围列出对口的小学）；登记范围按公布原文粘贴，可以换行；依据文件填文件名称。本区还没有的学校会按学段新建（同一学校既有小学又有初中即为九年一贯制）。',
    template: { filename: '登记范围导入模板.csv', csv: CATCHMENT_TEMPLATE_CSV },
  },
];

export const headersText = (table: ImportTable) => IMPORT_HEADERS[table].join('，');

export const OUTCOME_LABELS = { new: '新增', changed: '修改', unchanged: '不变', error: '有误' } as const;

/** How a phrase of a 登记范围 was read. */
export const PHRASE_STATUS_LABELS = { read: '已识别', note: '备注', unread: '未能识别' } as const;
