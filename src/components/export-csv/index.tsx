import { Button } from '@tarojs/components';
import type { FileExport } from '@/hooks/use-file-export';
import { busyIf } from '../busy-props';
import ShareFile from '../share-file';
import './index.scss';

export interface ExportCsvProps {
  /** The page's export state (kept by the page, so a prepared file outlives a reload of the view). */
  exp: FileExport;
  label: string;
  /** Starts exp.prepare with the page's cloud call. */
  onExport: () => void;
}

/** A page's 导出 CSV button and, once the file is prepared, its 发送到聊天 card. */
export default function ExportCsv({ exp, label, onExport }: ExportCsvProps) {
  return (
    <>
      <Button className="export-csv" data-testid="export-csv" {...busyIf(exp.busy !== null)} onClick={onExport}>
        {label}
      </Button>
      <ShareFile exp={exp} />
    </>
  );
}
