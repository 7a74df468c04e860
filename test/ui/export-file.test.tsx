import { wx } from './mocks/taro';
import { useTaroEnv } from './render';
import { exportText } from '@/packages/bureau/pages/imports/export-file';

// A large export answers a file in cloud storage, not the CSV: the bureau page fetches the text
// (WeChat by fileID, the browser by the link) before the usual prepare → 发送到聊天.
const FILE = {
  filename: '河东区划片规则.csv',
  rows: 20000,
  bytes: 2_900_000,
  fileID: 'cloud://env.bucket/exports/120102/1.csv',
  tempFileURL: 'https://files.example/exports/120102/1.csv',
};
const CSV = '\uFEFF学年,学段\r\n2025,小学';

describe('the export file on the bureau page', () => {
  useTaroEnv();
  const realFetch = global.fetch;
  beforeEach(() => wx.reset());
  afterAll(() => {
    global.fetch = realFetch;
  });

  it('an inline export is its content, nothing downloaded', async () => {
    expect(await exportText({ filename: 'a.csv', rows: 1, content: CSV })).toBe(CSV);
    expect(wx.calls).toEqual([]);
  });

  it('weapp: downloads the stored file by its fileID and reads it whole', async () => {
    process.env.TARO_ENV = 'weapp';
    wx.answers['cloud.downloadFile'] = () => {
      wx.files.set('wxfile://tmp/dl.csv', CSV);
      return { tempFilePath: 'wxfile://tmp/dl.csv', statusCode: 200 };
    };
    expect(await exportText(FILE)).toBe(CSV);
    expect(wx.calls.find((c) => c.api === 'cloud.downloadFile')?.args).toEqual({ fileID: FILE.fileID });
  });

  it('weapp: when the bucket keeps the file from clients, the time-limited link is used; a failed one is an error', async () => {
    process.env.TARO_ENV = 'weapp';
    wx.answers['cloud.downloadFile'] = () => {
      throw { errMsg: 'cloud.downloadFile:fail permission denied' };
    };
    wx.answers.downloadFile = ({ url }: { url: string }) => {
      if (url !== FILE.tempFileURL) return { statusCode: 403, tempFilePath: '' };
      wx.files.set('wxfile://tmp/link.csv', CSV);
      return { statusCode: 200, tempFilePath: 'wxfile://tmp/link.csv' };
    };
    expect(await exportText(FILE)).toBe(CSV);
    await expect(exportText({ ...FILE, tempFileURL: 'https://files.example/expired' })).rejects.toThrow(
      '下载导出文件失败（403），请重试',
    );
  });

  it('browser: fetches the link; a failed fetch says so in Chinese', async () => {
    process.env.TARO_ENV = 'h5';
    const fetchMock = jest.fn(async (url: string) =>
      url === FILE.tempFileURL ? { ok: true, status: 200, text: async () => CSV } : { ok: false, status: 404 },
    );
    global.fetch = fetchMock as unknown as typeof fetch;
    expect(await exportText(FILE)).toBe(CSV);
    expect(fetchMock).toHaveBeenCalledWith(FILE.tempFileURL);
    await expect(exportText({ ...FILE, tempFileURL: 'https://files.example/none' })).rejects.toThrow(
      '下载导出文件失败（404），请重试',
    );
  });
});
