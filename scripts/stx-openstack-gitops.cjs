#!/usr/bin/env node
/**
 * The `stx-openstack-gitops` bin (package.json `bin`): lib/commands/entry.ts, bundled once by
 * esbuild with its npm packages and cached by a hash of the sources, by the same code as the synth
 * app (scripts/app.cjs).
 */
'use strict';
const { build, bundlePath, lazyEsbuild, registerTypeScript, requireBundle } = require('./app.cjs');

const NAME = 'cli';

async function main() {
  const esbuild = lazyEsbuild();
  const outfile = bundlePath(esbuild, NAME);
  if (!require('fs').existsSync(outfile)) await build(esbuild, outfile, 'lib/commands/entry.ts', NAME, true);
  registerTypeScript(esbuild);
  requireBundle(outfile);
}

main().catch((error) => {
  console.error(`stx-openstack-gitops: ${error && error.message ? error.message : String(error)}`);
  process.exitCode = 1;
});
