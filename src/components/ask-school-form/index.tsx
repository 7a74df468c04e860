import { useMemo, useState } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { ADDRESS_MAX, type SchoolRef } from '@/contracts/school';
import { useCall } from '@/hooks/use-call';
import { useAction } from '@/hooks/use-action';
import { call, type CallError } from '@/services/call';
import { newRequestId } from '@/services/request-id';
import { useElderMode } from '@/hooks/use-elder-mode';
import { PLAIN } from '@/services/plain-wording';
import './index.scss';
import { busyIf } from '../busy-props';
import { TEXT_MAX } from '@/contracts/fields';

export interface AskSchoolFormProps {
  districtCode: string;
  communityCode?: string;
  /** The address the parent typed; prefilled, editable. */
  address: string;
  /** Candidate schools to ask (several matched, or the 学区's schools). */
  schools: SchoolRef[];
}

/**
 * 请学校确认: the parent leaves a contact; only this request keeps the address they choose to send.
 * Sending needs a signed-in caller: a visitor is told so before filling anything in, goes to 我的 to sign
 * in, and finds the same answer and form on coming back (the lookup is in the URL; sign-in is re-checked
 * when the page shows again).
 */
export default function AskSchoolForm(props: AskSchoolFormProps) {
  const { say } = useElderMode();
  const me = useCall('account', 'me', {});
  useDidShow(() => {
    if (me.error?.code === 'UNAUTHENTICATED') void me.reload();
  });
  // One id per form: a double tap or a retry after a lost answer is stored once.
  const requestId = useMemo(newRequestId, []);
  const [schoolId, setSchoolId] = useState(props.schools[0]?.id ?? '');
  const [address, setAddress] = useState(props.address);
  const [contactName, setContactName] = useState('');
  const [phone, setPhone] = useState('');
  const [question, setQuestion] = useState('');
  const action = useAction();
  const [sent, setSent] = useState(false);

  const submit = () =>
    action.run('send', async () => {
      try {
        await call('school', 'askSchool', {
          requestId,
          districtCode: props.districtCode,
          ...(schoolId ? { schoolId } : {}),
          ...(props.communityCode ? { communityCode: props.communityCode } : {}),
          address: address.trim(),
          contactName: contactName.trim(),
          phone: phone.trim(),
          ...(question.trim() ? { question: question.trim() } : {}),
        });
      } catch (e) {
        // Signed out meanwhile: say where to sign in rather than the server's wording.
        throw (e as CallError).code === 'UNAUTHENTICATED'
          ? new Error('请先登录（本地演示：在“我的”中选择家长身份）')
          : e;
      }
      setSent(true);
    });

  if (me.error?.code === 'UNAUTHENTICATED' && !sent) {
    return (
      <View className="ask-form" data-testid="ask-sign-in">
        <Text className="ask-form__title">{say(...PLAIN.askTitle)}</Text>
        <Text className="ask-form__hint">{say(...PLAIN.askSignIn)}</Text>
        <Button
          className="ask-form__submit"
          data-testid="ask-sign-in-go"
          type="primary"
          onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}
        >
          {say(...PLAIN.askSignInGo)}
        </Button>
      </View>
    );
  }
  if (sent) {
    return (
      <View className="ask-form ask-form--sent" data-testid="ask-sent">
        <Text>{say(...PLAIN.askSent)}</Text>
      </View>
    );
  }
  return (
    <View className="ask-form" data-testid="ask-form">
      <Text className="ask-form__title">{say(...PLAIN.askTitle)}</Text>
      <Text className="ask-form__hint">{say(...PLAIN.askHint)}</Text>
      {props.schools.length > 0 && (
        <View className="ask-form__schools">
          {props.schools.map((s) => (
            <Text
              key={s.id}
              data-testid={`ask-school-${s.id}`}
              className={`ask-form__school ${s.id === schoolId ? 'ask-form__school--on' : ''}`}
              onClick={() => setSchoolId(s.id)}
            >
              {s.name}
            </Text>
          ))}
        </View>
      )}
      <Input
        className="ask-form__input"
        data-testid="ask-address"
        value={address}
        placeholder={say('住址（如：互助道32号）', '家里住址，比如：互助道32号')}
        maxlength={ADDRESS_MAX}
        onInput={(e) => setAddress(e.detail.value)}
      />
      <Input
        className="ask-form__input"
        data-testid="ask-name"
        value={contactName}
        placeholder={say('联系人', '您怎么称呼')}
        maxlength={TEXT_MAX.contactName}
        onInput={(e) => setContactName(e.detail.value)}
      />
      <Input
        className="ask-form__input"
        data-testid="ask-phone"
        type="number"
        value={phone}
        placeholder={say('手机号', '您的手机号（11位）')}
        maxlength={11}
        onInput={(e) => setPhone(e.detail.value)}
      />
      <Textarea
        className="ask-form__textarea"
        data-testid="ask-question"
        value={question}
        placeholder={say('想确认的问题（可选）', '想问学校什么（可以不写）')}
        maxlength={TEXT_MAX.question}
        onInput={(e) => setQuestion(e.detail.value)}
      />
      {action.error && (
        <Text className="ask-form__error" data-testid="ask-error">
          {action.error}
        </Text>
      )}
      <Button
        className="ask-form__submit"
        data-testid="ask-submit"
        type="primary"
        {...busyIf(action.busy !== null)}
        onClick={() => void submit()}
      >
        {say(...PLAIN.askSubmit)}
      </Button>
    </View>
  );
}
