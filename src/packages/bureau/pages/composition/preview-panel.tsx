import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { CompositionEditInput, CompositionSourceInput } from '@/contracts/admin-composition';
import { TEXT_MAX } from '@/contracts/fields';
import { editSource } from '@/domain/composition';
import { sourceLabel } from '@/domain/xuequ';
import { useCall } from '@/hooks/use-call';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/call';
import { newRequestId } from '@/services/request-id';
import StatusView from '@/components/status-view';
import XuequCard from '@/components/xuequ-card';
import { busyIf } from '@/components/busy-props';

export interface PreviewPanelProps {
  edit: CompositionEditInput;
  onApplied(summary: string): void;
  onCancel(): void;
}

const WRITE_LABELS = { close: '截止', add: '新增', replace: '替换待生效版本' } as const;
/** The source document's typed fields, in the order shown. */
const DOC_FIELDS = [
  { key: 'title', maxlength: TEXT_MAX.sourceTitle, placeholder: '文件标题（必填），如：关于调整学区组成的通知' },
  { key: 'number', maxlength: TEXT_MAX.sourceNumber, placeholder: '文号（选填），如：河东教发〔2026〕12号' },
  { key: 'date', maxlength: 10, placeholder: '发文日期（必填）：2026-11-20 或年份 2026' },
] as const;

/** The dry run of an edit (changes, warnings, errors, the resulting 学区) and the confirm button. */
export default function PreviewPanel({ edit, onApplied, onCancel }: PreviewPanelProps) {
  const preview = useCall('admin', 'previewEdit', { edit });
  // One request id per edit shown: a double tap or a retry applies it once.
  const [requestId] = useState(newRequestId);
  const action = useAction();
  const busy = action.busy === 'apply';
  const p = preview.data;
  // The basis parents will see: a document as entered, or 未附文件 chosen on purpose (nothing is made up).
  const [basis, setBasis] = useState<'document' | 'none' | null>(null);
  const [doc, setDoc] = useState({ title: '', number: '', date: '' });
  const docOk = doc.title.trim().length >= 2 && /^\d{4}(-\d{2}-\d{2})?$/.test(doc.date.trim());
  const source: CompositionSourceInput | undefined =
    basis === 'document'
      ? { title: doc.title.trim(), number: doc.number.trim() || null, date: doc.date.trim() }
      : undefined;
  const issuer = `${p?.after[0]?.districtName ?? p?.before[0]?.districtName ?? '区'}教育局`;
  const sourceReady = basis === 'none' || (basis === 'document' && docOk);

  const confirm = () =>
    void action.run(
      'apply',
      async () => {
        const r = await call('admin', 'applyEdit', { edit, requestId, ...(source ? { source } : {}) });
        onApplied(`已保存：自${r.effectiveFrom}起，${r.changes.join('；')}`);
      },
      '保存失败，请重试',
    );

  return (
    <View className="comp-preview" data-testid="preview">
      <Text className="comp-panel__title">调整预览（自{edit.effectiveFrom}起）</Text>
      <StatusView loading={preview.loading} error={preview.error} onRetry={preview.reload} />
      {p && (
        <View>
          {p.changes.map((c) => (
            <Text key={c} className="comp-preview__change">
              · {c}
            </Text>
          ))}
          {p.errors.map((c) => (
            <Text key={c} className="comp-preview__error" data-testid="preview-error">
              ✕ {c}
            </Text>
          ))}
          {p.warnings.map((c) => (
            <Text key={c} className="comp-preview__warning" data-testid="preview-warning">
              ⚠ {c}
            </Text>
          ))}
          {p.after.length > 0 && <Text className="comp-panel__label">调整后的学区组成</Text>}
          {p.after.map((x) => (
            <XuequCard key={x.id} xuequ={x} compact />
          ))}
          {p.writes.length > 0 && (
            <Text className="comp-preview__writes">
              将写入：
              {p.writes
                .map(
                  (w) =>
                    `${w.name}${WRITE_LABELS[w.kind]}（${w.effectiveFrom}${w.kind === 'close' ? `至${w.effectiveTo}` : '起'}）`,
                )
                .join('；')}
            </Text>
          )}
          <View className="comp-source" data-testid="source-fields">
            <Text className="comp-panel__label">调整依据（家长会看到）</Text>
            <View className="comp-panel__actions">
              <Text
                className={`comp__chip${basis === 'document' ? ' comp__chip--on' : ''}`}
                data-testid="source-document"
                onClick={() => setBasis('document')}
              >
                有文件
              </Text>
              <Text
                className={`comp__chip${basis === 'none' ? ' comp__chip--on' : ''}`}
                data-testid="source-none"
                onClick={() => setBasis('none')}
              >
                未附文件
              </Text>
            </View>
            {basis === 'document' && (
              <View>
                {DOC_FIELDS.map((f) => (
                  <Input
                    key={f.key}
                    className="comp__input comp-source__input"
                    data-testid={`source-${f.key}`}
                    value={doc[f.key]}
                    maxlength={f.maxlength}
                    placeholder={f.placeholder}
                    onInput={(e) => setDoc({ ...doc, [f.key]: e.detail.value })}
                  />
                ))}
              </View>
            )}
            {basis === null && <Text className="comp-preview__warning">请选择调整依据：填写文件，或注明未附文件</Text>}
            {basis === 'document' && !docOk && <Text className="comp-preview__warning">请填写文件标题和发文日期</Text>}
            {sourceReady && (
              <Text className="comp-preview__writes" data-testid="source-preview">
                家长看到的来源：{source ? sourceLabel(editSource(source, issuer, '')) : `${issuer}调整（未附文件）`}
              </Text>
            )}
          </View>
          {action.error && (
            <Text className="comp-preview__error" data-testid="apply-error">
              {action.error}
            </Text>
          )}
          <View className="comp-panel__actions">
            <Button
              type="primary"
              data-testid="confirm-edit"
              {...busyIf(busy)}
              disabled={!p.ok || !sourceReady || busy || undefined}
              onClick={confirm}
            >
              {p.warnings.length ? '知悉提醒，确认调整' : '确认调整'}
            </Button>
            <Button data-testid="cancel-edit" onClick={onCancel}>
              取消
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
