import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { canSubscribe, requestSubscription, type SubscribeOutcome } from '@/services/subscribe';
import '../action-card.scss';
import './index.scss';

export interface SubscribePromptProps {
  /** The subscribe-message template to ask for; nothing is shown when it is not configured or on H5. */
  templateId: string;
  /** The button, e.g. 接收审批提醒. */
  label: string;
  /** What the reminder is for, in one line. */
  hint: string;
}

const OUTCOME: Record<SubscribeOutcome, string> = {
  accept: '已开启：下一条提醒会通过微信发给您。微信每次开启只发一条，收到后可再点开启。',
  reject: '未开启提醒。需要时可再点上面的按钮。',
  off: '提醒已在微信中关闭：点“去设置”，在“订阅消息”中打开后再点上面的按钮。',
  failed: '暂时无法开启提醒，请稍后再试。',
};

/** Asks for a subscribe message from a tap (WeChat shows the dialog nowhere else), and says what happened. */
export default function SubscribePrompt({ templateId, label, hint }: SubscribePromptProps) {
  const [outcome, setOutcome] = useState<SubscribeOutcome | null>(null);
  if (!canSubscribe(templateId)) return null;
  // The request is made synchronously in the tap handler; only its answer is awaited.
  const ask = () => void requestSubscription(templateId).then(setOutcome);
  return (
    <View className="action-card subscribe-prompt" data-testid="subscribe-prompt">
      <Text className="subscribe-prompt__hint">{hint}</Text>
      <Button className="subscribe-prompt__button" size="mini" type="primary" data-testid="subscribe" onClick={ask}>
        {label}
      </Button>
      {outcome && (
        <Text
          className={`subscribe-prompt__outcome subscribe-prompt__outcome--${outcome}`}
          data-testid="subscribe-outcome"
        >
          {OUTCOME[outcome]}
        </Text>
      )}
      {outcome === 'off' && (
        <Button
          className="subscribe-prompt__button"
          size="mini"
          data-testid="subscribe-settings"
          onClick={() => void Taro.openSetting({ withSubscriptions: true })}
        >
          去设置
        </Button>
      )}
    </View>
  );
}
