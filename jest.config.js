const fs = require('fs');
const os = require('os');
const path = require('path');

/**
 * Two tiers, both run by CI (.ci/run). `npm test` (STX_TEST_TIER=fast) is the everyday loop and
 * stays under a minute on an idle 2-core machine; `npm run test:slow` (STX_TEST_TIER=slow) runs the
 * suites below: each costs about 4 s or more of a cold run (measured with `jest --json` on a fresh clone,
 * 2026-12-07), because it renders charts with Helm, spawns the bin or the cdk8s CLI, builds many
 * trees, or runs kustomize over every stack. `npx jest` (no tier) runs both, as StrykerJS does.
 */
const SLOW_SUITES = [
  'adding-a-field', // type-checks a scratch copy of the project
  'app-bundle', // builds bundles with esbuild and runs the app as a process, against the sources run by tsx
  'bad-input', // one synth per hostile input, two cdk8s CLI processes
  'chart-versions', // every pin of every stack against the chart packages
  'cli', // the npm script aliases as processes
  'cli-registry', // every command's --help and --json through the registry, failed synths through every documented path
  'credential-documents', // helm-controller's composition on every Flux target
  'credential-needs', // synths before and after enabling releases
  'credentials-encrypt', // age encryption and SOPS files, decrypted by sops-age
  'credentials-fleet', // a fleet's credentials through the bin
  'credentials-lifecycle', // install, change, rotation and removal, each a credentials run over a synth
  'determinism', // two whole synths compared byte for byte
  'fleet', // kubectl kustomize of every subcloud against its standalone stack
  'fleet-review', // diff/values/validate of changed, added and removed subclouds through the bin
  'layering', // dependency-cruiser run on fixture trees (npm test runs it on the project itself)
  'flux-targets', // every stack against the CRDs of each StarlingX release
  'render', // every stack rendered by Helm with the StarlingX-built charts
  'render-command', // the render command through the bin, with Helm
  'profile-sources', // hostile profile files: 80,000 keys, megabyte files, every source form
  'program-texts', // the program texts run by python3, bash and the tools they call
  'render-parity', // starlingx-app and the reference tree rendered by Helm
  'review-tools', // values/diff/images over whole trees
  'user-value-safety', // the tpl table re-derived from every chart package
  'validate', // validate, kustomize included, of every stack
  'validate-limits', // the validator on hostile trees (bombs, huge files)
];
// A renamed or removed suite must leave this list too (else it would silently move tiers).
for (const name of SLOW_SUITES) {
  if (!fs.existsSync(path.join(__dirname, 'test', `${name}.test.ts`)))
    throw new Error(`jest.config.js: SLOW_SUITES names test/${name}.test.ts, which does not exist`);
}
const slowPatterns = [...SLOW_SUITES.map((name) => `/test/${name.replace(/[-.]/g, '\\$&')}\\.test\\.ts$`), '\\.slow\\.test\\.ts$'];
const tier = process.env.STX_TEST_TIER;
if (tier !== undefined && tier !== 'fast' && tier !== 'slow')
  throw new Error(`STX_TEST_TIER must be fast or slow, got ${JSON.stringify(tier)}`);

// The release suites (test/releases/<name>.test.ts) cost about 0.35 s of CPU each of jest's own:
// the whole fast tier runs them as one suite, test/releases.test.ts. A run given a path or a
// pattern (any argument that is not an option) runs them as their own suites, as other runs do,
// unless it names test/releases.test.ts itself.
const patterns = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const releasesAsOne = tier === 'fast' && patterns.length === 0;
const releasePatterns = [
  ...(releasesAsOne ? ['/test/releases/[^/]+\\.test\\.ts$'] : []),
  ...(releasesAsOne || patterns.some((arg) => /releases\.test/.test(arg)) ? [] : ['/test/releases\\.test\\.ts$']),
];

/** @type {import('jest').Config} */
module.exports = {
  // Jest's default (cores - 1) runs every suite in one process on a 2-core machine; the suites
  // are independent (each writes only to its own temporary folders), so use both cores.
  maxWorkers: Math.max(2, (os.availableParallelism ? os.availableParallelism() : os.cpus().length) - 1),
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(tier === 'fast' ? slowPatterns : []), ...releasePatterns],
  ...(tier === 'slow' ? { testRegex: slowPatterns, testMatch: undefined } : {}),
  // esbuild strips the types (tsc checks them first in `npm test`) and turns ES modules into CommonJS.
  transform: { '^.+\\.(ts|js)$': '<rootDir>/test/support/esbuild-transform.js' },
  // Only these packages are ES modules only; everything else in node_modules is loaded as it is.
  transformIgnorePatterns: ['/node_modules/(?!(age-encryption|@noble|@scure)/)'],
  testTimeout: 60000,
  // A folder per run where suites share what they would each compute again (test/support/synth.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
