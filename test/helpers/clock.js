// The test clock, one place for every jest project (plain CommonJS: the simulate project does not
// transform its files). Two instants:
// - TEST_NOW, the fixed "now" of the tests: 2026-11-23 10:00 in Shanghai, a Monday of the 2026 school
//   year. The seed, the server clock (fakeServerClock) and the browser clock start there.
// - the ambient date: what `Date` says in a test file that pins no clock of its own. It stands in
//   for the machine's date, so no test reads the real one: TEST_NOW by default, or XUEQU_TEST_TODAY
//   (any Date.parse-able instant) for the run in another year that CI does (tools/test.mjs). A test
//   that passes only when "today" is in 2026 fails that run.
'use strict';

const TEST_NOW = Date.parse('2026-11-23T02:00:00Z');
const ENV = 'XUEQU_TEST_TODAY';

/** The instant the ambient clock starts at: XUEQU_TEST_TODAY when set, else TEST_NOW. */
function ambientStart() {
  const raw = process.env[ENV];
  if (!raw) return TEST_NOW;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw new Error(`${ENV}=${raw}: not a date (try 2029-03-14T02:00:00Z)`);
  return t;
}

/**
 * Replaces the global Date of this jest environment by one that starts at `start` and runs on at
 * real speed (durations and timeouts stay real). jest.useFakeTimers() installs over it and
 * jest.useRealTimers() comes back to it, not to the machine's date. Installing it again restarts it at
 * `start`: the inner loop's workers keep one global context across test files
 * (config/jest-worker-context.js), and each file must still start at the ambient date.
 */
function installAmbientClock(start = ambientStart(), g = globalThis) {
  if (g.Date.xuequAmbient) {
    g.Date.restartAt(start);
    return;
  }
  const Native = g.Date;
  let offset = 0;
  const now = () => Native.now() + offset;
  function AmbientDate(...args) {
    if (!new.target) return new Native(now()).toString(); // Date() called as a function
    return Reflect.construct(Native, args.length === 0 ? [now()] : args, new.target);
  }
  Object.setPrototypeOf(AmbientDate, Native); // parse, UTC
  AmbientDate.prototype = Native.prototype; // instanceof Date either way
  AmbientDate.now = now;
  AmbientDate.xuequAmbient = true;
  AmbientDate.restartAt = (instant) => {
    offset = instant - Native.now();
  };
  AmbientDate.restartAt(start);
  g.Date = AmbientDate;
}

module.exports = { TEST_NOW, ENV, ambientStart, installAmbientClock };
