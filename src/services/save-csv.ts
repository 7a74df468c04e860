import Taro from '@tarojs/taro';

/** Saves a CSV: a download in the browser, a file to forward in WeChat (chat → 电脑 / 邮件). */
export async function saveCsv(filename: string, csv: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const path = `${Taro.env.USER_DATA_PATH}/${filename}`;
    Taro.getFileSystemManager().writeFileSync(path, csv, 'utf8');
    await Taro.shareFileMessage({ filePath: path, fileName: filename });
    return;
  }
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
