// jszip is exceljs's own zip library (bundled with it: no extra runtime dependency for the function).
import JSZip from 'jszip';
import { AppError } from '../../../../src/server/errors';

/**
 * What unpacking an .xlsx may cost before exceljs sees it. A 5 MB upload can declare or inflate to
 * gigabytes (deflate reaches ~1000:1) or hold tens of thousands of tiny entries; exceljs would inflate
 * and parse every one. A real import file is a few dozen entries, a few MB of XML (5,000 rows × 4 columns
 * is 1.1 MB of sheet XML at 13:1).
 */
export const ZIP_LIMITS = {
  /** Entries in the archive, folders included (a workbook with 100 sheets has ~250). */
  entries: 500,
  /** Inflated bytes of one kept part. */
  entryBytes: 24 * 1024 * 1024,
  /** Inflated bytes of all kept parts together. */
  totalBytes: 32 * 1024 * 1024,
  /** Inflated ÷ compressed bytes of a part larger than ratioFloor: beyond what XML reaches, a bomb. */
  ratio: 200,
  ratioFloor: 1024 * 1024,
};

/**
 * The parts an import reads: the workbook, its relations, the cell text and styles and the sheets.
 * Everything else (pictures, drawings, comments, tables, themes, printer settings, sheet relations) is
 * dropped unread: exceljs would parse it, and a table or comment part has its own ways to be costly.
 */
const KEPT = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

/**
 * exceljs expands every defined name into a matrix cell by cell (`Sheet1!$A$1:$XFD$1048576` is 17
 * billion cells, one name listing 100,000 cells as many objects) and an import never reads names or
 * print areas: the element is cut out of the workbook part.
 */
const DEFINED_NAMES = /<definedNames\b(?:[^>]*\/>|[\s\S]*?<\/definedNames\s*>)/g;

const invalid = (message: string) => new AppError('INVALID_INPUT', message, 'content');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}MB`;

interface ZipData {
  compressedSize?: number;
  uncompressedSize?: number;
}

/** Inflates one part, stopping as soon as it passes `cap` bytes (whatever its header declared). */
function inflateBounded(file: JSZip.JSZipObject, cap: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    // internalStream is jszip's chunked reader (16 KB of compressed input per step, async between steps).
    const stream = (file as unknown as { internalStream(type: 'uint8array'): JSZipStream }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        size += chunk.length;
        if (size > cap) {
          done = true;
          stream.pause();
          return resolve(null);
        }
        chunks.push(chunk);
      })
      .on('error', (e: unknown) => {
        if (!done) reject(e);
        done = true;
      })
      .on('end', () => {
        if (done) return;
        done = true;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      })
      .resume();
  });
}

interface JSZipStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', cb: (e: unknown) => void): JSZipStream;
  on(event: 'end', cb: () => void): JSZipStream;
  resume(): JSZipStream;
  pause(): JSZipStream;
}

export interface GuardedXlsx {
  /** The kept parts, stored uncompressed (exceljs reads them without inflating again). */
  bytes: Buffer;
  /** Inflated bytes of the kept parts. */
  inflated: number;
  /** Entries of the original archive. */
  entries: number;
}

/**
 * Checks an .xlsx archive within ZIP_LIMITS and repacks the parts an import reads. Refusals are
 * INVALID_INPUT with a Chinese message; a file that is not a zip is left to the caller (jszip's error).
 */
export async function guardXlsx(bytes: Buffer, limits = ZIP_LIMITS): Promise<GuardedXlsx> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files);
  if (files.length > limits.entries)
    throw invalid(`xlsx 文件内部的部件过多（${files.length}个，最多${limits.entries}个），请在 Excel 中另存为新的 .xlsx 后再试`);
  const out = new JSZip();
  let inflated = 0;
  for (const file of files) {
    if (file.dir || !KEPT.test(file.name)) continue;
    const declared = (file as unknown as { _data?: ZipData })._data ?? {};
    const packed = declared.compressedSize ?? 0;
    const cap = Math.min(limits.entryBytes, limits.totalBytes - inflated);
    // Declared sizes refuse a bomb before any inflating; the bounded inflate catches a lying header.
    const tooBig = invalid(`xlsx 文件解压后过大（超过${mb(Math.min(limits.entryBytes, limits.totalBytes))}），请只保留要导入的内容后另存再试`);
    if ((declared.uncompressedSize ?? 0) > cap) throw tooBig;
    const data = await inflateBounded(file, cap);
    if (!data) throw tooBig;
    if (data.length > limits.ratioFloor && data.length > packed * limits.ratio)
      throw invalid('xlsx 文件的压缩比异常（疑似压缩炸弹），请在 Excel 中另存为新的 .xlsx 后再试');
    inflated += data.length;
    if (file.name === 'xl/workbook.xml') out.file(file.name, Buffer.from(data).toString('utf8').replace(DEFINED_NAMES, ''));
    else out.file(file.name, data);
  }
  const repacked = await out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  return { bytes: repacked, inflated, entries: files.length };
}
