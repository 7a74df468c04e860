import { useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { AttendanceRowView } from '@/contracts/duty';
import { useCall } from '@/hooks/use-call';
import { useAction } from '@/hooks/use-action';
import SampleBadge from '@/components/sample-badge';
import StatusView from '@/components/status-view';
import SubscribePrompt from '@/components/subscribe-prompt';
import { SUBSCRIBE_TEMPLATES } from '@/services/subscribe';
import { call } from '@/services/call';
import { busyIf } from '@/components/busy-props';
import { FIELD_COMMENT_MAX } from '@/domain/duty/field-work';
import { DATE_RE, addDays } from '@/domain/time';
import './index.scss';

/**
 * 外勤: the teacher's note, and the principal's confirmation with a comment (then the session counts,
 * like an approved 补卡). The comment is required; the server names the field when it is missing.
 */
function FieldWork({ r, onChanged }: { r: AttendanceRowView; onChanged: () => void }) {
  const [comment, setComment] = useState('');
  const action = useAction();
  const f = r.fieldWork!;
  const confirm = () =>
    action.run('confirm', async () => {
      await call('duty', 'confirmFieldWork', { recordId: r.recordId!, comment });
      onChanged();
    });
  return (
    <View className="attendance__field" data-testid="attendance-field-work">
      <Text className="attendance__line">外勤说明：{f.note}</Text>
      {f.confirmed ? (
        <Text className="attendance__line" data-testid="attendance-field-confirmed">
          已确认（{f.confirmedByName ?? ''} {f.confirmedAt?.slice(5) ?? ''}）：{f.comment}
        </Text>
      ) : (
        <View>
          <Input
            className="attendance__input"
            data-testid="attendance-field-comment"
            aria-label="确认意见"
            placeholder="确认意见（必填），如：情况属实"
            maxlength={FIELD_COMMENT_MAX}
            value={comment}
            onInput={(e) => setComment(String(e.detail.value))}
          />
          <Button
            className="attendance__confirm"
            type="primary"
            data-testid="attendance-field-confirm"
            {...busyIf(action.busy !== null)}
            onClick={() => void confirm()}
          >
            确认外勤（计入交流工时统计）
          </Button>
          {action.error && (
            <Text className="attendance__error" data-testid="attendance-field-error">
              {action.error}
            </Text>
          )}
        </View>
      )}
    </View>
  );
}

function Row({ r, onChanged }: { r: AttendanceRowView; onChanged: () => void }) {
  const flagged = r.exceptions.length > 0;
  return (
    <View
      className={`attendance__row${flagged ? ' attendance__row--flagged' : ''}`}
      data-testid={`attendance-row-${r.key}`}
    >
      <View className="attendance__head">
        <Text className="attendance__who">
          {r.teacherName}
          {r.sample && <SampleBadge />}
        </Text>
        <Text className="attendance__state">{r.state}</Text>
      </View>
      <Text className="attendance__line">
        {r.slot} · {r.kindLabel} · 派出学校：{r.homeSchoolName}
      </Text>
      <Text className="attendance__line">
        签到 {r.clockIn?.slice(11) ?? '—'} · 签退 {r.clockOut?.slice(11) ?? '—'} · 计入 {r.minutes} 分钟 ·{' '}
        {r.unverifiedPeriods > 0 ? `${r.unverifiedPeriods} 课时待核验` : `${r.periods} 课时`}
        {r.makeup ? ' · 补卡' : ''}
      </Text>
      {r.presenceLabel && (
        <Text
          className={`attendance__line attendance__presence${r.verified ? '' : ' attendance__presence--no'}`}
          data-testid="attendance-presence"
        >
          {r.presenceLabel}
        </Text>
      )}
      {flagged && (
        <Text className="attendance__exceptions" data-testid="attendance-exceptions">
          {r.exceptions.join('；')}
        </Text>
      )}
      {r.fieldWork && r.recordId && <FieldWork r={r} onChanged={onChanged} />}
    </View>
  );
}

/** 交流教师考勤: the visiting teachers' sessions at the principal's school on a day, exceptions first (China time). */
export default function AttendancePage() {
  const { params } = useRouter();
  // No date: the server's today in China, whatever the phone's clock says.
  const [date, setDate] = useState<string | null>(params.date && DATE_RE.test(params.date) ? params.date : null);
  const view = useCall('duty', 'attendance', date ? { date } : {});
  useDidShow(() => void view.reload());
  usePullDownRefresh(() => void view.reload().finally(() => Taro.stopPullDownRefresh()));
  const v = view.data;
  const shown = date ?? v?.date ?? null;
  const exceptions = v?.rows.filter((r) => r.exceptions.length > 0) ?? [];
  const others = v?.rows.filter((r) => r.exceptions.length === 0) ?? [];

  return (
    <View className="attendance">
      <View className="attendance__bar">
        <Text
          className="attendance__nav"
          data-testid="attendance-prev"
          onClick={() => shown && setDate(addDays(shown, -1))}
        >
          ‹ 前一天
        </Text>
        <Picker mode="date" value={shown ?? ''} onChange={(e) => setDate(String(e.detail.value))}>
          <Text
            className="attendance__title"
            data-testid="attendance-date"
          >{`${shown ?? '今天'}${v && shown === v.serverTime.slice(0, 10) ? '（今天）' : ''}`}</Text>
        </Picker>
        <Text
          className="attendance__nav"
          data-testid="attendance-next"
          onClick={() => shown && setDate(addDays(shown, 1))}
        >
          后一天 ›
        </Text>
      </View>
      <StatusView loading={view.loading && !v} error={view.error} onRetry={view.reload} />
      {v && (
        <View>
          <Text className="attendance__summary" data-testid="attendance-summary">
            {v.schoolName}：{v.rows.length} 节交流任务，{v.exceptionCount} 节需要关注（北京时间，更新于{' '}
            {v.serverTime.slice(11)}）
          </Text>
          <Text
            className="attendance__link"
            data-testid="attendance-presence-code"
            onClick={() => void Taro.navigateTo({ url: '/packages/principal/pages/presence/index' })}
          >
            打开本校签到码（交流教师扫码签到）›
          </Text>
          {v.pendingMakeups > 0 && (
            <Text
              className="attendance__link"
              data-testid="attendance-makeups"
              onClick={() =>
                void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/principal/pages/home/index' }))
              }
            >
              有 {v.pendingMakeups} 条补卡申请待审批 ›
            </Text>
          )}
          <SubscribePrompt
            templateId={SUBSCRIBE_TEMPLATES.attendance}
            label="接收考勤提醒"
            hint="交流教师迟到、早退或不在范围内签到签退时，通过微信提醒您。"
          />
          {v.rows.length === 0 && <StatusView empty emptyText="这一天没有交流教师的任务安排" />}
          {exceptions.length > 0 && <Text className="attendance__heading">需要关注</Text>}
          {exceptions.map((r) => (
            <Row key={r.key} r={r} onChanged={() => void view.reload()} />
          ))}
          {others.length > 0 && <Text className="attendance__heading">其他</Text>}
          {others.map((r) => (
            <Row key={r.key} r={r} onChanged={() => void view.reload()} />
          ))}
        </View>
      )}
    </View>
  );
}
