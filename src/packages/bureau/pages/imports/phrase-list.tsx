import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ImportPhraseView } from '@/contracts/admin-imports';
import { PHRASE_STATUS_LABELS } from './tables';

/** Phrases of one school shown before “展开”: a long list would make a phone page crawl. */
const FIRST = 12;

/**
 * One school's 登记范围 as read, phrase by phrase in the published order, each with its reading; 未能识别
 * phrases are highlighted, and come first when a long list is folded, since those are what the bureau may fix.
 */
export default function PhraseList({ phrases, row }: { phrases: readonly ImportPhraseView[]; row: number }) {
  const [open, setOpen] = useState(false);
  const unread = phrases.filter((p) => p.status === 'unread').length;
  const folded = !open && phrases.length > FIRST;
  const ordered = folded
    ? [...phrases].sort((a, b) => Number(b.status === 'unread') - Number(a.status === 'unread')).slice(0, FIRST)
    : phrases;
  return (
    <View className="imports__phrases" data-testid={`phrases-${row}`}>
      <Text className="imports__hint">
        登记范围共{phrases.length}句{unread ? `，其中${unread}句未能识别` : '，均已识别'}：
      </Text>
      {ordered.map((p, i) => (
        <View key={i} className={`imports__phrase imports__phrase--${p.status}`} data-testid={`phrase-${p.status}`}>
          <Text className={`imports__phrase-tag imports__phrase-tag--${p.status}`}>
            {PHRASE_STATUS_LABELS[p.status]}
          </Text>
          {p.street && <Text className="imports__phrase-street">{p.street} · </Text>}
          <Text className="imports__phrase-text">{p.text}</Text>
          <Text className="imports__phrase-reading">
            {p.status === 'unread' ? p.reading || '未能识别' : `→ ${p.reading}`}
          </Text>
        </View>
      ))}
      {phrases.length > FIRST && (
        <Text className="imports__more" data-testid={`phrases-toggle-${row}`} onClick={() => setOpen(!open)}>
          {open ? '收起' : `展开全部${phrases.length}句（按原文顺序）`}
        </Text>
      )}
    </View>
  );
}
