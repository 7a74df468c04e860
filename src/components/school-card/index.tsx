import { Text, View } from '@tarojs/components';
import SampleBadge from '../sample-badge';
import './index.scss';

export interface SchoolCardProps {
  /** School name as the document writes it. */
  name: string;
  /** 小学 / 初中 / 九年一贯制. */
  kindLabel: string;
  /** The school's place in its 学区, e.g. 学区长学校, 牵头小学, 成员校. */
  roleLabel?: string;
  /** Why this school is shown (the zoning rule that matched). */
  reason?: string;
  /** The rule's document and year, shown under the reason. */
  source?: string;
  /** A remark from the document, e.g. 项目名称. */
  note?: string | null;
  /** Marks the zoning as invented sample data. */
  sample?: boolean;
  /** Where the school leads on: 对口 middle school or 九年一贯. */
  feeder?: string;
  /** Makes the card open the school's profile. */
  onOpen?: () => void;
}

/** One school: name, kind, role in the 学区 and, for a lookup, the rule that matched. */
export default function SchoolCard(props: SchoolCardProps) {
  return (
    <View className="school-card" data-testid="school-card" onClick={props.onOpen}>
      <View className="school-card__head">
        <Text className="school-card__name">{props.name}</Text>
        {props.roleLabel && <Text className="school-card__role">{props.roleLabel}</Text>}
        {props.onOpen && <Text className="school-card__more">›</Text>}
      </View>
      <View className="school-card__meta">
        <Text>{props.kindLabel}</Text>
        {props.note && <Text className="school-card__note">（{props.note}）</Text>}
        {props.sample && <SampleBadge />}
      </View>
      {props.reason && (
        <View className="school-card__reason">
          <Text>{props.reason}</Text>
        </View>
      )}
      {props.feeder && (
        <View className="school-card__feeder">
          <Text>{props.feeder}</Text>
        </View>
      )}
      {props.source && (
        <View className="school-card__source">
          <Text>依据：{props.source}</Text>
        </View>
      )}
    </View>
  );
}
