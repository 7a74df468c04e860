// jszip reads the archive's directory (names, sizes, where each part's bytes are); parts are inflated
// by Node's own zlib, bounded, which is several times faster than jszip's JavaScript inflate.
import JSZip from 'jszip';
import { createInflateRaw } from 'zlib';
import { AppError } from '@/server/errors';

/**
 * What unpacking an .xlsx may cost before its XML is read. A 5 MB upload can declare or inflate to
 * gigabytes (deflate reaches ~1000:1) or hold tens of thousands of tiny entries. A real import file is
 * a few dozen entries, a few MB of XML (5,000 rows × 4 columns is 1.1 MB of sheet XML at 13:1).
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
 * Everything else (pictures, drawings, comments, tables, themes, printer settings, sheet relations,
 * defined names' targets) is dropped uninflated.
 */
const KEPT =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

const invalid = (message: string) => new AppError('INVALID_INPUT', message, 'content');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}MB`;

/** jszip's record of a part as it lies in the archive (stored or deflated bytes, declared sizes). */
interface ZipData {
  compressedSize?: number;
  uncompressedSize?: number;
  compression?: { magic?: string };
  compressedContent?: Uint8Array;
}
const STORED = '\x00\x00';
const DEFLATED = '\x08\x00';

/**
 * Inflates raw deflate data, stopping as soon as the output passes `cap` bytes (whatever the header
 * declared). A stream, not `inflateRawSync({ maxOutputLength })`: that option is newer than the oldest
 * cloud runtime (Node 12.16) and would be ignored there.
 */
function inflateBounded(data: Buffer, cap: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    inflate.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > cap) {
        done = true;
        inflate.destroy();
        return resolve(null);
      }
      chunks.push(chunk);
    });
    inflate.on('error', (e) => {
      if (done) return;
      done = true;
      reject(e);
    });
    inflate.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks, size));
    });
    inflate.end(data);
  });
}

export interface GuardedXlsx {
  /** The kept parts by name, inflated. */
  parts: Map<string, Buffer>;
  /** Inflated bytes of the kept parts. */
  inflated: number;
  /** Entries of the original archive. */
  entries: number;
}

/**
 * Checks an .xlsx archive within ZIP_LIMITS and inflates the parts an import reads. Refusals are
 * INVALID_INPUT with a Chinese message; a file that is not a zip is left to the caller (jszip's error).
 */
export async function guardXlsx(bytes: Buffer, limits = ZIP_LIMITS): Promise<GuardedXlsx> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files);
  if (files.length > limits.entries)
    throw invalid(
      `xlsx 文件内部的部件过多（${files.length}个，最多${limits.entries}个），请在 Excel 中另存为新的 .xlsx 后再试`,
    );
  const parts = new Map<string, Buffer>();
  let inflated = 0;
  for (const file of files) {
    if (file.dir || !KEPT.test(file.name)) continue;
    const declared = (file as unknown as { _data?: ZipData })._data ?? {};
    const content = declared.compressedContent;
    if (!content) throw new Error(`zip part without data: ${file.name}`);
    const packed = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const cap = Math.min(limits.entryBytes, limits.totalBytes - inflated);
    // Declared sizes refuse a bomb before any inflating; the bounded inflate catches a lying header.
    const tooBig = invalid(
      `xlsx 文件解压后过大（超过${mb(Math.min(limits.entryBytes, limits.totalBytes))}），请只保留要导入的内容后另存再试`,
    );
    if ((declared.uncompressedSize ?? 0) > cap) throw tooBig;
    const magic = declared.compression?.magic;
    let data: Buffer | null;
    if (magic === STORED) data = packed.length > cap ? null : packed;
    else if (magic === DEFLATED) data = await inflateBounded(packed, cap);
    else throw new Error(`zip part compressed by an unknown method: ${file.name}`);
    if (!data) throw tooBig;
    if (data.length > limits.ratioFloor && data.length > packed.length * limits.ratio)
      throw invalid('xlsx 文件的压缩比异常（疑似压缩炸弹），请在 Excel 中另存为新的 .xlsx 后再试');
    inflated += data.length;
    parts.set(file.name, data);
  }
  return { parts, inflated, entries: files.length };
}
