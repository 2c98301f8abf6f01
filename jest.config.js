const os = require('os');

/** @type {import('jest').Config} */
module.exports = {
  // Jest's default (cores - 1) runs every suite in one process on a 2-core machine; the suites
  // are independent (each writes only to its own temporary folders), so use both cores.
  maxWorkers: Math.max(2, (os.availableParallelism ? os.availableParallelism() : os.cpus().length) - 1),
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // esbuild strips the types (tsc checks them first in `npm test`) and turns ES modules into CommonJS.
  transform: { '^.+\\.(ts|js)$': '<rootDir>/test/support/esbuild-transform.js' },
  // Only these packages are ES modules only; everything else in node_modules is loaded as it is.
  transformIgnorePatterns: ['/node_modules/(?!(age-encryption|@noble|@scure)/)'],
  testTimeout: 60000,
  // A folder per run where suites share what they would each compute again (test/support/synth.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
