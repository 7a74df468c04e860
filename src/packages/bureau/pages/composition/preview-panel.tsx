import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { CompositionEditInput } from '../../../../contracts/admin-composition';
import { useCall } from '../../../../hooks/use-call';
import { call } from '../../../../services/call';
import { newRequestId } from '../../../../services/request-id';
import StatusView from '../../../../components/status-view';
import XuequCard from '../../../../components/xuequ-card';
import { busyIf } from '../../../../components/busy-props';

export interface PreviewPanelProps {
  edit: CompositionEditInput;
  onApplied(summary: string): void;
  onCancel(): void;
}

const WRITE_LABELS = { close: '截止', add: '新增', replace: '替换待生效版本' } as const;

/** The dry run of an edit (changes, warnings, errors, the resulting 学区) and the confirm button. */
export default function PreviewPanel({ edit, onApplied, onCancel }: PreviewPanelProps) {
  const preview = useCall('admin', 'previewEdit', { edit });
  // One request id per edit shown: a double tap or a retry applies it once.
  const [requestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = preview.data;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('admin', 'applyEdit', { edit, requestId });
      onApplied(`已保存：自${r.effectiveFrom}起，${r.changes.join('；')}`);
    } catch (e) {
      setError((e as Error).message || '保存失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='comp-preview' data-testid='preview'>
      <Text className='comp-panel__title'>调整预览（自{edit.effectiveFrom}起）</Text>
      <StatusView loading={preview.loading} error={preview.error} onRetry={preview.reload} />
      {p && (
        <View>
          {p.changes.map((c) => <Text key={c} className='comp-preview__change'>· {c}</Text>)}
          {p.errors.map((c) => <Text key={c} className='comp-preview__error' data-testid='preview-error'>✕ {c}</Text>)}
          {p.warnings.map((c) => <Text key={c} className='comp-preview__warning' data-testid='preview-warning'>⚠ {c}</Text>)}
          {p.after.length > 0 && <Text className='comp-panel__label'>调整后的学区组成</Text>}
          {p.after.map((x) => <XuequCard key={x.id} xuequ={x} compact />)}
          {p.writes.length > 0 && (
            <Text className='comp-preview__writes'>将写入：{p.writes.map((w) => `${w.name}${WRITE_LABELS[w.kind]}（${w.effectiveFrom}${w.kind === 'close' ? `至${w.effectiveTo}` : '起'}）`).join('；')}</Text>
          )}
          {error && <Text className='comp-preview__error' data-testid='apply-error'>{error}</Text>}
          <View className='comp-panel__actions'>
            <Button type='primary' data-testid='confirm-edit' {...busyIf(busy)} disabled={!p.ok || busy || undefined} onClick={confirm}>{p.warnings.length ? '知悉提醒，确认调整' : '确认调整'}</Button>
            <Button data-testid='cancel-edit' onClick={onCancel}>取消</Button>
          </View>
        </View>
      )}
    </View>
  );
}
