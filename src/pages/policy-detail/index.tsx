import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import {
  comparePlaces,
  hitsInDocument,
  markTerms,
  parsePlaceKey,
  parseQuery,
  placeKey,
  type PolicyPlace,
} from '@/domain/policy-search';
import { useCall } from '@/hooks/use-call';
import StatusView from '@/components/status-view';
import MarkedText, { dateLabel, decodeParam } from '../policy/marked-text';
import { useElderMode } from '@/hooks/use-elder-mode';
import { PLAIN, plainText } from '@/services/plain-wording';
import HomeLink from '@/components/home-link';
import './index.scss';

/** Element id of a place of the document (ids must not start with a digit). */
const anchor = (key: string) => `policy-${key}`;
/** Sub-headings inside a section: （一）…, (二)…, 1．… when short. */
const isSubheading = (p: string) =>
  p.length <= 32 && /^(?:[（(][一二三四五六七八九十]+[）)]|\d+[．.]\s?\S+。?$)/.test(p);

/**
 * 政策原文: one document in full. With ?q= the words are highlighted and the page scrolls to the hit
 * tapped in the list (?at=s4-p15), else to the first; 上一处/下一处 step through the hits.
 */
export default function PolicyDetailPage() {
  const elder = useElderMode();
  const { params } = useRouter();
  const id = params.id ?? null;
  const q = decodeParam(params.q).trim().slice(0, 40);
  const at = parsePlaceKey(params.at);
  const policy = useCall('school', 'getPolicy', id ? { policyId: id } : null);
  const doc = policy.data;

  const terms = useMemo(() => parseQuery(q), [q]);
  const hits = useMemo(() => (doc && terms.length ? hitsInDocument(doc, q) : []), [doc, q, terms]);
  // Start at the hit tapped in the list (or the next one after it), else at the first.
  const start = useMemo(
    () =>
      at
        ? Math.max(
            0,
            hits.findIndex((h) => comparePlaces(h.place, at) >= 0),
          )
        : 0,
    [hits, at],
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const current = chosen !== null && chosen < hits.length ? chosen : start;
  const currentKey = hits.length ? placeKey(hits[current].place) : null;

  useEffect(() => {
    if (!currentKey) return;
    const timer = setTimeout(() => {
      void Taro.pageScrollTo({ selector: `#${anchor(currentKey)}`, offsetTop: -60, duration: 200 }).catch(
        () => undefined,
      );
    }, 50);
    return () => clearTimeout(timer);
  }, [currentKey]);

  useShareAppMessage(() => ({
    title: doc ? doc.title : '学区政策原文',
    path: `/pages/policy-detail/index?id=${id ?? ''}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  }));

  const marked = (text: string) => (terms.length ? markTerms(text, terms) : []);
  const cls = (place: PolicyPlace, base: string) =>
    currentKey === placeKey(place) ? `${base} policy-detail__current` : base;

  return (
    <View className={`policy-detail ${elder.cls}`}>
      <HomeLink />
      <StatusView
        loading={policy.loading}
        error={policy.error ?? (id ? null : { message: '缺少文件编号' })}
        onRetry={policy.reload}
      />
      {doc && !policy.loading && (
        <View data-testid="policy-detail">
          {q !== '' && (
            <View className="policy-detail__bar" data-testid="policy-detail-bar">
              <Text className="policy-detail__bar-text">
                {hits.length ? `“${q}”在本文${hits.length}处，第${current + 1}处` : `本文没有找到“${q}”`}
              </Text>
              {hits.length > 1 && (
                <View className="policy-detail__bar-actions">
                  <Text
                    className="policy-detail__step"
                    data-testid="policy-prev"
                    onClick={() => setChosen((current - 1 + hits.length) % hits.length)}
                  >
                    上一处
                  </Text>
                  <Text
                    className="policy-detail__step"
                    data-testid="policy-next"
                    onClick={() => setChosen((current + 1) % hits.length)}
                  >
                    下一处
                  </Text>
                </View>
              )}
            </View>
          )}

          <View className="policy-detail__head">
            <View id={anchor('title')} className={cls({ kind: 'title' }, 'policy-detail__title')}>
              <MarkedText text={doc.title} marks={marked(doc.title)} block="policy-detail" />
              {doc.draft && <Text className="policy-detail__badge">{elder.say(...PLAIN.policyDraft)}</Text>}
            </View>
            <Text className="policy-detail__meta">
              {doc.issuer} · {dateLabel(doc.date)}
            </Text>
            {doc.dateNote && <Text className="policy-detail__meta">{doc.dateNote}</Text>}
            {doc.note && (
              <Text className="policy-detail__note policy-detail__lines">
                {elder.say(doc.note, plainText(doc.note))}
              </Text>
            )}
            <View className="policy-detail__summary">
              <Text className="policy-detail__summary-label">{elder.say(...PLAIN.policyDetailUses)}</Text>
              <Text className="policy-detail__lines" data-testid="policy-summary">
                {elder.say(doc.summary, plainText(doc.summary))}
              </Text>
            </View>
          </View>

          <View className="policy-detail__body" data-testid="policy-text">
            {doc.sections.map((s, si) => (
              <View key={si} className="policy-detail__section">
                {s.heading && (
                  <View
                    id={anchor(`s${si}`)}
                    className={cls({ kind: 'heading', section: si }, 'policy-detail__heading')}
                  >
                    <MarkedText text={s.heading} marks={marked(s.heading)} block="policy-detail" />
                  </View>
                )}
                {s.paragraphs.map((p, pi) => {
                  const place: PolicyPlace = { kind: 'paragraph', section: si, paragraph: pi };
                  const key = placeKey(place);
                  if (p.includes('\t')) {
                    return (
                      <View key={pi} id={anchor(key)} className={cls(place, 'policy-detail__row')}>
                        {p.split('\t').map((cell, ci) => (
                          <View key={ci} className={`policy-detail__cell policy-detail__cell--${ci}`}>
                            <MarkedText text={cell} marks={marked(cell)} block="policy-detail" />
                          </View>
                        ))}
                      </View>
                    );
                  }
                  return (
                    <View
                      key={pi}
                      id={anchor(key)}
                      className={cls(
                        place,
                        isSubheading(p) ? 'policy-detail__p policy-detail__p--sub' : 'policy-detail__p',
                      )}
                    >
                      <MarkedText text={p} marks={marked(p)} block="policy-detail" />
                    </View>
                  );
                })}
              </View>
            ))}
            <Text className="policy-detail__source policy-detail__lines">
              地区：{doc.region}。{elder.say(...PLAIN.policyOriginal)}
            </Text>
          </View>
        </View>
      )}
    </View>
  );
}
