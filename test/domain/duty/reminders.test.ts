import {
  REMINDER_LEAD_MIN,
  reminderClaimId,
  sessionsToRemind,
  slotKeysOf,
  windowSlotKeys,
} from '@/domain/duty/reminders';
import { CN, cn, duty, slot } from './fixtures';

// 上课前提醒: which sessions a timer run at an instant reminds, in China time, from the schedule's own
// sessions (active duties, inside the term, on the slot's weekday).
describe('sessions to remind', () => {
  const d = duty({ slots: [slot(1, '08:00', '08:45'), slot(1, '14:00', '15:30'), slot(2, '00:10', '01:00')] });

  it('those starting after now and within the lead, not before and not once started', () => {
    expect(REMINDER_LEAD_MIN).toBe(30);
    expect(sessionsToRemind([d], cn('2026-11-23', '07:29'), CN)).toEqual([]); // 31 minutes before
    expect(sessionsToRemind([d], cn('2026-11-23', '07:30'), CN).map((s) => s.key)).toEqual(['d1-2026-11-23-0800']);
    expect(sessionsToRemind([d], cn('2026-11-23', '07:59'), CN)).toHaveLength(1);
    expect(sessionsToRemind([d], cn('2026-11-23', '08:00'), CN)).toEqual([]); // started
  });

  it('across midnight: Monday 23:50 China reminds Tuesday 00:10 (the server runs in UTC)', () => {
    expect(sessionsToRemind([d], cn('2026-11-23', '23:50'), CN).map((s) => s.key)).toEqual(['d1-2026-11-24-0010']);
    expect(windowSlotKeys(cn('2026-11-23', '23:50'), CN)).toContain('2|00:10');
  });

  it('none for an ended duty, before the term or after it', () => {
    expect(sessionsToRemind([{ ...d, status: 'ended' }], cn('2026-11-23', '07:45'), CN)).toEqual([]);
    expect(sessionsToRemind([duty({ ...d, termStart: '2026-12-01' })], cn('2026-11-23', '07:45'), CN)).toEqual([]);
    expect(sessionsToRemind([duty({ ...d, termEnd: '2026-11-22' })], cn('2026-11-23', '07:45'), CN)).toEqual([]);
  });

  it('the window’s slot keys are the 30 minutes after now, and a duty’s keys are its active slots', () => {
    const keys = windowSlotKeys(cn('2026-11-23', '07:30'), CN);
    expect(keys).toHaveLength(30);
    expect(keys[0]).toBe('1|07:31');
    expect(keys[29]).toBe('1|08:00');
    expect(slotKeysOf([d, duty({ _id: 'd2', status: 'ended', slots: [slot(3, '09:00', '10:00')] })])).toEqual([
      '1|08:00',
      '1|14:00',
      '2|00:10',
    ]);
  });

  it('one claim per teacher, date and slot', () => {
    expect(reminderClaimId('t1', '2026-11-23', '08:00')).toBe('rm-t1-2026-11-23-0800');
  });
});
