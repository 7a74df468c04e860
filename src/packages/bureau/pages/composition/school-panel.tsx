import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { CompositionEditInput } from '@/contracts/admin-composition';
import type { XuequView } from '@/contracts/school';
import type { AllianceStage } from '@/domain/stages';

export interface Picked {
  schoolId: string;
  schoolName: string;
  /** The 学区 the school was picked in; null for a school in no 学区. */
  xuequId: string | null;
  stage: AllianceStage | null;
  lead: boolean;
}

export interface SchoolPanelProps {
  picked: Picked;
  /** The district's 学区 on the effective date. */
  xuequ: XuequView[];
  effectiveFrom: string;
  onEdit(edit: CompositionEditInput): void;
  onCancel(): void;
}

/** What can be done with a picked school: move to another 学区, set as lead, remove; or rename its 学区. */
export default function SchoolPanel({ picked, xuequ, effectiveFrom, onEdit, onCancel }: SchoolPanelProps) {
  const from = xuequ.find((x) => x.id === picked.xuequId) ?? null;
  const [name, setName] = useState(from?.name ?? '');
  const others = xuequ.filter((x) => x.id !== picked.xuequId);
  return (
    <View className="comp-panel" data-testid="school-panel">
      <Text className="comp-panel__title">{picked.schoolName}</Text>
      <Text className="comp-panel__label">{from ? '移至其他学区（自生效日期起）' : '划入学区（自生效日期起）'}</Text>
      <View className="comp__chips">
        {others.map((x) => (
          <Button
            key={x.id}
            size="mini"
            className="comp-panel__target"
            data-testid={`move-to-${x.id}`}
            onClick={() =>
              onEdit(
                from
                  ? {
                      kind: 'moveSchool',
                      schoolId: picked.schoolId,
                      fromXuequId: from.id,
                      toXuequId: x.id,
                      effectiveFrom,
                    }
                  : { kind: 'addSchool', xuequId: x.id, schoolId: picked.schoolId, effectiveFrom },
              )
            }
          >
            {x.name}
          </Button>
        ))}
      </View>
      {from && (
        <View className="comp-panel__actions">
          {!picked.lead && picked.stage && picked.stage !== 'all' && (
            <Button
              size="mini"
              data-testid="set-lead"
              onClick={() =>
                onEdit({
                  kind: 'setLead',
                  xuequId: from.id,
                  schoolId: picked.schoolId,
                  stage: picked.stage!,
                  effectiveFrom,
                })
              }
            >
              设为牵头学校
            </Button>
          )}
          <Button
            size="mini"
            type="warn"
            data-testid="remove-school"
            onClick={() => onEdit({ kind: 'removeSchool', xuequId: from.id, schoolId: picked.schoolId, effectiveFrom })}
          >
            移出{from.name}
          </Button>
        </View>
      )}
      {from && (
        <View className="comp__row">
          <Input
            className="comp__input"
            data-testid="rename-input"
            value={name}
            maxlength={20}
            onInput={(e) => setName(e.detail.value)}
          />
          <Button
            size="mini"
            data-testid="rename"
            onClick={() => onEdit({ kind: 'rename', xuequId: from.id, name, effectiveFrom })}
          >
            学区改名
          </Button>
        </View>
      )}
      <Text className="comp__link" onClick={onCancel}>
        取消
      </Text>
    </View>
  );
}
