/**
 * Cloud storage through the real wx-server-sdk (cloud.uploadFile, getTempFileURL, downloadFile,
 * deleteFile), served from a directory next to the database file; nothing goes online.
 */
import { readStoredFile, readStoredFileByUrlPath } from '../../local/runtime';
import { openCloud, rejection, sdk } from './helpers';

describe('storage', () => {
  test('upload, link, download and delete a file as the SDK returns them', async () => {
    const local = openCloud({ storageUrl: 'http://127.0.0.1:9/files/' });
    try {
      const cloud = sdk();
      const content = Buffer.from('\uFEFF名称\r\n示例数据\r\n', 'utf8');
      const up = await cloud.uploadFile({ cloudPath: 'exports/t/a 1.csv', fileContent: content });
      expect(up).toMatchObject({ fileID: 'cloud://local.local-bucket/exports/t/a 1.csv', statusCode: 200 });
      expect(readStoredFile(up.fileID)?.equals(content)).toBe(true);

      const links = await cloud.getTempFileURL({
        fileList: [{ fileID: up.fileID, maxAge: 60 }, 'cloud://local.local-bucket/none.csv'],
      });
      expect(links.fileList[0]).toMatchObject({
        fileID: up.fileID,
        status: 0,
        maxAge: 60,
        tempFileURL: 'http://127.0.0.1:9/files/exports/t/a%201.csv',
      });
      expect(links.fileList[1]).toMatchObject({ status: expect.any(Number), tempFileURL: '' });
      expect(links.fileList[1].status).not.toBe(0);
      expect(readStoredFileByUrlPath('exports/t/a%201.csv')?.equals(content)).toBe(true);

      expect((await cloud.downloadFile({ fileID: up.fileID })).fileContent.equals(content)).toBe(true);
      await cloud.deleteFile({ fileList: [up.fileID] });
      expect(readStoredFile(up.fileID)).toBeNull();
      expect((await rejection(cloud.downloadFile({ fileID: up.fileID }))).errCode).toBeDefined();

      // A path leaving the storage directory is refused.
      expect(
        (await rejection(cloud.uploadFile({ cloudPath: '../escape.csv', fileContent: content }))).errCode,
      ).toBeDefined();
    } finally {
      local.close();
    }
  });
});
