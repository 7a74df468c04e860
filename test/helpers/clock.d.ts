/** 2026-11-23 10:00 in Shanghai (Monday, 2026 school year): the fixed "now" of the tests. */
export const TEST_NOW: number;
/** The environment variable that moves the ambient date (CI's run in another year). */
export const ENV: 'XUEQU_TEST_TODAY';
/** Where the ambient clock starts: XUEQU_TEST_TODAY when set, else TEST_NOW. */
export function ambientStart(): number;
/** Makes this environment's Date start at `start` and run on (again: restarts it); jest.useRealTimers() returns to it. */
export function installAmbientClock(start?: number, g?: typeof globalThis): void;
