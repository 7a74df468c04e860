// The test clock itself (test/helpers/clock.js): no test file sees the machine's date.
import { ambientStart, installAmbientClock, TEST_NOW } from '../helpers/clock';
import { fakeServerClock } from '../helpers/local-app';

const MINUTE = 60_000;

test('a file starts on the ambient date (TEST_NOW, or XUEQU_TEST_TODAY), not the machine date', () => {
  expect(Math.abs(Date.now() - ambientStart())).toBeLessThan(5 * MINUTE);
  expect(Math.abs(new Date().getTime() - Date.now())).toBeLessThan(1000);
  if (!process.env.XUEQU_TEST_TODAY) expect(ambientStart()).toBe(TEST_NOW);
});

test('the ambient Date is still Date: parsing, UTC, instanceof, called as a function', () => {
  const d = new Date('2028-08-31T17:00:00Z');
  expect(d.toISOString()).toBe('2028-08-31T17:00:00.000Z');
  expect(d instanceof Date).toBe(true);
  expect(Object.prototype.toString.call(new Date())).toBe('[object Date]');
  expect(Date.UTC(2029, 2, 14)).toBe(Date.parse('2029-03-14T00:00:00Z'));
  expect(new Date(2029, 2, 14, 10).getMonth()).toBe(2);
  expect(typeof Date()).toBe('string');
});

test('fake timers install over it and useRealTimers comes back to it', () => {
  fakeServerClock(Date.parse('2031-01-01T00:00:00Z'));
  expect(new Date().getUTCFullYear()).toBe(2031);
  jest.useRealTimers();
  expect(Math.abs(Date.now() - ambientStart())).toBeLessThan(5 * MINUTE);
});

test('the clock runs on at real speed; installing it again restarts it (a worker’s next file starts there)', async () => {
  const start = Date.parse('2000-01-01T00:00:00Z');
  const Ambient = Date;
  installAmbientClock(start);
  try {
    expect(Date).toBe(Ambient); // restarted, not wrapped again
    expect(Math.abs(Date.now() - start)).toBeLessThan(MINUTE);
    const before = Date.now();
    await new Promise((r) => setTimeout(r, 30));
    expect(Date.now() - before).toBeGreaterThanOrEqual(25);
    expect(Date.now() - before).toBeLessThan(5 * MINUTE);
  } finally {
    installAmbientClock();
  }
  expect(Math.abs(Date.now() - ambientStart())).toBeLessThan(MINUTE);
});
