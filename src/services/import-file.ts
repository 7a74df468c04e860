import Taro from '@tarojs/taro';
import { splitIntoPieces } from '../domain/imports/pieces';
import { call } from './call';
import { newRequestId } from './request-id';

/** An import file read on the phone or in the browser, as base64 bytes (the server tells UTF-8 from GBK). */
export interface PickedFile {
  name: string;
  format: 'csv' | 'xlsx';
  content: string;
  bytes: number;
}

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const formatOf = (name: string): PickedFile['format'] | null =>
  /\.csv$/i.test(name) ? 'csv' : /\.xlsx$/i.test(name) ? 'xlsx' : null;

export class PickError extends Error {}

function checked(name: string, bytes: number): PickedFile['format'] {
  const format = formatOf(name);
  if (!format) throw new PickError('请选择 .csv 或 .xlsx 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）');
  if (bytes > MAX_FILE_BYTES) throw new PickError('文件不能超过5MB，请拆分后分别导入');
  return format;
}

/** Lets the user pick a CSV/XLSX file (WeChat: from a chat; browser: from disk). Null when cancelled. */
export async function pickImportFile(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] }).catch(() => null);
    const file = res?.tempFiles[0];
    if (!file) return null;
    const format = checked(file.name, file.size);
    const content = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string;
    return { name: file.name, format, content, bytes: file.size };
  }
  const file = await browserFile();
  if (!file) return null;
  const format = checked(file.name, file.size);
  return { name: file.name, format, content: toBase64(new Uint8Array(await file.arrayBuffer())), bytes: file.size };
}

function browserFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.xlsx';
    input.setAttribute('data-testid', 'import-file-input');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * How the file reaches the server: inline when it fits one call, else uploaded in pieces first
 * (each retried once; a repeated piece is harmless). Reports pieces sent for the progress bar.
 */
export async function fileSource(
  content: string,
  onProgress: (sent: number, total: number) => void,
): Promise<{ content: string } | { uploadId: string }> {
  const pieces = splitIntoPieces(content);
  if (pieces.length === 1) return { content };
  const uploadId = `up-${newRequestId()}`;
  onProgress(0, pieces.length);
  for (let index = 0; index < pieces.length; index++) {
    const send = () => call('admin', 'importUpload', { uploadId, index, total: pieces.length, piece: pieces[index] });
    await send().catch(send);
    onProgress(index + 1, pieces.length);
  }
  return { uploadId };
}
