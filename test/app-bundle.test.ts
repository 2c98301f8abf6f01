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
const launcher = require('../scripts/app.cjs') as {
  bundlePath: (esbuild: { version: string }, name?: string, root?: string) => string;
  codeCachePath: (bundle: string) => string;
  lazyEsbuild: () => { version: string };
  sourceFiles: () => string[];
};
const APP = path.join(ROOT, 'scripts', 'app.cjs');

describe('the synth app bundle', () => {
  test('cdk8s.yaml runs the launcher', () => {
    expect(parse(fs.readFileSync(path.join(ROOT, 'cdk8s.yaml'), 'utf8')).app).toBe('node scripts/app.cjs');
  });

  test('hashes every source the app reaches (the launcher with its build options included), and nothing it does not', () => {
    const files = launcher.sourceFiles();
    expect(files).toEqual(
      expect.arrayContaining([
        'scripts/app.cjs',
        'main.ts',
        'package.json',
        'lib/engine/yaml.ts',
        'releases/nova/index.ts',
        'overrides/nova.ts',
        'policies/index.ts',
        'imports/flux-crd-schemas.json',
      ]),
    );
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
      const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'app.cjs')], {
        cwd: ROOT,
        env: { ...process.env, STX_OUTPUT: path.join(out, 'dist') },
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      // aio-dx and standard are TypeScript profiles.
      for (const file of [
        'aio-dx/nova/nova-system-overrides.yaml',
        'standard/neutron/neutron-system-overrides.yaml',
        'starlingx-app/kustomization.yaml',
      ]) {
        expect(fs.readFileSync(path.join(out, 'dist', file), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8'));
      }
      // The bundle and its V8 code cache, written at the end of the bundle's first run; nothing else.
      const bundle = launcher.bundlePath(esbuild);
      const cached = fs.readdirSync(path.dirname(bundle)).sort();
      expect(cached).toStrictEqual([path.basename(bundle), path.basename(launcher.codeCachePath(bundle))]);
      expect(path.basename(launcher.codeCachePath(bundle))).toBe(`${path.basename(bundle)}.v8cache`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  test("the hash remembered with the sources' stats: an edit that keeps size and modification time, a new file, a removed one each give another bundle", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-sources-'));
    try {
      fs.mkdirSync(path.join(root, 'lib'));
      fs.writeFileSync(path.join(root, 'main.ts'), 'export const a = 1;\n');
      fs.writeFileSync(path.join(root, 'lib', 'b.ts'), 'export const b = 1;\n');
      const memo = path.join(root, 'node_modules', '.cache', 'stx-openstack-gitops-sources', 't.json');
      const name = () => launcher.bundlePath({ version: '1' }, 't', root);
      const first = name();
      // Files changed within the last second are hashed whatever their stats: no memo yet.
      expect(fs.existsSync(memo)).toBe(false);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100);
      expect(name()).toBe(first);
      expect(fs.existsSync(memo)).toBe(true);
      expect(name()).toBe(first);

      const file = path.join(root, 'lib', 'b.ts');
      const { atime, mtime } = fs.statSync(file);
      fs.writeFileSync(file, 'export const b = 2;\n');
      fs.utimesSync(file, atime, mtime);
      const edited = name();
      expect(edited).not.toBe(first);
      fs.writeFileSync(path.join(root, 'lib', 'c.ts'), '');
      const added = name();
      expect(added).not.toBe(edited);
      fs.rmSync(path.join(root, 'lib', 'c.ts'));
      expect(name()).toBe(edited);
      // A memo of another esbuild (or node, or folder) is not used.
      expect(launcher.bundlePath({ version: '2' }, 't', root)).not.toBe(edited);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test("esbuild's version without loading esbuild: the same bundle name", () => {
    expect(launcher.lazyEsbuild().version).toBe(esbuild.version);
    expect(launcher.bundlePath(launcher.lazyEsbuild())).toBe(launcher.bundlePath(esbuild));
  });

  test('a code cache that V8 refuses is not used: the bundle runs from its text and the cache is written again, then used as it is', () => {
    // The bundle exists once the app ran (--help builds it and prints the usage).
    expect(spawnSync(process.execPath, [APP, '--help'], { cwd: ROOT, encoding: 'utf8' }).status).toBe(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-code-cache-'));
    try {
      const bundle = path.join(dir, path.basename(launcher.bundlePath(esbuild)));
      fs.copyFileSync(launcher.bundlePath(esbuild), bundle);
      const cache = launcher.codeCachePath(bundle);
      fs.writeFileSync(cache, 'not a code cache');
      const script = `const a = require(${JSON.stringify(APP)}); a.registerTypeScript(a.lazyEsbuild()); a.requireBundle(${JSON.stringify(bundle)});`;
      const synth = () =>
        spawnSync(process.execPath, ['-e', script], {
          cwd: ROOT,
          env: { ...process.env, STX_OUTPUT: path.join(dir, 'dist') },
          encoding: 'utf8',
        });
      const file = 'aio-dx/nova/nova-system-overrides.yaml';
      const first = synth();
      expect(first.stderr).toContain('wrote');
      expect(first.status).toBe(0);
      expect(fs.readFileSync(path.join(dir, 'dist', file), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8'));
      const written = fs.readFileSync(cache);
      const inode = fs.statSync(cache).ino;
      expect(written.toString('latin1')).not.toBe('not a code cache');
      expect(written.length).toBeGreaterThan(100_000);
      const second = synth();
      expect(second.status).toBe(0);
      expect(fs.readFileSync(path.join(dir, 'dist', file), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8'));
      // Accepted: not written again (a new cache is renamed into place: another inode).
      expect(fs.statSync(cache).ino).toBe(inode);
      expect(fs.readFileSync(cache).equals(written)).toBe(true);
      expect(fs.readdirSync(dir).filter((e) => e.endsWith('.tmp'))).toStrictEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
