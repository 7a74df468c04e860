import { Picker, Text, View } from '@tarojs/components';
import type { FamilyFacts, FamilyQuestion } from '@/domain/admission';
import { useElderMode } from '@/hooks/use-elder-mode';
import { PLAIN, plainText } from '@/services/plain-wording';
import './index.scss';

export interface FamilyQuestionsProps {
  /** What the district's rules need to know to answer for this family (empty: nothing to ask). */
  questions: FamilyQuestion[];
  /** What the parent already told (shown so it can be changed). */
  facts: FamilyFacts;
  /** Called with one more fact, or with the key and undefined to take it back. */
  onAnswer<K extends keyof FamilyFacts>(key: K, value: FamilyFacts[K] | undefined): void;
}

const yesNo = (v: boolean | undefined) => (v === undefined ? '' : v ? '是' : '否');

/** 还需要了解: one question per district rule that would change the answer; nothing is stored. */
export default function FamilyQuestions({ questions, facts, onAnswer }: FamilyQuestionsProps) {
  const { say } = useElderMode();
  const told = (Object.keys(facts) as Array<keyof FamilyFacts>).filter((k) => facts[k] !== undefined);
  if (questions.length === 0 && told.length === 0) return null;
  return (
    <View className="family-q" data-testid="family-questions">
      {questions.length > 0 && <Text className="family-q__title">{say(...PLAIN.familyTitle)}</Text>}
      {questions.map((q) => (
        <View key={q.key} className="family-q__item" data-testid={`question-${q.key}`}>
          <Text className="family-q__label">{say(q.label, plainText(q.label))}</Text>
          <Text className="family-q__why">{say(q.why, plainText(q.why))}</Text>
          {q.kind === 'date' ? (
            <Picker
              mode="date"
              value="2020-01-01"
              start="1990-01-01"
              end="2100-12-31"
              onChange={(e) => onAnswer(q.key, String(e.detail.value) as never)}
            >
              <Text className="family-q__chip" data-testid={`answer-${q.key}-date`}>
                {say(...PLAIN.familyDate)}
              </Text>
            </Picker>
          ) : (
            <View className="family-q__row">
              <Text
                className="family-q__chip"
                data-testid={`answer-${q.key}-yes`}
                onClick={() => onAnswer(q.key, true)}
              >
                是
              </Text>
              <Text
                className="family-q__chip"
                data-testid={`answer-${q.key}-no`}
                onClick={() => onAnswer(q.key, false)}
              >
                否
              </Text>
            </View>
          )}
        </View>
      ))}
      {told.map((k) => (
        <View key={k} className="family-q__told" data-testid={`told-${k}`}>
          <Text>
            {k === 'homeAcquired'
              ? `房产取得日期：${facts.homeAcquired}`
              : k === 'placeUsedRecently'
                ? `地址名额已使用：${yesNo(facts.placeUsedRecently)}`
                : `户籍在该地址：${yesNo(facts.hukouAtAddress)}`}
          </Text>
          <Text className="family-q__change" onClick={() => onAnswer(k, undefined)}>
            {say(...PLAIN.familyChange)}
          </Text>
        </View>
      ))}
    </View>
  );
}
