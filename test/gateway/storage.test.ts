/**
 * Large exports answer a tempFileURL (cloud storage). Locally the gateway serves the stored files at the
 * address getTempFileURL gives, so the H5 app's download of a big export works as in the cloud.
 */
import type { LocalApp } from '../../local/app';
import { getTempFileURL, uploadFile } from '../../local/runtime/storage';
import { startTestApp } from '../helpers/local-app';

let app: LocalApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it('serves a stored file at its tempFileURL, on this gateway’s own port', async () => {
  const content = Buffer.from('学校名称,学段\n一号小学,小学\n', 'utf8');
  const up = (await uploadFile(null, {
    cloudPath: 'exports/120102/test-0123456789abcdef.csv',
    fileContent: content,
  })) as { fileID: string };
  const res = (await getTempFileURL(null, { fileList: [up.fileID] })) as {
    fileList: Array<{ tempFileURL: string; code: string }>;
  };
  const link = res.fileList[0].tempFileURL;
  expect(res.fileList[0].code).toBe('SUCCESS');
  expect(link.startsWith(`${app.url}/local-storage/`)).toBe(true);
  const got = await fetch(link);
  expect(got.status).toBe(200);
  expect(got.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(Buffer.from(await got.arrayBuffer()).equals(content)).toBe(true);
});

it('answers 404 for a missing file, a path escaping the storage directory or a malformed escape', async () => {
  for (const p of [
    '/local-storage/exports/none.csv',
    '/local-storage/../package.json',
    '/local-storage/%2e%2e/package.json',
    '/local-storage/%E0%A4%A',
  ]) {
    const got = await fetch(`${app.url}${p}`);
    expect([p, got.status]).toEqual([p, 404]);
  }
});
