import Taro from '@tarojs/taro';

/** A file written on the phone, waiting for the user's tap to send it to a chat. */
export interface PreparedFile {
  filePath: string;
  fileName: string;
}

/**
 * Hands a CSV to the user. The browser downloads it at once (returns null). WeChat writes it under
 * USER_DATA_PATH and returns it: shareFileMessage works only inside a tap, so the page then shows a
 * 发送到聊天 button whose handler calls shareFile.
 */
export function saveCsv(filename: string, csv: string): PreparedFile | null {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
    Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8');
    return { filePath, fileName: filename };
  }
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
  return null;
}

/**
 * Sends a prepared file to a chat (chat → 电脑 / 邮件). Call it synchronously in the tap handler, before
 * anything is awaited. Resolves true when sent, false when the user closed the chat picker.
 */
export function shareFile(file: PreparedFile): Promise<boolean> {
  let sending: Promise<unknown>;
  try {
    sending = Taro.shareFileMessage({ filePath: file.filePath, fileName: file.fileName });
  } catch (e) {
    // WeChat's errors are { errMsg } objects and callers read errMsg: passed on as they are.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    return Promise.reject(e);
  }
  return sending.then(
    () => true,
    (err: { errMsg?: string }) => {
      if (/cancel/i.test(err?.errMsg ?? '')) return false;
      throw new Error(`发送失败：${err?.errMsg ?? '请重试'}`);
    },
  );
}
