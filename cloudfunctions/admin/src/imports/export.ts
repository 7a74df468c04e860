import type { z } from 'zod';
import { catchmentToRow, IMPORT_HEADERS, schoolToRow, teacherToRow, zoningToRow } from '../../../../src/domain/imports';
import { STAGE_ORDER } from '../../../../src/domain/stages';
import type { ExportFile, importsInputs } from '../../../../src/contracts/admin-imports';
import type { ActionContext } from '../../../../src/server/handler';
import { listCatchments, listZoningRules } from '../../../../src/server/repositories/reference';
import { listRoster } from '../../../../src/server/repositories/roster';
import { toCsv } from './parse';
import { importScope } from './scope';

type ExportInput = z.output<typeof importsInputs.exportTable>;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The district's schools, zoning rules, roster or 登记范围 as CSV with the import's headers (re-imports as unchanged). */
export async function exportTable(input: ExportInput, ctx: ActionContext): Promise<ExportFile> {
  const { districtCode, data } = await importScope(ctx);
  const name = data.district.name;
  const schoolName = new Map(data.schools.map((s) => [s._id, s.name]));
  const nameOf = (id: string) => schoolName.get(id) ?? id;
  if (input.table === 'schools') {
    const schools = [...data.schools].sort((a, b) => byText(a.name, b.name));
    return { filename: `${name}学校.csv`, content: toCsv(IMPORT_HEADERS.schools, schools.map(schoolToRow)), rows: schools.length };
  }
  if (input.table === 'teachers') {
    const roster = (await listRoster(districtCode)).sort((a, b) => byText(nameOf(a.schoolId), nameOf(b.schoolId)) || byText(a.staffNo, b.staffNo));
    return { filename: `${name}教师名册.csv`, content: toCsv(IMPORT_HEADERS.teachers, roster.map((t) => teacherToRow(t, nameOf))), rows: roster.length };
  }
  if (input.table === 'catchments') {
    const lists = (await listCatchments(districtCode)).sort(
      (a, b) => a.intakeYear - b.intakeYear || STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) || byText(nameOf(a.schoolId), nameOf(b.schoolId)),
    );
    return { filename: `${name}登记范围.csv`, content: toCsv(IMPORT_HEADERS.catchments, lists.map((c) => catchmentToRow(c, nameOf))), rows: lists.length };
  }
  const rules = (await listZoningRules(districtCode)).sort((a, b) => a.schoolYear - b.schoolYear || byText(a._id, b._id));
  return { filename: `${name}划片规则.csv`, content: toCsv(IMPORT_HEADERS.zoning, rules.map((r) => zoningToRow(r, nameOf))), rows: rules.length };
}
