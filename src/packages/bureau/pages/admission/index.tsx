import { useEffect, useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import type { AdmissionSettings } from '@/domain/admission';
import { useCall } from '@/hooks/use-call';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/call';
import { busyIf } from '@/components/busy-props';
import StatusView from '@/components/status-view';
import './index.scss';
import { TEXT_MAX } from '@/contracts/fields';

type Choice<K extends keyof AdmissionSettings> = Array<{ value: AdmissionSettings[K]; label: string }>;
const WITHOUT_ZONE: Choice<'withoutZone'> = [
  { value: 'ask', label: '由教育局个别安排' },
  { value: 'xuequ-multi', label: '学区制：在所属学区内多校划片（派位）' },
];
const MIDDLE_RULE: Choice<'middleRule'> = [
  { value: null, label: '未设定（导入时拒绝不一致的数据）' },
  { value: 'feeder-for-graduates', label: '本校毕业生按对口，其他按初中登记范围' },
  { value: 'zone', label: '一律按初中登记范围' },
];
const BASIS: Choice<'basis'> = [
  { value: 'residence', label: '按实际居住地址' },
  { value: 'hukou', label: '户籍须在该地址（房户一致）' },
];
const YEARS = [null, 3, 5, 6, 9] as const;

/** 招生规则: what the bureau's lists do not say, and the rules that depend on the family (asked of parents only when they matter). */
export default function AdmissionPage() {
  const state = useCall('admin', 'admissionSettings', {});
  const action = useAction();
  const [draft, setDraft] = useState<AdmissionSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (state.data) setDraft(state.data.settings);
  }, [state.data]);

  if (!draft) return <StatusView loading={state.loading} error={state.error} onRetry={state.reload} />;
  const set = <K extends keyof AdmissionSettings>(key: K, value: AdmissionSettings[K]) => {
    setSaved(false);
    setDraft({ ...draft, [key]: value });
  };
  const chips = <K extends keyof AdmissionSettings>(key: K, options: Choice<K>) => (
    <View className="admission__chips">
      {options.map((o) => (
        <Text
          key={String(o.value)}
          data-testid={`${key}-${String(o.value)}`}
          className={`admission__chip ${draft[key] === o.value ? 'admission__chip--on' : ''}`}
          onClick={() => set(key, o.value)}
        >
          {o.label}
        </Text>
      ))}
    </View>
  );
  const save = () =>
    action.run('save', async () => {
      await call('admin', 'setAdmissionSettings', { ...draft, document: draft.document?.trim() || null });
      setSaved(true);
      await state.reload();
    });

  return (
    <View className="admission">
      <Text className="admission__intro">
        {state.data?.districtName}
        ：家长查询时按这些规则回答；与家庭情况有关的规则，只在会改变答案时才询问家长（不保存）。
      </Text>
      <View className="admission__card">
        <Text className="admission__label">未列入任何学校登记范围的地址</Text>
        {chips('withoutZone', WITHOUT_ZONE)}
        <Text className="admission__label">小学对口与初中登记范围不一致时</Text>
        {chips('middleRule', MIDDLE_RULE)}
        <Text className="admission__label">在此日期及以后取得的房产按多校划片（不填则不适用）</Text>
        <View className="admission__row">
          <Picker
            mode="date"
            value={draft.acquiredCutoff ?? '2020-07-31'}
            start="2000-01-01"
            end="2100-12-31"
            onChange={(e) => set('acquiredCutoff', String(e.detail.value))}
          >
            <Text className="admission__chip" data-testid="acquired-cutoff">
              {draft.acquiredCutoff ?? '选择日期'}
            </Text>
          </Picker>
          {draft.acquiredCutoff && (
            <Text className="admission__link" data-testid="clear-cutoff" onClick={() => set('acquiredCutoff', null)}>
              不适用
            </Text>
          )}
        </View>
        <Text className="admission__label">同一地址的单校划片入学名额</Text>
        <View className="admission__chips">
          {YEARS.map((y) => (
            <Text
              key={String(y)}
              data-testid={`years-${String(y)}`}
              className={`admission__chip ${draft.placeEveryYears === y ? 'admission__chip--on' : ''}`}
              onClick={() => set('placeEveryYears', y)}
            >
              {y === null ? '不限' : `${y}年内一个`}
            </Text>
          ))}
        </View>
        <Text className="admission__label">入学依据的地址</Text>
        {chips('basis', BASIS)}
        <Text className="admission__label">依据文件（家长看到的答案会引用）</Text>
        <Input
          className="admission__input"
          data-testid="admission-document"
          value={draft.document ?? ''}
          maxlength={TEXT_MAX.admissionDocument}
          placeholder="例如：某区2027年义务教育入学工作实施意见"
          onInput={(e) => set('document', e.detail.value)}
        />
        {action.error && (
          <Text className="admission__error" data-testid="admission-error">
            {action.error}
          </Text>
        )}
        {saved && (
          <Text className="admission__ok" data-testid="admission-saved">
            已保存，家长查询立即按新规则回答
          </Text>
        )}
        <Button
          className="admission__submit"
          type="primary"
          data-testid="save-admission"
          {...busyIf(action.busy === 'save')}
          onClick={() => void save()}
        >
          保存
        </Button>
        {state.data?.updated && (
          <Text className="admission__hint">
            上次修改：{state.data.updated.by} · {state.data.updated.at}
          </Text>
        )}
      </View>
    </View>
  );
}
