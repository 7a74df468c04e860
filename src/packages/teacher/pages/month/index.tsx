import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { CHINA_ZONE, addMonths, localDate } from '@/domain/time';
import { useCall } from '@/hooks/use-call';
import { call } from '@/services/call';
import { useFileExport } from '@/hooks/use-file-export';
import SampleBadge from '@/components/sample-badge';
import ExportCsv from '@/components/export-csv';
import StatusView from '@/components/status-view';
import './index.scss';

const MAKEUP_STATUS = { pending: '待审批：任务学校校长尚未处理', approved: '已同意', rejected: '已驳回' } as const;

const PRESENCE_CLASS = { verified: 'ok', unverified: 'no', none: 'none' } as const;

/** 本月工时: hours in China time, 课时, flags, subsidy estimate; CSV export. 未核验 sessions counted apart. */
export default function TeacherMonthPage() {
  // The home page passes the server's month; the phone's clock is only a fallback.
  const { params } = useRouter();
  const [month, setMonth] = useState(() =>
    params.month && /^\d{4}-\d{2}$/.test(params.month) ? params.month : localDate(Date.now(), CHINA_ZONE).slice(0, 7),
  );
  const view = useCall('duty', 'month', { month });
  const exp = useFileExport();
  const v = view.data;
  const exportCsv = () => exp.prepare('month', () => call('duty', 'exportMonth', { month }));

  return (
    <View className="month">
      <View className="month__bar">
        <Text className="month__nav" onClick={() => setMonth(addMonths(month, -1))}>
          ‹ 上月
        </Text>
        <Text className="month__title">{month.replace('-', '年')}月</Text>
        <Text className="month__nav" onClick={() => setMonth(addMonths(month, 1))}>
          下月 ›
        </Text>
      </View>
      <StatusView loading={view.loading} error={view.error} onRetry={view.reload} />
      {v && !view.loading && (
        <View>
          <View className="month__totals" data-testid="month-totals">
            <View className="month__total">
              <Text className="month__num">{v.hours}</Text>
              <Text>小时</Text>
            </View>
            <View className="month__total">
              <Text className="month__num">
                {v.sessions}/{v.scheduled}
              </Text>
              <Text>出勤/安排</Text>
            </View>
            <View className="month__total">
              <Text className="month__num" data-testid="month-periods">
                {v.periods}
              </Text>
              <Text>已核验课时</Text>
            </View>
            <View className="month__total">
              <Text className="month__num">¥{v.subsidyYuan}</Text>
              <Text>补助估算{v.subsidySample && <SampleBadge />}</Text>
            </View>
          </View>
          {v.unverifiedSessions > 0 && (
            <Text className="month__unverified" data-testid="month-unverified">
              另有未核验 {v.unverifiedSessions} 节、{v.unverifiedPeriods} 课时、{v.unverifiedHours}{' '}
              小时：未扫签到码或不在范围内，不计入出勤、课时和补助
            </Text>
          )}
          <Text className="month__flags" data-testid="month-flags">
            迟到 {v.flags.late} · 早退 {v.flags.leftEarly} · 超出范围 {v.flags.outOfRange} · 未签退 {v.flags.capped} ·
            补卡 {v.flags.makeup}
            {v.makeupsLeft !== null && `（本月还可补卡 ${v.makeupsLeft} 次）`}
          </Text>
          {v.notes.map((n) => (
            <Text key={n} className="month__note">
              {n}
            </Text>
          ))}
          {v.lines.length === 0 && <StatusView empty emptyText="本月没有签到记录" />}
          {v.lines.map((l) => (
            <View key={l.recordId} className="month__line" data-testid="month-line">
              <Text className="month__line-head">
                {l.sessionDate} {l.slot} · {l.kindLabel} · {l.hostSchoolName}
              </Text>
              <Text className="month__line-body">
                签到 {l.clockIn?.slice(11) ?? '—'} · 签退 {l.clockOut?.slice(11) ?? '—'} · {l.minutes} 分钟 ·{' '}
                {l.periods} 课时{l.counted === 'unverified' ? '（未核验，不计入）' : ''}
                {l.flags.length ? `（${l.flags.join('、')}）` : ''}
              </Text>
              {l.presenceLabel && (
                <Text
                  className={`month__presence month__presence--${PRESENCE_CLASS[l.counted]}`}
                  data-testid="month-line-presence"
                >
                  {l.presenceLabel}
                  {l.presenceReason ? `：${l.presenceReason}` : ''}
                  {l.verifiedAt && l.verifiedAt !== l.clockIn ? `（${l.verifiedAt.slice(11)} 扫码核验）` : ''}
                </Text>
              )}
            </View>
          ))}
          {v.makeups.length > 0 && <Text className="month__heading">补卡申请</Text>}
          {v.makeups.map((m) => (
            <View key={m.id} className={`month__makeup month__makeup--${m.status}`} data-testid={`my-makeup-${m.id}`}>
              <Text className="month__line-head">
                {m.sessionDate} {m.slot} · {m.kindLabel} · {m.hostSchoolName}
              </Text>
              <Text className="month__line-body">
                原因：{m.reason}（申请于 {m.createdAt}）
              </Text>
              <Text className="month__makeup-status">
                {MAKEUP_STATUS[m.status]}
                {m.decidedAt ? `（${m.decidedAt}）` : ''}
                {m.comment ? `，意见：${m.comment}` : m.status === 'rejected' ? '，未填写意见' : ''}
              </Text>
            </View>
          ))}
          <ExportCsv exp={exp} label="导出本月 CSV" onExport={() => void exportCsv()} />
        </View>
      )}
    </View>
  );
}
