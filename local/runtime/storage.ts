/**
 * Cloud storage as the functions see it through wx-server-sdk (cloud.uploadFile, getTempFileURL,
 * downloadFile, deleteFile), served from a directory next to the database file. node-sdk's storage
 * functions are replaced (seam.ts); wx-server-sdk's own wrappers around them run unchanged.
 *
 * fileID: `cloud://<env>.<bucket>/<cloudPath>` as in the cloud. tempFileURL: `<baseUrl>/<cloudPath>`
 * (baseUrl from createLocalCloud's storageUrl, which a gateway serving the files sets); `readFile`
 * returns the stored bytes for a fileID (tests and that gateway).
 */
import * as fs from 'fs';
import * as path from 'path';

export interface StorageBackend {
  dir: string;
  env: string;
  baseUrl: string;
}

let backend: StorageBackend | null = null;

export function bindStorage(b: StorageBackend | null): void {
  backend = b;
}

/** Where tempFileURLs point, once known (a gateway learns its port only when it listens). */
export function setStorageBaseUrl(baseUrl: string): void {
  if (backend) backend.baseUrl = baseUrl.replace(/\/+$/, '');
}

const BUCKET = 'local-bucket';
const fileIdPrefix = (b: StorageBackend) => `cloud://${b.env}.${BUCKET}/`;

/** A cloudPath the cloud would accept, kept inside the storage directory. */
function safePath(b: StorageBackend, cloudPath: string): string | null {
  if (!cloudPath || cloudPath.startsWith('/') || cloudPath.length > 850) return null;
  const parts = cloudPath.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  return path.join(b.dir, ...parts);
}

function cloudPathOf(b: StorageBackend, fileID: unknown): string | null {
  if (typeof fileID !== 'string' || !fileID.startsWith(fileIdPrefix(b))) return null;
  return fileID.slice(fileIdPrefix(b).length);
}

const fail = (code: string, message: string) => ({ code, message, requestId: 'local' });
const unbound = () => fail('SYS_ERR', 'local runtime: storage is not bound (LocalCloud closed)');

export async function uploadFile(
  _cb: unknown,
  { cloudPath, fileContent }: { cloudPath: string; fileContent: unknown },
  opts?: { onResponseReceived?: (r: { statusCode: number }) => void },
) {
  if (!backend) return unbound();
  let bytes: Buffer;
  if (Buffer.isBuffer(fileContent)) bytes = fileContent;
  else if (fileContent instanceof fs.ReadStream) bytes = fs.readFileSync(fileContent.path);
  else return fail('INVALID_PARAM', '[node-sdk] fileContent should be instance of fs.ReadStream or Buffer');
  const file = safePath(backend, cloudPath);
  if (!file) return fail('INVALID_PARAM', `invalid cloudPath: ${cloudPath}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  opts?.onResponseReceived?.({ statusCode: 200 });
  return { fileID: fileIdPrefix(backend) + cloudPath, requestId: 'local' };
}

type FileRef = string | { fileID: string; maxAge: number };

export async function getTempFileURL(_cb: unknown, { fileList }: { fileList: FileRef[] }) {
  if (!backend) return unbound();
  const b = backend;
  if (!Array.isArray(fileList)) return fail('INVALID_PARAM', 'fileList必须是非空的数组');
  return {
    fileList: fileList.map((f) => {
      const fileID = typeof f === 'string' ? f : f.fileID;
      const maxAge = typeof f === 'string' ? 86400 : f.maxAge;
      const cloudPath = cloudPathOf(b, fileID);
      const file = cloudPath === null ? null : safePath(b, cloudPath);
      if (!file || !fs.existsSync(file)) return { fileID, code: 'STORAGE_FILE_NONEXIST', maxAge, tempFileURL: '' };
      return {
        fileID,
        code: 'SUCCESS',
        maxAge,
        tempFileURL: `${b.baseUrl}/${cloudPath!.split('/').map(encodeURIComponent).join('/')}`,
      };
    }),
    requestId: 'local',
  };
}

export async function downloadFile(_cb: unknown, { fileID }: { fileID: string }) {
  if (!backend) return unbound();
  const bytes = readFile(fileID);
  if (!bytes) return fail('STORAGE_FILE_NONEXIST', `file ${fileID} does not exist`);
  return { fileContent: bytes, message: 'success', requestId: 'local' };
}

export async function deleteFile(_cb: unknown, { fileList }: { fileList: string[] }) {
  if (!backend) return unbound();
  const b = backend;
  return {
    fileList: fileList.map((fileID) => {
      const cloudPath = cloudPathOf(b, fileID);
      const file = cloudPath === null ? null : safePath(b, cloudPath);
      if (!file || !fs.existsSync(file)) return { fileID, code: 'STORAGE_FILE_NONEXIST' };
      fs.rmSync(file);
      return { fileID, code: 'SUCCESS' };
    }),
    requestId: 'local',
  };
}

/** The stored bytes of a fileID, or null (unknown or removed). */
export function readFile(fileID: string): Buffer | null {
  if (!backend) return null;
  const cloudPath = cloudPathOf(backend, fileID);
  const file = cloudPath === null ? null : safePath(backend, cloudPath);
  return file && fs.existsSync(file) ? fs.readFileSync(file) : null;
}

/** The stored bytes under a tempFileURL's path (below baseUrl), for a gateway serving the files. */
export function readByUrlPath(urlPath: string): Buffer | null {
  if (!backend) return null;
  let cloudPath: string;
  try {
    cloudPath = urlPath.split('/').map(decodeURIComponent).join('/');
  } catch {
    return null; // a malformed %-escape names no file
  }
  return readFile(fileIdPrefix(backend) + cloudPath);
}
