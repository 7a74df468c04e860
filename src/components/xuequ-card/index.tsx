import { Text, View } from '@tarojs/components';
import type { XuequView } from '@/contracts/school';
import { SCHOOL_KIND_LABELS } from '@/domain/school';
import { sourceLabel } from '@/domain/xuequ';
import SampleBadge from '../sample-badge';
import SchoolCard from '../school-card';
import './index.scss';

export interface XuequCardProps {
  xuequ: XuequView;
  /** Names only (for lists); otherwise every school as a card. */
  compact?: boolean;
  onOpen?: (id: string) => void;
  /** Makes each school open that school: a card in full mode, a whole tappable row in compact mode. */
  onOpenSchool?: (id: string) => void;
}

/** A 学区: its lead school(s) and members per stage, the 街道 it serves and the document it comes from. */
export default function XuequCard({ xuequ, compact, onOpen, onOpenSchool }: XuequCardProps) {
  const opener = (id: string) => (onOpenSchool ? () => onOpenSchool(id) : undefined);
  // Rows of schools to tap: the card itself then opens nothing, a 学区详情 row does.
  const schoolRows = compact && !!onOpenSchool;
  const row = (s: { id: string; name: string }, role: string) => (
    <View
      key={s.id}
      className="xuequ-card__school"
      data-testid={`xuequ-school-${s.id}`}
      onClick={() => onOpenSchool!(s.id)}
    >
      <Text className="xuequ-card__school-name">{s.name}</Text>
      <Text className="xuequ-card__school-role">{role} ›</Text>
    </View>
  );
  return (
    <View
      className="xuequ-card"
      data-testid="xuequ-card"
      onClick={onOpen && !schoolRows ? () => onOpen(xuequ.id) : undefined}
    >
      <View className="xuequ-card__title">
        <Text className="xuequ-card__name">{xuequ.name}</Text>
        <Text className="xuequ-card__district">{xuequ.districtName}</Text>
        {xuequ.sample && <SampleBadge />}
        {onOpen && !schoolRows && <Text className="xuequ-card__more">详情 ›</Text>}
      </View>
      {xuequ.alliances.length === 0 && (
        <View className="xuequ-card__line">
          <Text>文件未列出本学区的学校</Text>
        </View>
      )}
      {xuequ.alliances.map((a, i) => (
        <View key={`${a.stage}-${i}`} className="xuequ-card__alliance">
          <Text className="xuequ-card__stage">{a.stage === 'all' ? '学区成员校' : a.stageLabel}</Text>
          {schoolRows ? (
            <View>
              {a.leads.map((s) => row(s, a.leadTitle))}
              {a.members.map((s) => row(s, '成员校'))}
            </View>
          ) : compact ? (
            <View className="xuequ-card__line">
              {a.leads.length > 0 && (
                <Text className="xuequ-card__lead">
                  {a.leadTitle}：{a.leads.map((s) => s.name).join('、')}
                </Text>
              )}
              {a.members.length > 0 && (
                <Text className="xuequ-card__members">成员校：{a.members.map((s) => s.name).join('、')}</Text>
              )}
            </View>
          ) : (
            <View>
              {a.leads.map((s) => (
                <SchoolCard
                  key={s.id}
                  name={s.name}
                  kindLabel={SCHOOL_KIND_LABELS[s.kind]}
                  roleLabel={a.leadTitle}
                  note={s.note}
                  onOpen={opener(s.id)}
                />
              ))}
              {a.members.map((s) => (
                <SchoolCard
                  key={s.id}
                  name={s.name}
                  kindLabel={SCHOOL_KIND_LABELS[s.kind]}
                  roleLabel="成员校"
                  note={s.note}
                  onOpen={opener(s.id)}
                />
              ))}
            </View>
          )}
        </View>
      ))}
      {xuequ.streets.length > 0 && (
        <View className="xuequ-card__line xuequ-card__streets">
          <Text>服务街道：{xuequ.streets.map((s) => s.name).join('、')}</Text>
          {xuequ.streetsSample && !xuequ.sample && <SampleBadge />}
        </View>
      )}
      {schoolRows && onOpen && (
        <View className="xuequ-card__open" data-testid="xuequ-open" onClick={() => onOpen(xuequ.id)}>
          <Text>学区详情（服务街道、依据文件）</Text>
          <Text>›</Text>
        </View>
      )}
      {!!xuequ.upcoming?.length && (
        <View className="xuequ-card__upcoming" data-testid="xuequ-card-upcoming">
          <Text className="xuequ-card__upcoming-title">调整预告</Text>
          {xuequ.upcoming.map((u) => (
            <View key={u.effectiveFrom} className="xuequ-card__upcoming-item">
              <Text className="xuequ-card__upcoming-when">{u.dateLabel}起：</Text>
              <Text>{u.changes.join('；')}</Text>
              <Text className="xuequ-card__upcoming-source">
                来源：{u.sources.length ? u.sources.join('；') : '未记录调整文件'}
              </Text>
            </View>
          ))}
        </View>
      )}
      <View className="xuequ-card__source">
        <Text>来源：{sourceLabel(xuequ.source)}</Text>
      </View>
    </View>
  );
}
