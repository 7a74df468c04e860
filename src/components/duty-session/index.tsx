import { Text, View } from '@tarojs/components';
import type { SessionView } from '@/contracts/duty';
import './index.scss';

export interface DutySessionProps {
  session: SessionView;
  /** An action under the card (签到 / 签退 / 申请补卡). */
  children?: React.ReactNode;
}

const STATUS: Record<SessionView['status'], string> = { upcoming: '未开始', open: '可签到', past: '已结束' };

/** What the session's label says: a recorded 签到 / 签退 wins over the window (never 可签到 once clocked in). */
export function sessionState(s: SessionView): { label: string; modifier: string } {
  const r = s.record;
  if (r?.clockOutAt) return { label: r.makeup ? '已补卡' : '已完成', modifier: 'done' };
  if (r?.clockInAt)
    return s.status === 'past' ? { label: '未签退', modifier: 'past' } : { label: '已签到，待签退', modifier: 'in' };
  return { label: STATUS[s.status], modifier: s.status };
}

/** One scheduled session of a duty: when, where, and what was recorded for it. */
export default function DutySession({ session: s, children }: DutySessionProps) {
  const r = s.record;
  const flags = r
    ? [
        r.late && '迟到',
        r.leftEarly && '早退',
        !r.inPass && '签到超出范围',
        r.outPass === false && '签退超出范围',
        r.makeup && '补卡',
      ].filter(Boolean)
    : [];
  const state = sessionState(s);
  return (
    <View className={`duty-session duty-session--${state.modifier}`} data-testid={`session-${s.key}`}>
      <View className="duty-session__head">
        <Text className="duty-session__when">
          {s.today ? '今天' : `${s.sessionDate.slice(5).replace('-', '月')}日 ${s.weekdayLabel}`} {s.slotStart}–
          {s.slotEnd}
        </Text>
        <Text className="duty-session__status" data-testid={`session-state-${s.key}`}>
          {state.label}
        </Text>
      </View>
      <Text className="duty-session__what">
        {s.kindLabel} · {s.hostSchoolName} · {s.periods}节
      </Text>
      {r && (
        <Text className="duty-session__record">
          签到 {r.clockInAt?.slice(11) ?? '—'} · 签退 {r.clockOutAt?.slice(11) ?? '—'}
          {flags.length > 0 && `（${flags.join('、')}）`}
        </Text>
      )}
      {r?.clockInAt && (
        <Text
          className={`duty-session__presence duty-session__presence--${r.verified ? 'ok' : 'no'}`}
          data-testid={`session-presence-${s.key}`}
        >
          {r.fieldWork
            ? `${r.presenceLabel}：${r.fieldWork.note}`
            : `${r.presenceLabel}${r.presenceReason ? `：${r.presenceReason}` : ''}`}
        </Text>
      )}
      {r?.fieldWork && (
        <Text className="duty-session__field" data-testid={`session-field-${s.key}`}>
          {r.fieldWork.confirmed
            ? `任务学校${r.fieldWork.confirmedByName ?? ''}已确认（${r.fieldWork.confirmedAt?.slice(5) ?? ''}）${r.fieldWork.comment ? `：${r.fieldWork.comment}` : ''}`
            : '待任务学校确认，确认前不计入交流工时统计'}
        </Text>
      )}
      {children}
    </View>
  );
}
