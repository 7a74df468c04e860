import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { call } from '@/services/call';
import { SUBSCRIBE_TEMPLATES, canSubscribe, requestSubscription } from '@/services/subscribe';
import { busyIf } from '../busy-props';
import '../action-card.scss';
import './index.scss';

export interface ReminderSwitchProps {
  reminders: { on: boolean; leadMinutes: number };
  onChanged: () => void;
}

const IN_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * 上课前提醒 on the teacher's home: whether it is on, and turning it on (WeChat asks for the subscribe
 * message inside the tap; each acceptance allows one message, so the button stays to accept more) or
 * off. The web version cannot receive subscribe messages: it says where it works.
 */
export default function ReminderSwitch({ reminders, onChanged }: ReminderSwitchProps) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const template = SUBSCRIBE_TEMPLATES.reminder;
  const save = async (on: boolean, text: string) => {
    setBusy(true);
    try {
      await call('duty', 'setReminders', { on });
      setNote(text);
      onChanged();
    } catch (e) {
      setNote((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  // Asked synchronously in the tap (WeChat shows the dialog nowhere else); only the answer is awaited.
  const turnOn = () =>
    void requestSubscription(template).then((outcome) =>
      outcome === 'accept'
        ? save(
            true,
            `已开启：每节课前 ${reminders.leadMinutes} 分钟通过微信提醒。微信每次允许发送一条，收到后可再点一次继续接收。`,
          )
        : setNote(
            outcome === 'off'
              ? '提醒已在微信设置中关闭，请在“设置 → 订阅消息”中打开后再试。'
              : '未开启提醒，需要时可再点按钮。',
          ),
    );
  return (
    <View className="action-card reminder-switch" data-testid="reminder-switch" data-on={reminders.on ? 'on' : 'off'}>
      <Text className="reminder-switch__state" data-testid="reminder-state">
        上课前提醒：{reminders.on ? `已开启（课前 ${reminders.leadMinutes} 分钟）` : '未开启'}
      </Text>
      {!IN_WEAPP && (
        <Text className="reminder-switch__hint">提醒通过微信订阅消息发送：请在微信小程序“学区通”中开启。</Text>
      )}
      {IN_WEAPP && canSubscribe(template) && (
        <Button
          className="reminder-switch__button"
          type="primary"
          data-testid="reminder-on"
          {...busyIf(busy)}
          onClick={turnOn}
        >
          {reminders.on ? '继续接收提醒' : `开启课前 ${reminders.leadMinutes} 分钟提醒`}
        </Button>
      )}
      {IN_WEAPP && !canSubscribe(template) && (
        <Text className="reminder-switch__hint">提醒模板尚未配置，请联系管理员。</Text>
      )}
      {reminders.on && (
        <Button
          className="reminder-switch__button"
          data-testid="reminder-off"
          {...busyIf(busy)}
          onClick={() => void save(false, '已关闭上课前提醒。')}
        >
          关闭提醒
        </Button>
      )}
      {note && (
        <Text className="reminder-switch__note" data-testid="reminder-note">
          {note}
        </Text>
      )}
    </View>
  );
}
