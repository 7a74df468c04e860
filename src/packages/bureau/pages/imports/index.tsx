import { useState } from 'react';
import { Button, Progress, Text, View } from '@tarojs/components';
import type { ImportPreview, ImportResult } from '@/contracts/admin-imports';
import type { ImportTable } from '@/domain/imports/common';
import { useCall } from '@/hooks/use-call';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/call';
import { fileSource, pickImportFile, type PickedFile } from '@/services/import-file';
import { newRequestId } from '@/services/request-id';
import { useFileExport } from '@/hooks/use-file-export';
import { busyIf, disabledIf } from '@/components/busy-props';
import ShareFile from '@/components/share-file';
import StatusView from '@/components/status-view';
import PreviewPanel from './preview-panel';
import { exportText } from './export-file';
import { headersText, TABLES } from './tables';
import './index.scss';

type Source = { content: string } | { uploadId: string };
interface Checked {
  file: PickedFile;
  replace: boolean;
  source: Source;
  preview: ImportPreview;
  /** Fixed per checked file: a retried 确认导入 is the same request and writes once. */
  requestId: string;
}

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))}KB` : `${(bytes / 1024 / 1024).toFixed(1)}MB`;

/** What 确认导入 will write, in words. */
function writesText(p: ImportPreview): string {
  const rows = p.counts.new + p.counts.changed;
  return [
    `写入${rows}条`,
    p.removals.length ? `删除${p.removals.length}条` : '',
    p.schoolChanges.length ? `新增或调整${p.schoolChanges.length}所学校` : '',
  ]
    .filter(Boolean)
    .join('，');
}

/**
 * 数据导入导出 (bureau): pick a CSV/XLSX file of schools, zoning rules, the teacher roster or the published
 * 登记范围, see every row's outcome (dry run; 登记范围 phrase by phrase), then import all of it or nothing.
 * Large files go up in pieces with progress. Exports give the same columns, so an export is also the
 * template; 登记范围 also has a template with example rows (a new district has nothing to export).
 */
export default function ImportsPage() {
  const me = useCall('account', 'me', {});
  const action = useAction();
  const exp = useFileExport();
  const [table, setTable] = useState<ImportTable>('schools');
  /** Teacher roster: the file is the whole roster (teachers missing from it are removed). */
  const [replace, setReplace] = useState(false);
  const [progress, setProgress] = useState<{ step: string; percent: number } | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const choose = (t: ImportTable) => {
    setTable(t);
    setReplace(false);
    setChecked(null);
    setResult(null);
  };
  const pickAndCheck = () =>
    action.run('check', async () => {
      setResult(null);
      setChecked(null);
      const file = await pickImportFile();
      if (!file) return;
      try {
        setProgress({ step: '上传文件', percent: 0 });
        const source = await fileSource(file.content, (sent, total) =>
          setProgress({ step: `上传文件（${sent}/${total}段）`, percent: Math.round((sent / total) * 90) }),
        );
        setProgress({ step: '逐行校验', percent: 95 });
        const preview = await call('admin', 'importPreview', {
          table,
          format: file.format,
          encoding: 'base64',
          replace,
          ...source,
        });
        setChecked({ file, replace, source, preview, requestId: `imp-${newRequestId()}` });
      } finally {
        setProgress(null);
      }
    });
  const apply = () =>
    action.run('apply', async () => {
      if (!checked) return;
      setProgress({ step: '写入数据', percent: 98 });
      try {
        const { file, replace: whole, source, requestId } = checked;
        setResult(
          await call('admin', 'importApply', {
            table,
            format: file.format,
            encoding: 'base64',
            replace: whole,
            ...source,
            requestId,
          }),
        );
        setChecked(null);
      } finally {
        setProgress(null);
      }
    });
  const exportCsv = () =>
    exp.prepare('export', async () => {
      const file = await call('admin', 'exportTable', { table, format: 'csv' });
      return { filename: file.filename, csv: await exportText(file) };
    });

  if (me.loading || me.error) return <StatusView loading={me.loading} error={me.error} onRetry={me.reload} />;
  if (!me.data?.roles.includes('bureau'))
    return <StatusView empty emptyText="数据导入导出供区教育局使用。请在“我的”中确认身份。" />;
  const info = TABLES.find((t) => t.id === table)!;
  const writes = checked
    ? checked.preview.counts.new +
      checked.preview.counts.changed +
      checked.preview.removals.length +
      checked.preview.schoolChanges.length
    : 0;
  const label = TABLES.find((t) => t.id === result?.table)?.label;
  return (
    <View className="imports">
      <View className="imports__chips">
        {TABLES.map((t) => (
          <Text
            key={t.id}
            className={`imports__chip ${t.id === table ? 'imports__chip--on' : ''}`}
            data-testid={`table-${t.id}`}
            onClick={() => choose(t.id)}
          >
            {t.label}
          </Text>
        ))}
      </View>
      <View className="imports__card">
        <Text className="imports__hint">表头（第1行）：{headersText(table)}</Text>
        <Text className="imports__hint">{info.hint}</Text>
        {table === 'teachers' && (
          <View className="imports__chips">
            <Text
              className={`imports__chip ${!replace ? 'imports__chip--on' : ''}`}
              data-testid="mode-upsert"
              onClick={() => {
                setReplace(false);
                setChecked(null);
              }}
            >
              增补和更新
            </Text>
            <Text
              className={`imports__chip ${replace ? 'imports__chip--on' : ''}`}
              data-testid="mode-replace"
              onClick={() => {
                setReplace(true);
                setChecked(null);
              }}
            >
              以本文件为准（删除文件中没有的教师）
            </Text>
          </View>
        )}
        <Text className="imports__hint">
          支持 .csv（UTF-8 或 Excel 默认编码）和
          .xlsx（第一个工作表），不超过5MB、5000行；先逐行校验，确认后一次全部导入，有一行有误则不导入任何数据。
        </Text>
        {process.env.TARO_ENV === 'weapp' && (
          <Text className="imports__hint">在微信中从聊天记录选择文件：可先在电脑上把文件发到“文件传输助手”。</Text>
        )}
        <View className="imports__buttons">
          <Button
            type="primary"
            data-testid="pick-file"
            {...busyIf(action.busy === 'check')}
            {...disabledIf(action.busy !== null)}
            onClick={() => void pickAndCheck()}
          >
            选择文件并校验
          </Button>
          <Button data-testid="export-table" {...busyIf(exp.busy === 'export')} onClick={() => void exportCsv()}>
            导出{info.short ?? info.label} CSV（可作模板）
          </Button>
          {info.template && (
            <Button
              data-testid="download-template"
              onClick={() => void exp.prepare('template', async () => info.template!)}
            >
              下载填写模板（含示例行）
            </Button>
          )}
        </View>
        <ShareFile exp={exp} />
      </View>
      {progress && (
        <View className="imports__card" data-testid="import-progress">
          <Text className="imports__hint">{progress.step}…</Text>
          <Progress percent={progress.percent} strokeWidth={6} activeColor="#07c160" showInfo />
        </View>
      )}
      {action.error && (
        <Text className="imports__error" data-testid="import-error">
          {action.error}
        </Text>
      )}
      {result && (
        <View className="imports__card imports__done" data-testid="import-result">
          <Text>
            {result.duplicate
              ? '此次导入已完成过，未重复写入。'
              : `${label}导入完成：写入${result.written}条（新增${result.counts.new}、修改${result.counts.changed}、不变${result.counts.unchanged}）${result.removed ? `，删除${result.removed}条` : ''}。`}
          </Text>
          {result.schoolsUpdated > 0 && result.table === 'teachers' && (
            <Text className="imports__hint">已按名册更新{result.schoolsUpdated}所学校的教师人数和骨干教师人数。</Text>
          )}
          {result.schoolsUpdated > 0 && result.table === 'catchments' && (
            <Text className="imports__hint">
              已按登记范围新增或调整{result.schoolsUpdated}所学校；位置和教师人数可在“学校”表中补充。
            </Text>
          )}
        </View>
      )}
      {checked && (
        <>
          <Text className="imports__title">
            {checked.file.name}（{sizeText(checked.file.bytes)}）
          </Text>
          <PreviewPanel preview={checked.preview} />
          <View className="imports__buttons">
            {checked.preview.ok && writes > 0 && (
              <Button
                type="primary"
                data-testid="apply-import"
                {...busyIf(action.busy === 'apply')}
                onClick={() => void apply()}
              >
                确认导入（{writesText(checked.preview)}）
              </Button>
            )}
            {checked.preview.ok && writes === 0 && (
              <Text className="imports__hint" data-testid="nothing-to-import">
                文件与现有数据一致，无需导入。
              </Text>
            )}
            {!checked.preview.ok && (
              <Text className="imports__error">请修改文件中有误的行后重新选择文件；本次未导入任何数据。</Text>
            )}
          </View>
        </>
      )}
    </View>
  );
}
