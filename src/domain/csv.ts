/**
 * The one CSV writer of exports: RFC 4180 fields with formula-like text escaped (csvField, shared with
 * the duty CSV), CRLF rows and a UTF-8 BOM so Excel reads the Chinese.
 */
import { csvField } from './duty/csv';

export { csvField };

/** CSV text with a UTF-8 BOM: a header row, then one row per entry (cells escaped by csvField). */
export function csvText(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  const lines = [headers, ...rows].map((r) => r.map(csvField).join(','));
  return '\uFEFF' + lines.join('\r\n');
}

/** UTF-8 size of a text, without a TextEncoder round trip of the whole text. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Undoes csvField's formula escape on a cell read back from an export (CSV, or the same file saved by
 * Excel as .xlsx, where the ' stays text): a ' before = + - @ tab or CR is ours, so an exported table
 * re-imports unchanged.
 */
export const unescapeCell = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
