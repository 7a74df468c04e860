// setupFiles of every jest project: no test file sees the machine's date (see ./clock.js).
require('./clock').installAmbientClock();
