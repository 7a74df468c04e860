import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { LookupResult, SchoolRef, ZonedSchool } from '@/contracts/school';
import { SCHOOL_KIND_LABELS } from '@/domain/school';
import AskSchoolForm from '../ask-school-form';
import SchoolCard from '../school-card';
import XuequCard from '../xuequ-card';
import XuequUpcoming from '../xuequ-upcoming';
import StageAnswers from '../stage-answers';
import FamilyQuestions from '../family-questions';
import type { FamilyFacts } from '@/domain/admission';
import './index.scss';

export interface LookupResultViewProps {
  result: LookupResult;
  /** What the parent typed (prefills 请学校确认); never sent anywhere else. */
  address: string;
  onOpenSchool: (id: string) => void;
  onOpenXuequ: (id: string) => void;
  onOpenEnrol: () => void;
  /** What the family told for this lookup (district rules ask only when it changes the answer). */
  facts?: FamilyFacts;
  onAnswer?: <K extends keyof FamilyFacts>(key: K, value: FamilyFacts[K] | undefined) => void;
}

const feederLine = (z: ZonedSchool) =>
  z.feeder
    ? z.feeder.kind === 'nine-year'
      ? '九年一贯：小学毕业直升本校初中部'
      : `对口初中：${z.feeder.schools.map((s) => s.name).join('、')}${z.feeder.sample ? '（示例数据）' : ''}`
    : undefined;

/** A lookup's answer: zoned schools per school year with the rule and why, the 学区, history, next steps. */
export default function LookupResultView({
  result,
  address,
  onOpenSchool,
  onOpenXuequ,
  onOpenEnrol,
  facts = {},
  onAnswer,
}: LookupResultViewProps) {
  const [yearIndex, setYearIndex] = useState(0);
  const year = result.years[yearIndex] ?? result.years[0];
  const candidates: SchoolRef[] = year
    ? year.zoned.map((z) => z.school)
    : result.xuequ.flatMap((x) => x.alliances.flatMap((a) => [...a.leads, ...a.members]));
  const uniqueCandidates = candidates.filter((s, i) => candidates.findIndex((c) => c.id === s.id) === i).slice(0, 8);

  return (
    <View className="lookup-result" data-testid="lookup-result">
      {result.notes.map((n) => (
        <View key={n} className="lookup-result__note">
          <Text>{n}</Text>
        </View>
      ))}
      {result.years.length > 0 && (
        <View className="lookup-result__years">
          {result.years.map((y, i) => (
            <Text
              key={y.schoolYear}
              data-testid={`year-${y.schoolYear}`}
              className={`lookup-result__year ${i === yearIndex ? 'lookup-result__year--on' : ''}`}
              onClick={() => setYearIndex(i)}
            >
              {i === 0 ? y.label : `现行名单（${y.schoolYear}年秋季入学）`}
            </Text>
          ))}
        </View>
      )}
      {year &&
        year.changes.length > 0 &&
        year.changes.map((c) => (
          <View key={c} className="lookup-result__note">
            <Text>{c}</Text>
          </View>
        ))}
      {year && year.answers.length > 0 && <StageAnswers answers={year.answers} />}
      {onAnswer && yearIndex === 0 && (
        <FamilyQuestions questions={result.questions ?? []} facts={facts} onAnswer={onAnswer} />
      )}
      {year && year.zoned.length > 0 && (
        <View data-testid="zoned-list">
          <Text className="lookup-result__heading">登记范围依据（{year.label}）</Text>
          {year.zoned.map((z) => (
            <SchoolCard
              key={`${z.stage}-${z.school.id}`}
              name={z.school.name}
              kindLabel={
                z.school.kind === 'nine-year'
                  ? `${z.stageLabel}·${SCHOOL_KIND_LABELS[z.school.kind]}`
                  : SCHOOL_KIND_LABELS[z.school.kind]
              }
              roleLabel={`${z.stageLabel}划片`}
              reason={`${z.reason}。登记范围原文：“${z.rule.text}”`}
              source={`《${z.rule.document.title}》${z.rule.document.date ? `（${z.rule.document.date}）` : ''}`}
              note={z.school.note}
              sample={z.rule.sample}
              feeder={feederLine(z)}
              onOpen={() => onOpenSchool(z.school.id)}
            />
          ))}
        </View>
      )}
      {result.history.some((h) => h.changes.length > 0) && (
        <View className="lookup-result__history" data-testid="zoning-history">
          <Text className="lookup-result__heading">历年划片变化</Text>
          {result.history.map((h) => (
            <View key={h.schoolYear} className="lookup-result__history-row">
              <Text className="lookup-result__history-year">{h.label}</Text>
              <Text>
                {h.changes.length
                  ? h.changes.join('；')
                  : `小学 ${h.schools.primary.join('、') || '—'}；初中 ${h.schools.middle.join('、') || '—'}`}
              </Text>
            </View>
          ))}
        </View>
      )}
      {result.schools.length > 0 && (
        <View>
          <Text className="lookup-result__heading">名称匹配的学校</Text>
          {result.schools.map((s) => (
            <SchoolCard
              key={s.school.id}
              name={s.school.name}
              kindLabel={SCHOOL_KIND_LABELS[s.school.kind]}
              note={s.school.note}
              onOpen={() => onOpenSchool(s.school.id)}
              reason={
                s.xuequIds.length
                  ? `属于${result.xuequ
                      .filter((x) => s.xuequIds.includes(x.id))
                      .map((x) => x.name)
                      .join('、')}`
                  : '未列入学区'
              }
            />
          ))}
        </View>
      )}
      {result.xuequ.length > 0 && (
        <Text className="lookup-result__heading">{result.upcoming?.length ? '现在所属学区' : '所属学区'}</Text>
      )}
      {result.xuequ.map((x) => (
        <XuequCard key={x.id} xuequ={x} compact onOpen={onOpenXuequ} />
      ))}
      <XuequUpcoming upcoming={result.upcoming ?? []} onOpenXuequ={onOpenXuequ} />
      <View className="lookup-result__link" data-testid="open-enrol" onClick={onOpenEnrol}>
        <Text>入学条件与材料清单（户籍、房产、随迁子女）</Text>
        <Text className="lookup-result__arrow">›</Text>
      </View>
      {result.canAskSchool && (
        <AskSchoolForm
          districtCode={result.district.code}
          communityCode={result.community?.code}
          address={address || result.community?.name || ''}
          schools={uniqueCandidates}
        />
      )}
    </View>
  );
}
