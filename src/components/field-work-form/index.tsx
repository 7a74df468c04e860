import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { FIELD_NOTE_MAX } from '@/domain/duty/field-work';
import { busyIf } from '../busy-props';
import './index.scss';

export interface FieldWorkFormProps {
  /** Test id suffix when the card offers several sessions (the duty id). */
  suffix?: string;
  busy: boolean;
  /** Sends the 外勤 clock-in with the note as typed (the server checks it and names the field). */
  onSubmit: (note: string) => void;
}

/**
 * 外勤签到: for a teacher who is not at the host school or has no 签到码 to scan. Folded until asked
 * for; the note (why) is required and shown to the host school, which confirms it before it counts.
 */
export default function FieldWorkForm({ suffix, busy, onSubmit }: FieldWorkFormProps) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const id = (name: string) => (suffix ? `${name}-${suffix}` : name);
  if (!open)
    return (
      <Button
        className="field-work__open"
        data-testid={id('field-work-open')}
        {...busyIf(busy)}
        onClick={() => setOpen(true)}
      >
        不在任务学校？外勤签到
      </Button>
    );
  return (
    <View className="field-work" data-testid={id('field-work-form')}>
      <Text className="field-work__hint">
        外勤签到须写明原因（必填，{FIELD_NOTE_MAX}字以内）。记录会提示任务学校，校长确认后才计入交流工时统计。
      </Text>
      <Textarea
        className="field-work__note"
        data-testid={id('field-work-note')}
        aria-label="外勤说明"
        placeholder="例如：带学生在区青少年宫参加比赛"
        maxlength={FIELD_NOTE_MAX}
        value={note}
        onInput={(e) => setNote(String(e.detail.value))}
      />
      <Text className="field-work__count">
        {[...note].length}/{FIELD_NOTE_MAX}
      </Text>
      <Button
        className="field-work__submit"
        type="primary"
        data-testid={id('field-work-submit')}
        {...busyIf(busy)}
        onClick={() => onSubmit(note)}
      >
        提交外勤签到
      </Button>
      <Button className="field-work__cancel" data-testid={id('field-work-cancel')} onClick={() => setOpen(false)}>
        取消
      </Button>
    </View>
  );
}
