import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ImportPreview } from '../../../../contracts/admin-imports';
import { OUTCOME_LABELS } from './tables';

/** Rows shown at most: a 5000-row file would make a phone page crawl. */
const SHOWN = 200;

/** The dry run: counts, file problems, and every row's outcome with its errors (errors first). */
export default function PreviewPanel({ preview }: { preview: ImportPreview }) {
  const { counts } = preview;
  const [onlyErrors, setOnlyErrors] = useState(counts.error > 0);
  const rows = onlyErrors ? preview.rows.filter((r) => r.outcome === 'error') : preview.rows;
  return (
    <View className='imports__card' data-testid='import-preview'>
      <View className='imports__counts'>
        {(Object.keys(OUTCOME_LABELS) as Array<keyof typeof OUTCOME_LABELS>).map((k) => (
          <Text key={k} className={`imports__count imports__count--${k}`} data-testid={`count-${k}`}>{OUTCOME_LABELS[k]} {counts[k]}</Text>
        ))}
      </View>
      {preview.removals.length > 0 && (
        <View className='imports__removals' data-testid='removals'>
          <Text className='imports__error'>将从名册中删除{preview.removals.length}人（文件中没有）：</Text>
          <Text className='imports__hint'>{preview.removals.slice(0, SHOWN).join('、')}{preview.removals.length > SHOWN ? '……' : ''}</Text>
        </View>
      )}
      {preview.fileErrors.map((e) => (
        <Text key={e} className='imports__error' data-testid='file-error'>{e}</Text>
      ))}
      {preview.rows.length > 0 && (
        <View className='imports__chips'>
          <Text className={`imports__chip ${onlyErrors ? 'imports__chip--on' : ''}`} data-testid='filter-errors' onClick={() => setOnlyErrors(true)}>只看有误（{counts.error}）</Text>
          <Text className={`imports__chip ${!onlyErrors ? 'imports__chip--on' : ''}`} data-testid='filter-all' onClick={() => setOnlyErrors(false)}>全部行（{preview.rows.length}）</Text>
        </View>
      )}
      {rows.slice(0, SHOWN).map((r) => (
        <View key={r.row} className='imports__row' data-testid={`row-${r.row}`}>
          <Text className={`imports__tag imports__tag--${r.outcome}`}>{OUTCOME_LABELS[r.outcome]}</Text>
          <Text className='imports__rowno'>第{r.row}行</Text>
          <Text className='imports__label'>{r.label}</Text>
          {r.messages.map((m) => (
            <Text key={m} className='imports__message'>{m}</Text>
          ))}
        </View>
      ))}
      {rows.length > SHOWN && <Text className='imports__hint'>仅显示前{SHOWN}行（共{rows.length}行）；导出后修改再导入即可。</Text>}
    </View>
  );
}
