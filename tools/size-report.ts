// Prints the package size report after `npm test` builds (the budgets themselves are asserted by
// test/build/app-packages.test.ts).
import path from 'node:path';
import { sizeReport } from './package-sizes';

for (const line of sizeReport(path.resolve(__dirname, '..', 'dist'))) console.log(line);
