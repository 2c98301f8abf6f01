// StrykerJS mutation testing: not part of `npm test` or CI. Use `npm run mutate -- <file> ...`
// (scripts/mutate.ts), which mutates only the given files and runs only their nearest tests.
// Run directly (`npx stryker run --mutate <file>`), the jest runner finds the related tests itself.
const tests = process.env.MUTATE_TESTS ? JSON.parse(process.env.MUTATE_TESTS) : undefined;
const name = process.env.MUTATE_REPORT ?? 'mutation';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // With an explicit list of test files, run exactly those; otherwise jest --findRelatedTests.
    ...(tests ? { config: { testMatch: tests.map((t) => `**/${t}`) } } : { enableFindRelatedTests: true }),
  },
  // MUTATE_NO_TYPECHECK (mutate --no-typecheck): no checker; mutants that do not type check run as JavaScript.
  checkers: process.env.MUTATE_NO_TYPECHECK ? [] : ['typescript'],
  tsconfigFile: 'tsconfig.json',
  coverageAnalysis: 'perTest',
  // Instrumented code does not type check; the TypeScript checker does that per mutant instead.
  disableTypeChecks: '{lib,overrides,releases,deployments,policies,test}/**/*.ts',
  // .stryker-tmp*: the sandboxes of other runs (scripts/mutate.ts gives each run a folder of its own).
  ignorePatterns: ['dist', '.cdk8s-out', 'reports', 'scratch', 'credentials', 'coverage', '.stryker-tmp*'],
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
