import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { assessEligibility } from '@/domain/enrolment/assess';
import { answersFromQuery, answersToQuery } from '@/domain/enrolment/url';
import {
  answeredQuestions,
  answerLabel,
  birthDateProblem,
  nextQuestion,
  pruneAnswers,
  stepBack,
  type Question,
} from '@/domain/enrolment/questions';
import type { EnrolmentAnswers, EnrolmentRuleSet } from '@/domain/enrolment/types';
import { CHINA_ZONE, localDate } from '@/domain/time';
import { useCall } from '@/hooks/use-call';
import { forPeople } from '@/services/call';
import EnrolDatePicker from '@/components/enrol-date-picker';
import EnrolResult from '@/components/enrol-result';
import SampleBadge from '@/components/sample-badge';
import StatusView from '@/components/status-view';
import HomeLink from '@/components/home-link';
import { useElderMode } from '@/hooks/use-elder-mode';
import { ageRuleWording, PLAIN, plainText } from '@/services/plain-wording';
import { pagePath, readParam, writePageQuery } from '@/services/page-url';
import { rememberDistrict } from '@/services/chosen-district';
import './index.scss';

const ROUTE = '/pages/enrol/index';

const checklistKey = (ruleSetId: string, category: string) => `enrol-checklist:${ruleSetId}:${category}`;

