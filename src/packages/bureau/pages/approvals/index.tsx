import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { usePaged } from '@/hooks/use-paged';
import FilterTabs from '@/components/filter-tabs';
import PagedList from '@/components/paged-list';
import RequestSummary from '@/components/request-summary';
import './index.scss';

type Tab = 'mine' | 'pending' | 'closed' | 'cc';
const TABS: Array<[Tab, string]> = [
  ['mine', '待教育局处理'],
  ['pending', '全区审批中'],
  ['closed', '已结束'],
  ['cc', '抄送'],
];
const EMPTY: Record<Tab, string> = {
  mine: '没有等待教育局处理的申请',
  pending: '全区没有审批中的申请',
  closed: '还没有已结束的申请',
  cc: '没有抄送给教育局的申请',
};

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
      <FilterTabs block="bureau-approvals" tabs={TABS} value={tab} onChange={setTab} testId={(t) => `tab-${t}`} />
      {tab === 'mine' && (
        <Text className="bureau-approvals__hint">
          无人审批：该环节的学校或学区尚未开通账号；超时：等待超过3天。教育局可代为审批。
        </Text>
      )}
      <PagedList list={list} emptyText={EMPTY[tab]}>
        {(r) => (
          <View
            key={r.id}
            className="bureau-approvals__item"
            data-testid={`request-${r.id}`}
            onClick={() => void Taro.navigateTo({ url: `/packages/principal/pages/request/index?id=${r.id}` })}
          >
            <RequestSummary request={r} viewer="decider" />
          </View>
        )}
      </PagedList>
    </View>
  );
}
