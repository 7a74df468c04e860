import Taro from '@tarojs/taro';
import type { ExportFile } from '@/contracts/admin-imports';

/**
 * The CSV text of an export. A large table comes as a file in cloud storage (a function's answer is
 * limited to 6 MB). WeChat downloads it by fileID; when the bucket's rules keep exports from clients
 * (a roster is personal data), by the function's time-limited link instead. The browser uses the link.
 * The text then goes through the usual prepare → 发送到聊天 path.
 */
export async function exportText(file: ExportFile): Promise<string> {
  if ('content' in file) return file.content;
  if (process.env.TARO_ENV === 'weapp') {
    let tempFilePath: string;
    try {
      ({ tempFilePath } = await Taro.cloud.downloadFile({ fileID: file.fileID }));
    } catch {
      const res = await Taro.downloadFile({ url: file.tempFileURL });
      if (res.statusCode !== 200) throw new Error(`下载导出文件失败（${res.statusCode}），请重试`);
      tempFilePath = res.tempFilePath;
    }
    return Taro.getFileSystemManager().readFileSync(tempFilePath, 'utf8') as string;
  }
  const res = await fetch(file.tempFileURL);
  if (!res.ok) throw new Error(`下载导出文件失败（${res.status}），请重试`);
  return res.text();
}
