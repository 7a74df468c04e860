import Taro from '@tarojs/taro';
import type { ExportFile } from '../../../../contracts/admin-imports';

/**
 * The CSV text of an export. A large table comes as a file in cloud storage (a function's answer is
 * limited to 6 MB): WeChat downloads it by fileID (no download domain needed), the browser by its link.
 * The text then goes through the usual prepare → 发送到聊天 path.
 */
export async function exportText(file: ExportFile): Promise<string> {
  if ('content' in file) return file.content;
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: file.fileID });
    return Taro.getFileSystemManager().readFileSync(tempFilePath, 'utf8') as string;
  }
  const res = await fetch(file.tempFileURL);
  if (!res.ok) throw new Error(`下载导出文件失败（${res.status}），请重试`);
  return res.text();
}
