import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ClockResult, SessionView } from '@/contracts/duty';
import { useCall } from '@/hooks/use-call';
import { call, CallError } from '@/services/call';
import { currentLocation, LocationError } from '@/services/location';
import { newRequestId } from '@/services/request-id';
import DutySession from '@/components/duty-session';
import EntryLinks from '@/components/entry-links';
import LocationHelp from '@/components/location-help';
import SampleBadge from '@/components/sample-badge';
import FieldWorkForm from '@/components/field-work-form';
import ReminderSwitch from '@/components/reminder-switch';
import StatusView from '@/components/status-view';
import VerifyLater from '@/components/verify-later';
import PresenceCodeInput, { CAN_SCAN, readPresenceCode } from '@/components/presence-code';
import './index.scss';
import { busyIf } from '@/components/busy-props';

type Action = 'clockIn' | 'clockOut';
const VERB: Record<Action, string> = { clockIn: '签到', clockOut: '签退' };
const MAKEUP_STATUS = { pending: '补卡审批中', approved: '补卡已同意', rejected: '补卡已驳回' } as const;

const sessionLabel = (s: SessionView) => `${s.kindLabel} · ${s.hostSchoolName} ${s.slotStart}–${s.slotEnd}`;

/** 今日任务: clock in and out at the host school (server time, distance checked), sessions, 补卡. */
export default function TeacherHomePage() {
  const today = useCall('duty', 'today', {});
  const [busy, setBusy] = useState(false);
  // Set synchronously: a second tap arriving before React re-renders the disabled button sends nothing.
  const inFlight = useRef(false);
  // One request id per intent (签到 or 签退 of one session), not per tap: a forced second tap or a retry
  // is the same request, and the server answers it with the first result and its warnings.
  const requestIds = useRef(new Map<string, string>());
  const [outcome, setOutcome] = useState<{ text: string; warnings: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The position could not be read: explained, with 去设置 when location was refused. */
  const [noLocation, setNoLocation] = useState<LocationError | null>(null);
  /** The 6 digits typed where scanning is not available. */
  const [typedCode, setTypedCode] = useState('');
  useDidShow(() => void today.reload());
  usePullDownRefresh(() => void today.reload().finally(() => Taro.stopPullDownRefresh()));

  const idFor = (intent: string) => {
    let id = requestIds.current.get(intent);
    if (!id) requestIds.current.set(intent, (id = newRequestId()));
    return id;
  };

  const send = async (
    action: Action,
    s: SessionView,
    confirmEarlyLeave: boolean,
    presenceCode?: string,
    fieldNote?: string,
  ): Promise<ClockResult> => {
    const location = await currentLocation();
    // A refused code writes nothing, so a second try with another code may reuse the intent's id.
    const requestId = idFor(`${action}:${s.key}`);
    return action === 'clockIn'
      ? call('duty', 'clockIn', {
          requestId,
          location,
          dutyId: s.dutyId,
          ...(presenceCode ? { presenceCode } : {}),
          ...(fieldNote !== undefined ? { fieldNote } : {}),
        })
      : call('duty', 'clockOut', { requestId, location, ...(confirmEarlyLeave ? { confirmEarlyLeave: true } : {}) });
  };

  /** 扫码签到: the camera on weapp, the typed digits elsewhere. A cancelled scan sends nothing. */
  const scanAndClockIn = async (s: SessionView) => {
    if (inFlight.current) return;
    const read = await readPresenceCode(typedCode);
    if ('problem' in read) {
      setError(read.problem);
      return;
    }
    return clock('clockIn', s, read.code);
  };

  /** fieldNote: 外勤签到 with its note (the server refuses an empty one, naming the field). */
  const clock = async (action: Action, s: SessionView, presenceCode?: string, fieldNote?: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setNoLocation(null);
    try {
      let r: ClockResult;
      try {
        r = await send(action, s, false, presenceCode, fieldNote);
      } catch (e) {
        // 签退 long before the end: the server names the minutes; the teacher confirms or stays.
        if (!(e instanceof CallError) || e.code !== 'CONFIRM_EARLY_LEAVE') throw e;
        const answer = await Taro.showModal({
          title: '确认签退',
          content: e.message,
          confirmText: '确认签退',
          cancelText: '暂不签退',
        });
        if (!answer.confirm) return;
        r = await send(action, s, true);
      }
      setOutcome({
        text: `${VERB[action]}成功：${r.at}，距${r.hostSchoolName} ${r.distanceM} 米${r.pass ? '（在范围内）' : '（超出范围）'}，${r.presenceLabel}`,
        warnings: r.warnings,
      });
      if (action === 'clockIn') setTypedCode('');
    } catch (e) {
      if (e instanceof LocationError) setNoLocation(e);
      else if (e instanceof CallError && (e.code === 'ALREADY_CLOCKED_IN' || e.code === 'ALREADY_CLOCKED_OUT')) {
        // Already done (another device, an old page): a fact, not a failure; a shown success stays.
        setOutcome((shown) => shown ?? { text: e.message, warnings: [] });
      } else setError((e as Error).message);
    } finally {
      inFlight.current = false;
      setBusy(false);
      void today.reload();
    }
  };

  const t = today.data;
  if (!t) return <StatusView loading={today.loading} error={today.error} onRetry={today.reload} />;
  const card = t.card;
  return (
    <View className="teacher">
      <View className="teacher__clock" data-testid="clock-panel" data-state={card.state}>
        <Text className="teacher__time">服务器时间 {t.serverTime}</Text>
        {card.state === 'out' && card.sessions[0] && (
          <View>
            <Text className="teacher__hint">已签到，待签退：{sessionLabel(card.sessions[0])}</Text>
            {card.sessions[0].record?.clockInAt && (
              <Text className="teacher__sub">签到时间 {card.sessions[0].record.clockInAt}</Text>
            )}
            {card.sessions[0].record && (
              <Text
                className={`teacher__presence teacher__presence--${card.sessions[0].record.verified ? 'ok' : 'no'}`}
                data-testid="clock-presence"
              >
                {card.sessions[0].record.presenceLabel}
                {card.sessions[0].record.presenceReason
                  ? `：${card.sessions[0].record.presenceReason}（不计入交流工时统计）`
                  : ''}
              </Text>
            )}
            <VerifyLater session={card.sessions[0]} serverTime={t.serverTime} onDone={() => void today.reload()} />
            <Button
              className="teacher__button"
              type="warn"
              data-testid="clock-out"
              {...busyIf(busy)}
              onClick={() => void clock('clockOut', card.sessions[0])}
            >
              签退
            </Button>
          </View>
        )}
        {card.state === 'in' && (
          <View>
            {card.message && (
              <Text className="teacher__hint" data-testid="clock-choose">
                {card.message}
              </Text>
            )}
            {!CAN_SCAN && (
              <View className="teacher__code">
                <Text className="teacher__sub">网页版不能扫码：请输入任务学校签到码下方的 6 位数字</Text>
                <PresenceCodeInput testId="presence-code-input" value={typedCode} onInput={setTypedCode} />
              </View>
            )}
            {card.sessions.map((s) => {
              const many = card.sessions.length > 1;
              return (
                <View key={s.key} className="teacher__choice">
                  <Text className="teacher__hint">可签到：{sessionLabel(s)}</Text>
                  <Button
                    className="teacher__button"
                    type="primary"
                    data-testid={many ? `clock-in-scan-${s.dutyId}` : 'clock-in-scan'}
                    {...busyIf(busy)}
                    onClick={() => void scanAndClockIn(s)}
                  >
                    {CAN_SCAN ? '扫码签到' : '提交签到码并签到'}
                    {many ? `：${s.kindLabel}` : ''}
                  </Button>
                  <Button
                    className="teacher__button"
                    data-testid={many ? `clock-in-${s.dutyId}` : 'clock-in'}
                    {...busyIf(busy)}
                    onClick={() => void clock('clockIn', s)}
                  >
                    {many ? `不扫码签到：${s.kindLabel}` : '不扫码签到'}（记为未核验）
                  </Button>
                  <FieldWorkForm
                    suffix={many ? s.dutyId : undefined}
                    busy={busy}
                    onSubmit={(note) => void clock('clockIn', s, undefined, note)}
                  />
                </View>
              );
            })}
          </View>
        )}
        {card.state === 'done' && (
          <View data-testid="clock-done">
            <Text className="teacher__hint">{card.message}</Text>
            {card.sessions[0]?.record && (
              <Text className="teacher__sub">
                签到 {card.sessions[0].record.clockInAt?.slice(11) ?? '—'} · 签退{' '}
                {card.sessions[0].record.clockOutAt?.slice(11) ?? '—'}
              </Text>
            )}
            {card.sessions[0] && (
              <VerifyLater session={card.sessions[0]} serverTime={t.serverTime} onDone={() => void today.reload()} />
            )}
          </View>
        )}
        {(card.state === 'none' || card.state === 'refused') && (
          <Text className="teacher__hint" data-testid="clock-none">
            {card.message}
          </Text>
        )}
        {outcome && (
          <View className="teacher__outcome" data-testid="clock-outcome">
            <Text>{outcome.text}</Text>
            {outcome.warnings.map((w) => (
              <Text key={w} className="teacher__warning">
                {w}
              </Text>
            ))}
          </View>
        )}
        {error && (
          <Text className="teacher__error" data-testid="clock-error">
            {error}
          </Text>
        )}
        {noLocation && (
          <LocationHelp
            problem={noLocation.problem}
            message={noLocation.message}
            onAllowed={() => {
              setNoLocation(null);
              setOutcome({ text: '已允许使用位置，请再点一次签到或签退。', warnings: [] });
            }}
          />
        )}
      </View>

      {/* Absent from a function deployed before the app (the switch appears once it is updated). */}
      {t.reminders && <ReminderSwitch reminders={t.reminders} onChanged={() => void today.reload()} />}

      <EntryLinks
        links={[
          { label: '我的交流申请', url: '/packages/teacher/pages/requests/index', testId: 'open-requests' },
          {
            label: '本月工时、补助与补卡',
            url: `/packages/teacher/pages/month/index?month=${t.serverTime.slice(0, 7)}`,
            testId: 'open-month',
          },
        ]}
      />

      <Text className="teacher__heading">今天和未来一周</Text>
      {t.sessions.length === 0 && <StatusView empty emptyText="未来一周没有安排" />}
      {t.sessions.map((s) => (
        <DutySession key={s.key} session={s} />
      ))}

      {t.missed.length > 0 && <Text className="teacher__heading">缺少签到记录（可申请补卡）</Text>}
      {t.missed.map((s) => (
        <DutySession key={s.key} session={s}>
          {s.makeup ? (
            <View
              className={`teacher__makeup teacher__makeup--${s.makeup.status}`}
              data-testid={`makeup-status-${s.key}`}
            >
              <Text>
                {MAKEUP_STATUS[s.makeup.status]}
                {s.makeup.comment ? `，意见：${s.makeup.comment}` : ''}
              </Text>
              {s.makeup.status === 'rejected' && (
                <Text className="teacher__sub">已驳回的补卡不能再次申请，如有异议请与任务学校联系</Text>
              )}
            </View>
          ) : (
            <Text
              className="teacher__link"
              data-testid={`makeup-${s.key}`}
              onClick={() =>
                void Taro.navigateTo({
                  url: `/packages/teacher/pages/makeup/index?dutyId=${s.dutyId}&date=${s.sessionDate}&start=${s.slotStart}&label=${encodeURIComponent(`${s.kindLabel} ${s.hostSchoolName} ${s.sessionDate} ${s.slotStart}–${s.slotEnd}`)}`,
                })
              }
            >
              申请补卡 ›
            </Text>
          )}
        </DutySession>
      ))}

      <Text className="teacher__heading">我的交流任务</Text>
      {t.duties.length === 0 && <StatusView empty emptyText="暂无已批准的交流任务" />}
      {t.duties.map((d) => (
        <View key={d.id} className="teacher__duty">
          <Text className="teacher__duty-title">
            {d.kindLabel}：{d.homeSchoolName} → {d.hostSchoolName}
            {d.sample && <SampleBadge />}
          </Text>
          <Text className="teacher__duty-line">
            {d.termStart} 至 {d.termEnd}
          </Text>
          {d.schedule.map((line) => (
            <Text key={line} className="teacher__duty-line">
              {line}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
