import { Text, View } from '@tarojs/components';
import type { StageAnswer } from '@/domain/answer';
import { useElderMode } from '@/hooks/use-elder-mode';
import { plainText } from '@/services/plain-wording';
import './index.scss';

export interface StageAnswersProps {
  /** One answer per stage, primary first. */
  answers: StageAnswer[];
}

/** 小学 / 初中 in one sentence each: the mechanism, the school or the set, or who decides. */
export default function StageAnswers({ answers }: StageAnswersProps) {
  const { say } = useElderMode();
  const plain = (text: string) => say(text, plainText(text));
  return (
    <View className="stage-answers" data-testid="stage-answers">
      {answers.map((a) => (
        <View key={a.stage} className="stage-answers__item" data-testid={`answer-${a.stage}`}>
          <View className="stage-answers__head">
            <Text className="stage-answers__stage">{a.stageLabel}</Text>
            <Text className="stage-answers__mechanism">{plain(a.mechanismLabel)}</Text>
          </View>
          <Text className="stage-answers__statement">{plain(a.statement)}</Text>
          {a.alternatives.map((alt) => (
            <View key={alt.condition} className="stage-answers__alt">
              <Text className="stage-answers__condition">如果{plain(alt.condition)}：</Text>
              <Text>{plain(alt.statement)}</Text>
            </View>
          ))}
          {a.decidedBy && (
            <Text className="stage-answers__who">
              {say(`最终以${a.decidedBy}公布和确认为准`, `最后要看${a.decidedBy}公布的结果。`)}
            </Text>
          )}
        </View>
      ))}
    </View>
  );
}
