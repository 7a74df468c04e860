import { Text, View } from '@tarojs/components';
import type { EnrolmentAssessment, TimelineStatus } from '@/domain/enrolment/types';
import { dateSpan } from '@/domain/enrolment/assess';
import { whatApplies } from '@/domain/enrolment/outcome';
import SampleBadge from '../sample-badge';
import { useElderMode } from '@/hooks/use-elder-mode';
import { fiveWording, PLAIN, plainText } from '@/services/plain-wording';
import './index.scss';

export interface EnrolResultProps {
  /** The assessment of one family (from assessEligibility). */
  result: EnrolmentAssessment;
  /** Checklist item ids the family has ticked as ready. */
  ticked: Record<string, boolean>;
  /** Ticks or unticks a checklist item. */
  onToggle(id: string): void;
}

const STATUS_LABEL: Record<TimelineStatus, string> = { past: '已结束', current: '进行中', upcoming: '未开始' };

/**
 * The wizard's answer: category and why, age check, documents to bring (tick-able), class cap, timeline,
 * sources. A family this intake does not apply to (too young, excluded, not yet in 六年级) sees why and
 * what to do instead, without a category, documents or dates that are not theirs.
 */
export default function EnrolResult({ result: r, ticked, onToggle }: EnrolResultProps) {
  const { say } = useElderMode();
  /** Rule text from the data: its terms explained, one sentence a line, in 长辈模式. */
  const rule = (text: string) => say(text, plainText(text));
  const badge = r.sample ? <SampleBadge /> : null;
  const ready = r.checklist.filter((i) => ticked[i.id]).length;
  const five = r.checklist.filter((i) => i.fiveCertificates);
  const others = r.checklist.filter((i) => !i.fiveCertificates);
  const fiveSource = r.sources.find((s) => s.part === 'fiveCertificates');
  const capSource = r.sources.find((s) => s.part === 'classCap');
  const applies = whatApplies(r);

  const item = (i: EnrolmentAssessment['checklist'][number]) => (
    <View
      key={i.id}
      className={`enrol-result__item${ticked[i.id] ? ' enrol-result__item--done' : ''}`}
      data-testid={`check-${i.id}`}
      onClick={() => onToggle(i.id)}
    >
      <View className="enrol-result__box">
        <Text>{ticked[i.id] ? '✓' : ''}</Text>
      </View>
      <View className="enrol-result__item-text">
        <Text className="enrol-result__item-name">{rule(i.name)}</Text>
        <Text className="enrol-result__why">{rule(i.why)}</Text>
      </View>
    </View>
  );

  return (
    <View className="enrol-result" data-testid="enrol-result">
      <View
        className={`enrol-result__verdict${r.eligible ? '' : ' enrol-result__verdict--no'}`}
        data-testid="enrol-verdict"
      >
        <Text>
          {r.eligible
            ? say(`可以办理${r.intakeYear}年秋季入学`, `${r.intakeYear}年秋天可以上学`)
            : r.category.eligible
              ? say(`暂不能办理${r.intakeYear}年秋季入学`, `${r.intakeYear}年秋天还不能上学`)
              : rule(r.category.label)}
        </Text>
      </View>

      {applies.category ? (
        <View className="enrol-result__card" data-testid="enrol-category">
          <View className="enrol-result__head">
            <Text className="enrol-result__title">
              {rule(r.category.priority ? `${r.category.label}：${r.category.title}` : r.category.title)}
            </Text>
            {badge}
          </View>
          <Text className="enrol-result__para">
            {say(...PLAIN.resultWhy)}
            {rule(r.category.why)}
          </Text>
          <Text className="enrol-result__para enrol-result__strong">
            {say(...PLAIN.resultHow)}
            {rule(r.category.placement)}
          </Text>
          <Text className="enrol-result__minor">
            {say(...PLAIN.resultPrinciple)}
            {rule(r.principle)}
          </Text>
        </View>
      ) : (
        <View className="enrol-result__card" data-testid="enrol-instead">
          <View className="enrol-result__head">
            <Text className="enrol-result__title">
              {applies.standing === 'too-young' ? say(...PLAIN.resultTooYoung) : rule(r.category.title)}
            </Text>
            {badge}
          </View>
          <Text className="enrol-result__para">
            {say(...PLAIN.resultWhy)}
            {rule(applies.why ?? '')}
          </Text>
          <Text className="enrol-result__para enrol-result__strong" data-testid="enrol-instead-what">
            {say(...PLAIN.resultInstead)}
            {rule(applies.instead ?? '')}
          </Text>
        </View>
      )}

      {r.ageCheck && (
        <View className="enrol-result__card" data-testid="enrol-age">
          <View className="enrol-result__head">
            <Text className="enrol-result__title">年龄：{r.ageCheck.ok ? '符合' : '不符合'}</Text>
            {badge}
          </View>
          <Text className={`enrol-result__para${r.ageCheck.ok ? '' : ' enrol-result__warn'}`}>
            {rule(r.ageCheck.message)}
          </Text>
        </View>
      )}

      {applies.checklist && (
        <View className="enrol-result__card" data-testid="enrol-checklist">
          <View className="enrol-result__head">
            <Text className="enrol-result__title">
              {say(...PLAIN.resultChecklist)}
              {r.checklist.length ? `（已备齐 ${ready}/${r.checklist.length}）` : ''}
            </Text>
            {badge}
          </View>
          {r.checklist.length === 0 && <Text className="enrol-result__para">{say(...PLAIN.resultNoChecklist)}</Text>}
          {five.length > 0 && (
            <View data-testid="enrol-five">
              <Text className="enrol-result__sub" data-testid="enrol-five-title">
                {say('随迁子女“五证”', fiveWording(five.map((i) => i.name)))}
              </Text>
              {five.map(item)}
              <Text className="enrol-result__minor">
                {fiveSource
                  ? `审查“五证”出自《${fiveSource.document.title}》（种子文件${fiveSource.document.seed}）；`
                  : ''}
                五项的具体名称是常见做法，以当地公布为准。
              </Text>
            </View>
          )}
          {others.length > 0 && five.length > 0 && (
            <Text className="enrol-result__sub">{say(...PLAIN.resultOthers)}</Text>
          )}
          {others.map(item)}
          {r.checklist.length > 0 && <Text className="enrol-result__minor">{say(...PLAIN.resultTick)}</Text>}
        </View>
      )}

      {applies.classCap && (
        <View className="enrol-result__card" data-testid="enrol-cap">
          <View className="enrol-result__head">
            <Text className="enrol-result__title">
              {say(`班额：每班不超过${r.classCap}人`, `每班最多${r.classCap}个孩子（班额）`)}
            </Text>
            {badge}
          </View>
          {capSource && (
            <Text className="enrol-result__minor">
              依据：《{capSource.document.title}》（种子文件{capSource.document.seed}）：“{capSource.quote}”
            </Text>
          )}
        </View>
      )}

      {applies.timeline && (
        <View className="enrol-result__card" data-testid="enrol-timeline">
          <View className="enrol-result__head">
            <Text className="enrol-result__title">{say(...PLAIN.resultTimeline)}</Text>
            {badge}
          </View>
          <Text className="enrol-result__para enrol-result__strong" data-testid="enrol-timeline-summary">
            {rule(r.timelineSummary)}
          </Text>
          {r.timeline.map((t) => (
            <View
              key={t.step}
              className={`enrol-result__step enrol-result__step--${t.status}`}
              data-testid={`step-${t.status}`}
            >
              <View className="enrol-result__step-head">
                <Text className="enrol-result__step-name">{rule(t.step)}</Text>
                <Text className="enrol-result__tag">{STATUS_LABEL[t.status]}</Text>
              </View>
              <Text className="enrol-result__step-date">{dateSpan(t)}</Text>
              <Text className="enrol-result__why">{rule(t.detail)}</Text>
            </View>
          ))}
          <Text className="enrol-result__minor">
            今天是{r.today.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}（北京时间）
          </Text>
        </View>
      )}

      {r.notes.length > 0 && (
        <View className="enrol-result__notes">
          {r.notes.map((n) => (
            <Text key={n} className="enrol-result__note">
              {rule(n)}
            </Text>
          ))}
        </View>
      )}

      <View className="enrol-result__card enrol-result__sources" data-testid="enrol-sources">
        <View className="enrol-result__head">
          <Text className="enrol-result__title">{say(...PLAIN.resultSources)}</Text>
          {badge}
        </View>
        {r.sample && <Text className="enrol-result__para">{r.sampleNote}</Text>}
        {r.sources.map((s) => (
          <Text key={`${s.part}-${s.document.seed}`} className="enrol-result__minor">
            {s.label}：《{s.document.title}》{s.document.date ? `（${s.document.date}）` : ''}，种子文件
            {s.document.seed}：“{s.quote}”
          </Text>
        ))}
      </View>
    </View>
  );
}
