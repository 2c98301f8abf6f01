/**
 * `cdk8s synth` runs main.ts bundled once by esbuild (scripts/app.cjs), cached by a hash of every
 * source the entry point can reach: the bundle writes what tsx does, and an edit gives a new bundle.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require('../scripts/app.cjs') as { bundlePath: (esbuild: { version: string }) => string; sourceFiles: () => string[] };

describe('the synth app bundle', () => {
  test('cdk8s.yaml runs the launcher', () => {
    expect(parse(fs.readFileSync(path.join(ROOT, 'cdk8s.yaml'), 'utf8')).app).toBe('node scripts/app.cjs');
  });

  test('hashes every source the app reaches, and nothing it does not', () => {
    const files = launcher.sourceFiles();
    expect(files).toEqual(expect.arrayContaining(['main.ts', 'package.json', 'lib/engine/yaml.ts', 'releases/nova/index.ts', 'overrides/nova.ts', 'policies/index.ts', 'imports/flux-crd-schemas.json']));
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('deployments/') || f.startsWith('dist/'))).toStrictEqual([]);
  });

  test('the bundle name follows the sources: a different esbuild version gives another bundle', () => {
    const a = launcher.bundlePath({ version: '1' });
    expect(a).toMatch(/node_modules\/\.cache\/stx-openstack-gitops\/app-[0-9a-f]{16}\.cjs$/);
    expect(launcher.bundlePath({ version: '1' })).toBe(a);
    expect(launcher.bundlePath({ version: '2' })).not.toBe(a);
  });

  test('writes the same tree as the sources run by tsx, TS profiles included', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-bundle-'));
    try {
      const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'app.cjs')], { cwd: ROOT, env: { ...process.env, STX_OUTPUT: path.join(out, 'dist') }, encoding: 'utf8' });
      expect(run.status).toBe(0);
      // aio-dx and standard are TypeScript profiles.
      for (const file of ['aio-dx/nova/nova-system-overrides.yaml', 'standard/neutron/neutron-system-overrides.yaml', 'starlingx-app/kustomization.yaml']) {
        expect(fs.readFileSync(path.join(out, 'dist', file), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8'));
      }
      const cached = fs.readdirSync(path.join(ROOT, 'node_modules', '.cache', 'stx-openstack-gitops'));
      expect(cached).toStrictEqual([path.basename(launcher.bundlePath(esbuild))]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
