import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Runs `stx-openstack-gitops <args>` as a process, as `npm run <command>` runs it: node on the
 * bin, whose esbuild bundle is built once and cached by a hash of the sources. A run costs about
 * 0.5 s of CPU where `tsx scripts/<command>.ts` costs 1.5 s (2 s through npx); test/cli.test.ts
 * runs the tsx aliases themselves.
 */
export function runBin(args: readonly string[], env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'stx-openstack-gitops.cjs'), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
}
