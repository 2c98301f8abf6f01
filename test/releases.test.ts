/**
 * The 29 release suites of test/releases/ as one jest suite, for the whole fast tier (`npm test`
 * with no path or pattern). Each jest suite costs about 0.35 s of CPU before its first test
 * (a module registry, jest's expect and circus loaded again, the profile schema built again):
 * 29 suites cost about 8 s of CPU more than this one (measured 2026-12-07). Every other run (a
 * path or a pattern, `npx jest`, StrykerJS, the slow tier) runs them as their own suites and
 * leaves this one out (jest.config.js). The tests keep their names: no describe is added.
 */
import * as fs from 'fs';
import * as path from 'path';

const dir = path.join(__dirname, 'releases');
const suites = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.test.ts'))
  .sort();
if (suites.length === 0) throw new Error(`no release suite in ${dir}`);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- each file registers its tests as it loads, in order
for (const file of suites) require(path.join(dir, file));
