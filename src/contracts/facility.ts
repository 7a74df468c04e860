import { z } from 'zod';
import { TEXT_MAX, calendarDate, entityId, freeText } from './fields';
import { isCalendarDate, isoWeekday } from '../domain/time';
import { paging } from './approval';
import type { FacilityKind } from '../domain/approval/facility';

/**
 * Function `facility`: the shareable facilities of a 学区, their week (free and booked time) and the
 * caller school's bookings. Bookings are made by the `approval` function (场馆预约, decided by the
 * owning school's principal); this function reads them and cancels them.
 */
const isMonday = (s: string) => isCalendarDate(s) && isoWeekday(s) === 1;
const weekStart = calendarDate('weekStart', '周起始日').refine(isMonday, '周起始日（weekStart）应为周一');

export const facilityInputs = {
  list: z.object({ xuequId: entityId('xuequId', '学区').optional() }).strict(),
  /** weekStart omitted: the current week (China time, server clock). */
  week: z.object({ facilityId: entityId('facilityId', '场馆'), weekStart: weekStart.optional() }).strict(),
  /** The school's bookings (made and received), newest first, a page at a time. */
  myBookings: z.object({ ...paging }).strict(),
  /** The school's booking requests: waiting (审批中), or closed without a booking (驳回、退回、撤回) with the reason. */
  myRequests: z
    .object({
      status: z.enum(['open', 'closed'], { errorMap: () => ({ message: '列表（status）应为 open 或 closed' }) }),
      ...paging,
    })
    .strict(),
  cancel: z
    .object({
      bookingId: entityId('bookingId', '预约'),
      reason: freeText('reason', '取消原因', TEXT_MAX.cancelReason).optional(),
    })
    .strict(),
};

export type FacilityAction = keyof typeof facilityInputs;

export interface FacilityView {
  id: string;
  name: string;
  kind: FacilityKind;
  kindLabel: string;
  schoolId: string;
  schoolName: string;
  /** e.g. 周一至周五 16:30–18:30；周六 09:00–17:00 */
  hoursText: string;
  /** The booking rules and the school's own notes, one line each. */
  rulesText: string[];
  rules: { maxDurationMin: number; maxDaysAhead: number; minNoticeHours: number };
  /** The caller's own school owns it (its bookings are decided by the caller's principal). */
  mine: boolean;
  sample: boolean;
}

export interface FacilityList {
  /** The 学区 shown, and every 学区 of the caller's district to switch to. */
  xuequ: { id: string; name: string } | null;
  xuequOptions: Array<{ id: string; name: string }>;
  facilities: FacilityView[];
  /** The caller may ask to book (a principal with a school); teachers only look. */
  canBook: boolean;
  /** Server date (China), for the booking form's default. */
  today: string;
}

export interface SlotView {
  /** ms */
  start: number;
  end: number;
  startHm: string;
  endHm: string;
}

export interface BookedSlotView extends SlotView {
  bookingId: string;
  schoolName: string;
  /** The caller's school booked it. */
  mine: boolean;
}

export interface DayView {
  date: string;
  weekdayLabel: string;
  today: boolean;
  past: boolean;
  open: SlotView[];
  /** Open time minus confirmed bookings; bookable = far enough ahead and not too far (the rules). */
  free: Array<SlotView & { bookable: boolean }>;
  booked: BookedSlotView[];
}

export interface WeekView {
  facility: FacilityView;
  weekStart: string;
  prevWeek: string;
  nextWeek: string;
  today: string;
  days: DayView[];
}

export type BookingStatus = 'confirmed' | 'cancelled';

export interface BookingView {
  id: string;
  facilityId: string;
  facilityName: string;
  ownerSchoolName: string;
  bookingSchoolName: string;
  /** 'borrower': the caller's school booked it; 'owner': it is the caller's school's facility. */
  role: 'borrower' | 'owner';
  date: string;
  weekdayLabel: string;
  startHm: string;
  endHm: string;
  start: number;
  end: number;
  purpose: string;
  status: BookingStatus;
  statusLabel: string;
  upcoming: boolean;
  canCancel: boolean;
  sample: boolean;
}

/** A booking request of the caller's school, as the requesting principal follows it. */
export interface BookingRequestView {
  id: string;
  facilityName: string;
  ownerSchoolName: string;
  date: string;
  weekdayLabel: string;
  startHm: string;
  endHm: string;
  purpose: string;
  status: 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn';
  statusLabel: string;
  /** Who it waits for (pending), or the decider's reason (驳回 / 退回). */
  waitingFor: string | null;
  reason: string | null;
  decidedBy: string | null;
  updatedAt: string;
}

export interface FacilityOutputs {
  list: FacilityList;
  week: WeekView;
  myBookings: { items: BookingView[]; next: string | null };
  myRequests: { items: BookingRequestView[]; next: string | null };
  cancel: BookingView;
}