function readTicks(key: string): Record<string, boolean> {
  try {
    const saved: unknown = Taro.getStorageSync(key);
    return saved && typeof saved === 'object' ? (saved as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

/** The years a 小学 birth date can be picked from: this year back to ten years before the intake. */
function birthYears(intakeYear: number, nowMs: number): number[] {
  const thisYear = Number(localDate(nowMs, CHINA_ZONE).slice(0, 4));
  const years: number[] = [];
  for (let y = thisYear; y >= intakeYear - 10; y--) years.push(y);
  return years;
}

/**
 * 入学条件: one question per screen (户籍? 居住证? 房子? 出生日期?), then the family's category and why,
 * the documents to bring (五证 for 随迁子女), the age check, class cap and the dated timeline.
 * The rules come from school.enrolmentRules; the answers are judged on the device by the shared domain code.
 */
export default function EnrolPage() {
  const { params } = useRouter();
  const elder = useElderMode();
  const routeDistrict = readParam(params, 'district');
  const fromRoute = routeDistrict && /^\d{6}$/.test(routeDistrict) ? routeDistrict : null;
  const [districtCode, setDistrictCode] = useState<string | null>(fromRoute);
  // Each step has its own address: browser back/forward reload the page on the step of that address.
  const [answers, setAnswers] = useState<EnrolmentAnswers>(() =>
    fromRoute ? answersFromQuery(Object.fromEntries(Object.keys(params).map((k) => [k, readParam(params, k)]))) : {},
  );
  const go = (district: string | null, next: EnrolmentAnswers) => {
    writePageQuery(ROUTE, { district, ...(district ? answersToQuery(next) : {}) }, 'push');
  };
  useEffect(() => {
    if (districtCode) rememberDistrict(districtCode);
  }, [districtCode]);
  const [dateError, setDateError] = useState<string | null>(null);
  const [ticked, setTicked] = useState<Record<string, boolean>>({});

  const districts = useCall('school', 'listDistricts', districtCode ? null : {});
  const rules = useCall('school', 'enrolmentRules', districtCode ? { districtCode } : null);

  // The share card carries the district only: the family's answers are theirs, not the recipient's.
  useShareAppMessage(() => ({
    title: '入学条件自查：户籍、住房、年龄和要准备的材料',
    path: pagePath(ROUTE, { district: districtCode }),
  }));

  const question = nextQuestion(answers);
  const answered = answeredQuestions(answers);
  const ruleSets = rules.data?.ruleSets ?? [];
  const ruleSet: EnrolmentRuleSet | undefined = ruleSets.find((s) => s.stage === answers.stage);

  const outcome = useMemo(() => {
    if (question || !ruleSet) return null;
    try {
      return { result: assessEligibility(ruleSet, answers, Date.now(), CHINA_ZONE), error: null };
    } catch (err) {
      return { result: null, error: err instanceof Error ? err.message : '无法判断，请重新作答' };
    }
  }, [question, ruleSet, answers]);

  const tickKey = outcome?.result ? checklistKey(outcome.result.ruleSetId, outcome.result.category.code) : null;
  useEffect(() => {
    setTicked(tickKey ? readTicks(tickKey) : {});
  }, [tickKey]);

  const toTop = () => {
    void Promise.resolve()
      .then(() => Taro.pageScrollTo({ scrollTop: 0, duration: 0 }))
      .catch(() => undefined);
  };
  const answer = (q: Question, value: string | boolean) => {
    const next = pruneAnswers({ ...answers, [q.id]: value });
    setAnswers(next);
    go(districtCode, next);
    setDateError(null);
    toTop();
  };
  const back = () => {
    const next = stepBack(answers);
    setAnswers(next);
    go(districtCode, next);
    setDateError(null);
  };
  const restart = () => {
    setAnswers({});
    go(districtCode, {});
    setDateError(null);
    toTop();
  };
  const pickDistrict = (code: string) => {
    setDistrictCode(code);
    go(code, {});
  };
  const changeDistrict = () => {
    setDistrictCode(null);
    setAnswers({});
    go(null, {});
    setDateError(null);
    toTop();
  };
  const toggle = (id: string) => {
    const next = { ...ticked, [id]: !ticked[id] };
    setTicked(next);
    if (tickKey) {
      try {
        Taro.setStorageSync(tickKey, next);
      } catch {
        // Ticks are a convenience: a full storage must not break the page.
      }
    }
  };
  const confirmDate = (q: Question, date: string) => {
    const problem = birthDateProblem(date, Date.now(), CHINA_ZONE);
    if (problem) setDateError(forPeople(problem));
    else answer(q, date);
  };

  if (!districtCode) {
    return (
      <View className={`enrol ${elder.cls}`}>
        <HomeLink />
        <View className="enrol__intro">
          <Text>{elder.say(...PLAIN.enrolIntro)}</Text>
        </View>
        <StatusView
          loading={districts.loading}
          error={districts.error}
          onRetry={districts.reload}
          empty={!!districts.data && districts.data.length === 0}
          emptyText="暂无可选的区县"
        />
        <View className="enrol__options">
          {districts.data?.map((d) => (
            <View
              key={d.code}
              className="enrol__option"
              data-testid={`enrol-district-${d.code}`}
              onClick={() => pickDistrict(d.code)}
            >
              <Text className="enrol__option-label">
                {d.city} {d.name}
              </Text>
            </View>
          ))}
        </View>
      </View>
    );
  }

  const stageOptions = (q: Question) =>
    q.id === 'stage' ? q.options.filter((o) => ruleSets.some((s) => s.stage === o.value)) : q.options;

  return (
    <View className={`enrol ${elder.cls}`}>
      <HomeLink />
      <StatusView loading={rules.loading} error={rules.error} onRetry={rules.reload} />
      {rules.error && (
        <View className="enrol__actions">
          <View className="enrol__action" data-testid="enrol-change-district" onClick={changeDistrict}>
            <Text>{elder.say(...PLAIN.enrolOtherDistrict)}</Text>
          </View>
        </View>
      )}

      {rules.data && !rules.loading && (
        <>
          <View className="enrol__header" data-testid="enrol-header">
            <View className="enrol__header-main">
              <Text className="enrol__district">{rules.data.district.name}</Text>
              <Text className="enrol__change" data-testid="enrol-change-district" onClick={changeDistrict}>
                {elder.say(...PLAIN.enrolChange)}
              </Text>
            </View>
            <View>
              <Text className="enrol__intake">
                {rules.data.intakeLabel}（{rules.data.schoolYearLabel}招生）
              </Text>
              {rules.data.sample && <SampleBadge />}
            </View>
          </View>
          <StatusView empty={ruleSets.length === 0} emptyText={elder.say(...PLAIN.enrolNoRules)} />

          {answered.length > 0 && (
            <View className="enrol__answers" data-testid="enrol-answers">
              {answered.map((q) => (
                <View key={q.id} className="enrol__answer">
                  <Text className="enrol__answer-q">{elder.say(q.title, plainText(q.title))}</Text>
                  <Text className="enrol__answer-a">
                    {elder.say(answerLabel(q.id, answers[q.id]), plainText(answerLabel(q.id, answers[q.id])))}
                  </Text>
                </View>
              ))}
            </View>
          )}

          {question && ruleSets.length > 0 && (
            <View className="enrol__question" data-testid={`question-${question.id}`}>
              <Text className="enrol__step">第{answered.length + 1}步</Text>
              <Text className="enrol__title">{elder.say(question.title, plainText(question.title))}</Text>
              <Text className="enrol__hint">{elder.say(question.hint, plainText(question.hint))}</Text>
              {question.kind === 'choice' && (
                <View className="enrol__options">
                  {stageOptions(question).map((o) => (
                    <View
                      key={String(o.value)}
                      className={`enrol__option${answers[question.id] === o.value ? ' enrol__option--on' : ''}`}
                      data-testid={`answer-${question.id}-${String(o.value)}`}
                      onClick={() => answer(question, o.value)}
                    >
                      <Text className="enrol__option-label">{elder.say(o.label, plainText(o.label))}</Text>
                      {o.hint && <Text className="enrol__option-hint">{elder.say(o.hint, plainText(o.hint))}</Text>}
                    </View>
                  ))}
                </View>
              )}
              {question.kind === 'date' && ruleSet && (
                <>
                  {ruleSet.ageCutoff && (
                    <Text className="enrol__rule" data-testid="enrol-age-rule">
                      {elder.say(
                        ...ageRuleWording(
                          ruleSet.intakeYear,
                          ruleSet.ageCutoff.minAge,
                          ruleSet.ageCutoff.month,
                          ruleSet.ageCutoff.day,
                        ),
                      )}
                    </Text>
                  )}
                  <EnrolDatePicker
                    key={`${ruleSet.id}-${question.id}`}
                    years={birthYears(ruleSet.intakeYear, Date.now())}
                    value={answers.birthDate ?? null}
                    error={dateError}
                    onConfirm={(date) => confirmDate(question, date)}
                  />
                </>
              )}
            </View>
          )}

          {outcome?.error && <StatusView error={{ message: outcome.error }} />}
          {outcome?.result && <EnrolResult result={outcome.result} ticked={ticked} onToggle={toggle} />}

          {ruleSets.length > 0 && (
            <View className="enrol__actions">
              {answered.length > 0 && (
                <View className="enrol__action" data-testid="enrol-back" onClick={back}>
                  <Text>{elder.say(...PLAIN.enrolBack)}</Text>
                </View>
              )}
              {answered.length > 0 && (
                <View className="enrol__action enrol__action--plain" data-testid="enrol-restart" onClick={restart}>
                  <Text>{elder.say(...PLAIN.enrolRestart)}</Text>
                </View>
              )}
            </View>
          )}
        </>
      )}
    </View>
  );
}
