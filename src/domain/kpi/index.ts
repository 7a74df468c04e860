/**
 * Policy dashboard figures of a district and its 学区, computed from verified records only. Pure: the
 * caller passes the data, the school year, the instant `now` and the zone.
 *
 * Seed 001 sets the targets: 优秀干部教师轮岗交流资源共享比率不少于30%；中青年优秀校长、骨干教师轮岗交流达100%.
 */
export * from './targets';
export * from './facts';
export * from './figures';
export * from './pending';
