import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ImportPreview, ImportRowView } from '@/contracts/admin-imports';
import PhraseList from './phrase-list';
import { OUTCOME_LABELS } from './tables';

/** Rows shown at most: a 5000-row file would make a phone page crawl. */
const SHOWN = 200;

type Filter = 'errors' | 'warnings' | 'unread' | 'all';
const hasUnread = (r: ImportRowView) => r.phrases?.some((p) => p.status === 'unread') ?? false;
const hasWarnings = (r: ImportRowView) => (r.warnings?.length ?? 0) > 0;
const FILTERS: Record<Filter, (r: ImportRowView) => boolean> = {
  errors: (r) => r.outcome === 'error',
  warnings: hasWarnings,
  unread: hasUnread,
  all: () => true,
};

/** The dry run: counts, file problems, and every row's outcome with its errors (errors first); 登记范围 rows with their phrases. */
export default function PreviewPanel({ preview }: { preview: ImportPreview }) {
  const { counts } = preview;
  const unreadRows = preview.rows.filter(hasUnread).length;
  const unreadPhrases = preview.rows.reduce(
    (n, r) => n + (r.phrases?.filter((p) => p.status === 'unread').length ?? 0),
    0,
  );
  const warningRows = preview.rows.filter(hasWarnings).length;
  const [filter, setFilter] = useState<Filter>(counts.error > 0 ? 'errors' : 'all');
  const rows = preview.rows.filter(FILTERS[filter]);
  const chip = (f: Filter, text: string) => (
    <Text
      className={`imports__chip ${filter === f ? 'imports__chip--on' : ''}`}
      data-testid={`filter-${f}`}
      onClick={() => setFilter(f)}
    >
      {text}
    </Text>
  );
  return (
    <View className="imports__card" data-testid="import-preview">
      <View className="imports__counts">
        {(Object.keys(OUTCOME_LABELS) as Array<keyof typeof OUTCOME_LABELS>).map((k) => (
          <Text key={k} className={`imports__count imports__count--${k}`} data-testid={`count-${k}`}>
            {OUTCOME_LABELS[k]} {counts[k]}
          </Text>
        ))}
      </View>
      {preview.removals.length > 0 && (
        <View className="imports__removals" data-testid="removals">
          <Text className="imports__error">将从名册中删除{preview.removals.length}人（文件中没有）：</Text>
          <Text className="imports__hint">
            {preview.removals.slice(0, SHOWN).join('、')}
            {preview.removals.length > SHOWN ? '……' : ''}
          </Text>
        </View>
      )}
      {preview.schoolChanges.length > 0 && (
        <View className="imports__removals" data-testid="school-changes">
          <Text className="imports__notice">
            将同时新增或调整{preview.schoolChanges.length}所学校（位置、教师人数可稍后在“学校”表中补充）：
          </Text>
          <Text className="imports__hint">
            {preview.schoolChanges.slice(0, SHOWN).join('；')}
            {preview.schoolChanges.length > SHOWN ? '……' : ''}
          </Text>
        </View>
      )}
      {unreadPhrases > 0 && (
        <Text className="imports__notice" data-testid="unread-hint">
          {unreadRows}所学校的登记范围中有{unreadPhrases}
          句未能识别：不影响导入，原文照常保存；如需识别，可在文件中改写这些句子后重新导入。
        </Text>
      )}
      {preview.phrasesOmitted > 0 && (
        <Text className="imports__hint" data-testid="phrases-omitted">
          另有{preview.phrasesOmitted}行的登记范围较长，预览中未逐句列出（导入时照常读取）。
        </Text>
      )}
      {warningRows > 0 && (
        <Text className="imports__notice" data-testid="warning-hint">
          {warningRows}行有提醒（不影响导入）：请核对标“提醒”的数据是否填错。
        </Text>
      )}
      {preview.fileErrors.map((e) => (
        <Text key={e} className="imports__error" data-testid="file-error">
          {e}
        </Text>
      ))}
      {preview.rows.length > 0 && (
        <View className="imports__chips">
          {chip('errors', `只看有误（${counts.error}）`)}
          {warningRows > 0 && chip('warnings', `有提醒（${warningRows}）`)}
          {preview.table === 'catchments' && chip('unread', `有未能识别的（${unreadRows}）`)}
          {chip('all', `全部行（${preview.rows.length}）`)}
        </View>
      )}
      {rows.slice(0, SHOWN).map((r) => (
        <View key={r.row} className="imports__row" data-testid={`row-${r.row}`}>
          <Text className={`imports__tag imports__tag--${r.outcome}`}>{OUTCOME_LABELS[r.outcome]}</Text>
          <Text className="imports__rowno">第{r.row}行</Text>
          <Text className="imports__label">{r.label}</Text>
          {r.messages.map((m) => (
            <Text key={m} className="imports__message">
              {m}
            </Text>
          ))}
          {r.changes && r.changes.length > 0 && (
            <View className="imports__changes" data-testid={`changes-${r.row}`}>
              {r.changes.map((c) => (
                <Text key={c.field} className="imports__change">
                  {c.field}：{c.from} → {c.to}
                </Text>
              ))}
            </View>
          )}
          {r.warnings?.map((w) => (
            <Text key={w} className="imports__warning" data-testid={`warning-${r.row}`}>
              提醒：{w}
            </Text>
          ))}
          {r.phrases && r.phrases.length > 0 && <PhraseList phrases={r.phrases} row={r.row} />}
        </View>
      ))}
      {rows.length > SHOWN && (
        <Text className="imports__hint">
          仅显示前{SHOWN}行（共{rows.length}行）；导出后修改再导入即可。
        </Text>
      )}
    </View>
  );
}
