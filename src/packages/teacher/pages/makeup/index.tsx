import { useMemo, useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/call';
import { newRequestId } from '@/services/request-id';
import './index.scss';
import { busyIf } from '@/components/busy-props';

/** 补卡申请: a reason for a missed session; the host school's principal decides. */
export default function MakeupPage() {
  const { params } = useRouter();
  const requestId = useMemo(newRequestId, []);
  const [reason, setReason] = useState('');
  const action = useAction();
  const [sent, setSent] = useState(false);

  const submit = () =>
    action.run('send', async () => {
      await call('duty', 'requestMakeup', {
        requestId,
        dutyId: params.dutyId ?? '',
        sessionDate: params.date ?? '',
        slotStart: params.start ?? '',
        reason: reason.trim(),
      });
      setSent(true);
      // The result is worth a subscribe prompt at this moment (mini-program only).
      if (process.env.TARO_ENV === 'weapp') void Taro.showToast({ title: '已提交', icon: 'success' });
    });

  return (
    <View className="makeup">
      <Text className="makeup__what">{decodeURIComponent(params.label ?? '')}</Text>
      {sent ? (
        <View>
          <Text className="makeup__sent" data-testid="makeup-sent">
            已提交补卡申请，状态：待审批。任务学校校长处理后，可在“本月工时、补助与补卡”中查看结果和意见。
          </Text>
          <Text
            className="makeup__link"
            data-testid="makeup-progress"
            onClick={() =>
              void Taro.redirectTo({
                url: `/packages/teacher/pages/month/index?month=${(params.date ?? '').slice(0, 7)}`,
              })
            }
          >
            查看补卡进度 ›
          </Text>
        </View>
      ) : (
        <View>
          <Textarea
            className="makeup__reason"
            data-testid="makeup-reason"
            value={reason}
            placeholder="补卡原因（必填，如：手机没电未能签到）"
            maxlength={200}
            onInput={(e) => setReason(e.detail.value)}
          />
          {action.error && (
            <Text className="makeup__error" data-testid="makeup-error">
              {action.error}
            </Text>
          )}
          <Button
            type="primary"
            data-testid="makeup-submit"
            {...busyIf(action.busy !== null)}
            onClick={() => void submit()}
          >
            提交申请
          </Button>
        </View>
      )}
    </View>
  );
}
