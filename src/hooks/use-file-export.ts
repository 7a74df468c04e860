import { useState } from 'react';
import { saveCsv, shareFile, type PreparedFile } from '../services/save-csv';

export interface FileExport {
  /** The key of the export being prepared (the cloud call and the file), or null. */
  busy: string | null;
  /** The last failure, for people. */
  error: string | null;
  /** The file waiting for 发送到聊天 (weapp; the browser has downloaded it already). */
  ready: PreparedFile | null;
  /** Whether `ready` has been sent to a chat at least once. */
  sent: boolean;
  /** Prepares a CSV under a key: awaits `make` (the cloud call), then writes or downloads the file. */
  prepare(key: string, make: () => Promise<{ filename: string; csv: string }>): Promise<void>;
  /** The 发送到聊天 tap: shareFileMessage is called inside the tap (WeChat allows it nowhere else). */
  share(): void;
}

/** Export in two steps, as WeChat requires: prepare (cloud call, file), then share from a tap. */
export function useFileExport(): FileExport {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState<PreparedFile | null>(null);
  const [sent, setSent] = useState(false);

  const prepare = async (key: string, make: () => Promise<{ filename: string; csv: string }>) => {
    setBusy(key);
    setError(null);
    setReady(null);
    setSent(false);
    try {
      const { filename, csv } = await make();
      setReady(saveCsv(filename, csv));
    } catch (e) {
      setError((e as Error).message || '导出失败，请重试');
    } finally {
      setBusy(null);
    }
  };
  const share = () => {
    if (!ready) return;
    setError(null);
    shareFile(ready).then(
      (done) => done && setSent(true),
      (e: Error) => setError(e.message),
    );
  };
  return { busy, error, ready, sent, prepare, share };
}
