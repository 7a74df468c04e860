import type { LocalApp } from '../../local/app';

/** Who calls, as the local runtime hands it to a function. */
export type Caller = { OPENID: string; APPID: string };
export const caller = (OPENID: string): Caller => ({ OPENID, APPID: 'wx-test' });
/** The Hedong demo district's bureau: the one account that may import. */
export const BUREAU = caller('o-local-hd-bureau');

/**
 * The built `admin` bundle's import calls as the suites make them (`app`: the suite's app from
 * useTestApp; `prefix` keeps its request ids apart from other suites').
 */
export function adminCalls(app: LocalApp, prefix = 'req') {
  let seq = 0;
  /** One call as `as` (the bureau unless said; null: no caller): the function's answer. */
  const admin = async (data: Record<string, unknown>, as: Caller | null = BUREAU) =>
    ((await app.cloud.invoke('admin', data, as)) as { result: any }).result;
  const requestId = () => `${prefix}-${String(++seq).padStart(4, '0')}`;
  /** `content` previewed as `table` (a CSV unless `more` says otherwise). */
  const importPreview = (table: string, content: string, more: Record<string, unknown> = {}, as?: Caller | null) =>
    admin({ action: 'importPreview', table, format: 'csv', content, ...more }, as);
  /** `content` imported as `table`: a CSV under a new request id unless `more` says otherwise. */
  const importApply = (table: string, content: string, more: Record<string, unknown> = {}, as?: Caller | null) =>
    admin({ action: 'importApply', table, format: 'csv', content, requestId: requestId(), ...more }, as);
  /** An .xlsx file previewed as the schools table. */
  const previewXlsx = (file: Buffer) => importPreview('schools', file.toString('base64'), { format: 'xlsx' });
  /** The district data's version (meta/reference), which every import bumps. */
  const referenceVersion = () => (app.cloud.store.find('meta', { _id: 'reference' })[0] as { version: number }).version;
  return { admin, importPreview, importApply, previewXlsx, requestId, referenceVersion };
}
