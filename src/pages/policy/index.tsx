import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { placeKey } from '@/domain/policy-search';
import type { PolicyHitView } from '@/contracts/policy';
import { useCall } from '@/hooks/use-call';
import StatusView from '@/components/status-view';
import MarkedText, { dateLabel, decodeParam } from './marked-text';
import { useElderMode } from '@/hooks/use-elder-mode';
import { PLAIN, plainText } from '@/services/plain-wording';
import './index.scss';

/** Words parents look for; one tap searches them. */
const SUGGESTIONS = ['就近入学', '划片', '轮岗', '学区长', '班额', '共享'];

const hitLabel = (h: PolicyHitView) =>
  h.place.kind === 'title' ? '标题' : h.place.kind === 'heading' ? '章节标题' : (h.sectionHeading ?? '正文');

/** 政策: the policy documents the 学区 come from, full text searchable. */
export default function PolicyPage() {
  const elder = useElderMode();
  // A shared card may carry the query (?q=…).
  const shared = decodeParam(useRouter().params.q).trim().slice(0, 40);
  const [typed, setTyped] = useState(shared);
  const [q, setQ] = useState(shared);
  const list = useCall('school', 'listPolicies', q ? { q } : {});
  const data = list.data;

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useShareAppMessage(() => ({
    title: q ? `学区政策原文：搜“${q}”` : '学区政策原文，可搜索',
    path: q ? `/pages/policy/index?q=${encodeURIComponent(q)}` : '/pages/policy/index',
  }));

  const search = (words: string) => {
    const w = words.trim().slice(0, 40);
    setTyped(w);
    setQ(w);
  };
  const open = (id: string, at?: string) =>
    Taro.navigateTo({
      url: `/pages/policy-detail/index?id=${id}${q ? `&q=${encodeURIComponent(q)}` : ''}${at ? `&at=${at}` : ''}`,
    });

  const searching = q !== '' && data?.q != null;

  return (
    <View className={`policy ${elder.cls}`}>
      <View className="policy__intro">
        <Text className="policy__lines">{elder.say(...PLAIN.policyIntro)}</Text>
      </View>

      <View className="policy__search">
        <Input
          className="policy__input"
          data-testid="policy-search-input"
          value={typed}
          placeholder="搜索原文，如：轮岗"
          maxlength={40}
          confirmType="search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => search(typed)}
        />
        {q !== '' && (
          <Text className="policy__clear" data-testid="policy-search-clear" onClick={() => search('')}>
            清除
          </Text>
        )}
        <Button
          className="policy__search-btn"
          data-testid="policy-search-btn"
          size="mini"
          type="primary"
          onClick={() => search(typed)}
        >
          搜索
        </Button>
      </View>
      {q === '' && (
        <View className="policy__chips">
          <Text className="policy__chips-label">{elder.say(...PLAIN.policyChips)}</Text>
          {SUGGESTIONS.map((w) => (
            <Text key={w} className="policy__chip" data-testid={`policy-chip-${w}`} onClick={() => search(w)}>
              {w}
            </Text>
          ))}
        </View>
      )}

      <StatusView loading={list.loading} error={list.error} onRetry={list.reload} />

      {!list.loading && data && searching && (
        <View className="policy__results" data-testid="policy-hits">
          <Text className="policy__count" data-testid="policy-hit-count">
            {data.totalHits > 0
              ? `“${data.q}”共找到${data.totalHits}处${data.totalHits > data.hits.length ? `，显示前${data.hits.length}处，可加词缩小范围` : ''}`
              : ''}
          </Text>
          <StatusView
            empty={data.totalHits === 0}
            emptyText={`没有找到“${data.q}”。${data.terms.length > 1 ? '多个词需在同一段中都出现，可减少词语再试。' : '可换个说法再试。'}`}
          />
          {data.hits.map((h) => {
            const key = placeKey(h.place);
            return (
              <View
                key={`${h.policyId}-${key}`}
                className="policy__hit"
                data-testid={`policy-hit-${h.policyId}-${key}`}
                onClick={() => open(h.policyId, key)}
              >
                <View className="policy__snippet">
                  {h.snippet.cutStart && <Text>…</Text>}
                  <MarkedText text={h.snippet.text.replace(/\t/g, '　')} marks={h.snippet.marks} block="policy" />
                  {h.snippet.cutEnd && <Text>…</Text>}
                </View>
                <View className="policy__where">
                  <Text className="policy__where-title">《{h.title}》</Text>
                  <Text className="policy__where-place">{hitLabel(h)}</Text>
                </View>
              </View>
            );
          })}
        </View>
      )}

      {!list.loading && data && !searching && (
        <View className="policy__docs" data-testid="policy-docs">
          <StatusView empty={data.documents.length === 0} emptyText="暂无政策文件" />
          {data.documents.map((d) => (
            <View key={d.id} className="policy__doc" data-testid={`policy-doc-${d.id}`} onClick={() => open(d.id)}>
              <View className="policy__doc-title">
                <Text>{d.title}</Text>
                {d.draft && <Text className="policy__badge">{elder.say(...PLAIN.policyDraft)}</Text>}
              </View>
              <Text className="policy__doc-meta">
                {d.issuer} · {dateLabel(d.date)}
              </Text>
              <Text className="policy__doc-summary policy__lines">
                {elder.say(...PLAIN.policyUses)}
                {elder.say(d.summary, plainText(d.summary))}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
