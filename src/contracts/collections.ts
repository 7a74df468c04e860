/**
 * Every collection of the cloud database, named once. INDEXES is the single list of index fields:
 * the local store builds json_extract expression indexes from it, and the deploy kit / README tells
 * the cloud console to create the same ones (ascending, non-unique unless noted).
 */
export const COLLECTIONS = {
  districts: 'districts',
  divisions: 'divisions',
  schools: 'schools',
  xuequ: 'xuequ',
  zoningRules: 'zoning_rules',
  /** The bureau's published 登记范围 (catchment text) per district × intake year × stage × school. */
  catchments: 'catchments',
  feeders: 'feeders',
  /** Parents' "请学校确认" questions: the only place a parent's address text is ever stored. */
  zoningInquiries: 'zoning_inquiries',
  users: 'users',
  /** Approved cross-school duties (with the host school's place copied in, so clocking reads one collection). */
  duties: 'duties',
  /** One record per scheduled session (its id is the session key): distance and pass/fail, never coordinates. */
  clockRecords: 'clock_records',
  makeupRequests: 'makeup_requests',
  /** 上课前提醒: one per teacher who turned it on, with the slot keys of their active duties (what the timer looks up). */
  reminderPrefs: 'reminder_prefs',
  /** One per reminder sent (teacher × session date × slot): inserted before sending, so never twice. */
  reminderClaims: 'reminder_claims',
  /** Dashboard figures per host school × China month, kept up to date in each clock record's transaction. */
  kpiRollups: 'kpi_rollups',
  /** Approval requests with their steps and trail; inboxKey names who may decide the pending step. */
  approvals: 'approvals',
  /** Shareable gyms, labs, libraries and fields, with opening hours and booking rules. */
  facilities: 'facilities',
  bookings: 'bookings',
  /** One document per facility and China date listing its bookings: what concurrent bookings conflict on. */
  facilityDays: 'facility_days',
  /** Invite codes (only a SHA-256 of each code is stored) and their audit trail (create, bind, revoke). */
  invites: 'invites',
  inviteAudit: 'invite_audit',
  /** The bureau's teacher roster (工号, school, 骨干教师): the dashboard's teacher counts come from it. */
  teacherRoster: 'teacher_roster',
  /** Pieces of an import file uploaded ahead of its preview/apply (a call carries ~100 KB at most). */
  importUploads: 'import_uploads',
  /** meta/reference holds the version of the reference data; writers bump it so warm caches reload. */
  meta: 'meta',
  /** Composition edits and imports by request id, with their first result: retries write nothing. */
  appliedRequests: 'applied_requests',
  /** Per-caller rate-limit counters: caller × action × window (see src/server/rate-limit.ts). */
  rateCounters: 'rate_counters',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

export const INDEXES: Record<CollectionName, readonly string[]> = {
  districts: [],
  divisions: ['districtCode', 'parentCode'],
  schools: ['districtCode', 'name'],
  xuequ: ['districtCode'],
  zoning_rules: ['districtCode', 'schoolYear', 'matchKeys'],
  catchments: ['districtCode', 'intakeYear', 'schoolId', 'mechanism'],
  feeders: ['districtCode', 'primarySchoolId'],
  zoning_inquiries: ['openid', 'districtCode', 'schoolId'],
  users: ['roles', 'districtCode'],
  duties: ['teacherOpenid', 'hostSchoolId', 'districtCode'],
  clock_records: ['teacherOpenid', 'sessionDate', 'hostSchoolId'],
  makeup_requests: ['teacherOpenid', 'hostSchoolId', 'status'],
  reminder_prefs: ['slotKeys'],
  reminder_claims: [],
  kpi_rollups: ['hostSchoolId', 'month'],
  approvals: ['inboxKey', 'requesterOpenid', 'deciders', 'districtCode', 'escalateAt'],
  facilities: ['schoolId', 'districtCode'],
  bookings: ['facilityId', 'bookingSchoolId', 'schoolId', 'districtCode'],
  facility_days: [],
  invites: ['codeHash', 'districtCode', 'schoolId'],
  invite_audit: ['inviteId', 'districtCode'],
  teacher_roster: ['districtCode', 'schoolId'],
  import_uploads: ['uploadId', 'by'],
  meta: [],
  applied_requests: [],
  rate_counters: ['openid'],
};
