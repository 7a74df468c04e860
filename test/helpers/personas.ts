/**
 * The openids of the seeded sample accounts (local/personas.ts over the seed): tests that call the
 * functions as these people name them here once, with the school each belongs to.
 */
export const HD = {
  teacher: 'o-local-hd-teacher', // 友爱道小学 (hd-s06); duty dt-hd-teacher-1 at 第四十五中学 (hd-s01)
  principal: 'o-local-hd-principal', // 友爱道小学 (hd-s06)
  lead: 'o-local-hd-xuequzhang', // 第四十五中学 (hd-s01), 学区长 of 第一学区 (hd-x1)
  huzhu: 'o-local-hd-lead-primary', // 互助道小学 (hd-s05)
  bureau: 'o-local-hd-bureau',
};

/** Haicang's accounts: another district than Hedong's. */
export const HC = {
  teacher: 'o-local-hc-teacher',
  principal: 'o-local-hc-principal',
  lead: 'o-local-hc-xuequzhang',
  bureau: 'o-local-hc-bureau',
};

export const DC_BUREAU = 'o-local-dc-bureau';

/** One Hedong caller per role of the access matrix; anonymous calls carry no identity. */
export const ROLE_OPENIDS = {
  anonymous: null,
  parent: 'o-local-parent',
  teacher: HD.teacher,
  principal: HD.principal,
  xuequzhang: HD.lead,
  bureau: HD.bureau,
} as const;
