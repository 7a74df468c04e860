import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { usePaged } from '@/hooks/use-paged';
import StatusView from '@/components/status-view';
import { busyIf } from '@/components/busy-props';
import './index.scss';

type Tab = 'mine' | 'pending' | 'closed' | 'cc';
const TABS: Array<[Tab, string]> = [
  ['mine', '待教育局处理'],
  ['pending', '全区审批中'],
  ['closed', '已结束'],
  ['cc', '抄送'],
];

/**
 * 全区审批 (bureau): what waits for the bureau (its own steps, steps nobody holds: 无人审批, steps waiting
 * too long: 超时), every request of the district in progress, and those closed; a page at a time. A
 * request opens in the same detail page the principals use, where the bureau decides escalated steps.
 */
export default function BureauApprovalsPage() {
  const [tab, setTab] = useState<Tab>('mine');
  const ownList = usePaged(
    'approval',
    'inbox',
    tab === 'mine' || tab === 'cc' ? { status: tab === 'mine' ? 'pending' : 'cc' } : null,
  );
  const districtList = usePaged('approval', 'district', tab === 'pending' || tab === 'closed' ? { status: tab } : null);
  const list = tab === 'mine' || tab === 'cc' ? ownList : districtList;
  useDidShow(() => void list.reload());
  return (
    <View className="bureau-approvals" data-testid="bureau-approvals">
      <View className="bureau-approvals__tabs">
        {TABS.map(([t, label]) => (
          <Text
            key={t}
            data-testid={`tab-${t}`}
            className={`bureau-approvals__tab ${t === tab ? 'bureau-approvals__tab--on' : ''}`}
            onClick={() => setTab(t)}
          >
            {label}
          </Text>
        ))}
      </View>
      {tab === 'mine' && (
        <Text className="bureau-approvals__hint">
          无人审批：该环节的学校或学区尚未开通账号；超时：等待超过3天。教育局可代为审批。
        </Text>
      )}
      <StatusView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={list.items?.length === 0}
        emptyText={
          tab === 'mine'
            ? '没有等待教育局处理的申请'
            : tab === 'pending'
              ? '全区没有审批中的申请'
              : tab === 'cc'
                ? '没有抄送给教育局的申请'
                : '还没有已结束的申请'
        }
      />
      {!list.loading &&
        list.items?.map((r) => (
          <View
            key={r.id}
            className="bureau-approvals__item"
            data-testid={`request-${r.id}`}
            onClick={() => void Taro.navigateTo({ url: `/packages/principal/pages/request/index?id=${r.id}` })}
          >
            <Text className="bureau-approvals__head">
              {r.typeLabel} · {r.statusLabel}
              {r.escalation && (
                <Text className="bureau-approvals__flag" data-testid={`flag-${r.id}`}>
                  {' '}
                  {r.escalation.label}
                </Text>
              )}
            </Text>
            <Text className="bureau-approvals__line">{r.summary}</Text>
            <Text className="bureau-approvals__meta">
              {r.requesterName} · {r.updatedAt}
              {r.waitingFor ? ` · 等待${r.waitingFor}` : ''}
            </Text>
          </View>
        ))}
      {list.hasMore && (
        <Button
          className="bureau-approvals__more"
          data-testid="load-more"
          {...busyIf(list.loadingMore)}
          onClick={() => void list.loadMore()}
        >
          加载更多
        </Button>
      )}
    </View>
  );
}
