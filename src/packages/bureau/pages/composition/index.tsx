import { useEffect, useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { CompositionEditInput } from '@/contracts/admin-composition';
import { useCall } from '@/hooks/use-call';
import StatusView from '@/components/status-view';
import SampleBadge from '@/components/sample-badge';
import { disabledIf } from '@/components/busy-props';
import SchoolPanel, { type Picked } from './school-panel';
import PreviewPanel from './preview-panel';
import HistoryPanel from './history-panel';
import './index.scss';

/**
 * 学区组成调整 (bureau): the district's 学区 with schools per stage as composed on the effective date
 * (default: next term start); pick a school → move / set as lead / remove → preview → confirm; history per 学区.
 */
export default function CompositionPage() {
  const [date, setDate] = useState<string | null>(null);
  const state = useCall('admin', 'compositionState', date ? { date } : {});
  const [picked, setPicked] = useState<Picked | null>(null);
  const [draft, setDraft] = useState<CompositionEditInput | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [newName, setNewName] = useState('');

  // Edits default to the next term start: the composition shown is the one the edit applies to.
  useEffect(() => {
    if (!date && state.data) setDate(state.data.nextTermStart);
  }, [date, state.data]);
  usePullDownRefresh(() => void state.reload().finally(() => Taro.stopPullDownRefresh()));

  const s = state.data;
  const effective = date ?? s?.nextTermStart ?? '';
  const edit = (e: CompositionEditInput) => {
    setDone(null);
    setDraft(e);
  };
  // Picking another school drops the edit being previewed: it was the previous school's.
  const pick = (p: Picked) => {
    setPicked(p);
    setDraft(null);
  };
  const applied = (summary: string) => {
    setDraft(null);
    setPicked(null);
    setDone(summary);
    void state.reload();
  };
  const unassigned = s ? s.schools.filter((x) => x.xuequIds.length === 0) : [];

  if (!s) return <StatusView loading={state.loading} error={state.error} onRetry={state.reload} />;
  // Shown under the 学区 of the picked school, or under 未划入学区 when it has none.
  const schoolPanel = picked && (
    <SchoolPanel
      picked={picked}
      xuequ={s.xuequ}
      effectiveFrom={effective}
      onEdit={edit}
      onCancel={() => setPicked(null)}
    />
  );
  return (
    <View className="comp" data-testid="composition-page">
      <View className="comp__head">
        <Text className="comp__title">{s.districtName}学区组成</Text>
        <Picker
          mode="date"
          value={effective}
          start={s.today}
          onChange={(e) => {
            setDate(String(e.detail.value));
            setDraft(null);
            setPicked(null);
          }}
        >
          <View className="comp__date" data-testid="effective-date">
            <Text>生效日期：{effective}</Text>
            <Text className="comp__date-more">更改 ›</Text>
          </View>
        </Picker>
        <Text className="comp__hint">
          默认下学期开学日（2月20日或9月1日）。以下为该日的学区组成；调整不改动已有记录，只新增版本。
        </Text>
        {s.plannedDates.length > 0 && (
          <Text className="comp__hint" data-testid="planned-dates">
            已排定的调整：{s.plannedDates.join('、')}
          </Text>
        )}
      </View>
      {done && (
        <Text className="comp__done" data-testid="edit-done">
          {done}
        </Text>
      )}
      {state.error && <StatusView error={state.error} onRetry={state.reload} />}
      {s.xuequ.length === 0 && <StatusView empty emptyText="该日期本区没有学区" />}
      {s.xuequ.map((x) => {
        const count = new Set(x.alliances.flatMap((a) => [...a.leads, ...a.members].map((m) => m.id))).size;
        return (
          <View key={x.id} className="comp__xuequ" data-testid={`xuequ-${x.id}`}>
            <View className="comp__xuequ-head">
              <Text className="comp__xuequ-name">{x.name}</Text>
              <Text className={count > s.maxSchoolsPerXuequ ? 'comp__count comp__count--over' : 'comp__count'}>
                {count}所{count > s.maxSchoolsPerXuequ ? '（超过10所）' : ''}
              </Text>
              {x.sample && <SampleBadge />}
              <Text
                className="comp__link"
                data-testid={`history-${x.id}`}
                onClick={() => setHistoryOf(historyOf === x.id ? null : x.id)}
              >
                {historyOf === x.id ? '收起记录' : '调整记录'}
              </Text>
            </View>
            {x.alliances.length === 0 && <Text className="comp__empty">文件未列出本学区的学校</Text>}
            {x.alliances.map((a, i) => (
              <View key={`${a.stage}-${i}`} className="comp__alliance">
                <Text className="comp__stage">{a.stage === 'all' ? '成员校（不分学段）' : a.stageLabel}</Text>
                <View className="comp__chips">
                  {a.leads.map((m) => (
                    <Text
                      key={m.id}
                      className={`comp__chip comp__chip--lead${picked?.schoolId === m.id ? ' comp__chip--on' : ''}`}
                      data-testid={`school-${m.id}`}
                      onClick={() =>
                        pick({ schoolId: m.id, schoolName: m.name, xuequId: x.id, stage: a.stage, lead: true })
                      }
                    >
                      {m.name}·{a.leadTitle || '牵头'}
                    </Text>
                  ))}
                  {a.members.map((m) => (
                    <Text
                      key={m.id}
                      className={`comp__chip${picked?.schoolId === m.id ? ' comp__chip--on' : ''}`}
                      data-testid={`school-${m.id}`}
                      onClick={() =>
                        pick({ schoolId: m.id, schoolName: m.name, xuequId: x.id, stage: a.stage, lead: false })
                      }
                    >
                      {m.name}
                    </Text>
                  ))}
                </View>
              </View>
            ))}
            {picked?.xuequId === x.id && schoolPanel}
            {historyOf === x.id && <HistoryPanel xuequId={x.id} />}
          </View>
        );
      })}
      {unassigned.length > 0 && (
        <View className="comp__xuequ" data-testid="unassigned">
          <Text className="comp__xuequ-name">未划入学区的学校</Text>
          <View className="comp__chips">
            {unassigned.map((m) => (
              <Text
                key={m.id}
                className={`comp__chip${picked?.schoolId === m.id ? ' comp__chip--on' : ''}`}
                data-testid={`school-${m.id}`}
                onClick={() => pick({ schoolId: m.id, schoolName: m.name, xuequId: null, stage: null, lead: false })}
              >
                {m.name}
              </Text>
            ))}
          </View>
          {picked?.xuequId === null && schoolPanel}
        </View>
      )}
      <View className="comp__xuequ">
        <Text className="comp__xuequ-name">新设学区</Text>
        <View className="comp__row">
          <Input
            className="comp__input"
            data-testid="new-xuequ-name"
            value={newName}
            placeholder="学区名称，如：第六学区"
            maxlength={20}
            onInput={(e) => setNewName(e.detail.value)}
          />
          <Button
            size="mini"
            data-testid="new-xuequ"
            {...disabledIf(!newName.trim())}
            onClick={() =>
              edit({ kind: 'create', name: newName.trim(), alliances: [], streetCodes: [], effectiveFrom: effective })
            }
          >
            预览
          </Button>
        </View>
      </View>
      {draft && (
        <PreviewPanel
          edit={draft}
          onApplied={(summary) => {
            applied(summary);
            setNewName('');
          }}
          onCancel={() => setDraft(null)}
        />
      )}
    </View>
  );
}
