/**
 * TypeScript profiles are transpiled as they are required (scripts/app.cjs registerTypeScript), and
 * the transpiled text is cached by the file's path, text and options: an unchanged profile does not
 * start esbuild at all, an edited one is transpiled again, and one entry per file is kept.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const APP = path.resolve(__dirname, '..', 'scripts', 'app.cjs');

/** Requires `file` in a fresh node process with the cache at `cache`; `noTranspile`: esbuild may not be used. */
function load(file: string, cache: string, noTranspile = false): { status: number | null; stdout: string; stderr: string } {
  const esbuild = noTranspile
    ? "({ version: require('esbuild').version, transformSync() { throw new Error('transpiled again') } })"
    : "require('esbuild')";
  const script = `require(${JSON.stringify(APP)}).registerTypeScript(${esbuild}, ${JSON.stringify(cache)}); console.log(JSON.stringify(require(${JSON.stringify(file)}).value));`;
  return spawnSync(process.execPath, ['-e', script], { cwd: path.dirname(APP), encoding: 'utf8' });
}

describe('the transpile cache of TypeScript profiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-ts-cache-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('unchanged: read from the cache, esbuild not used; edited: transpiled again, the old entry removed', () => {
    const file = path.join(dir, 'profile.ts');
    const cache = path.join(dir, 'cache');
    fs.writeFileSync(file, 'export const value: number = 1;\n');
    expect(load(file, cache).stdout).toBe('1\n');
    expect(fs.readdirSync(cache)).toHaveLength(1);
    expect(load(file, cache, true).stdout).toBe('1\n');

    fs.writeFileSync(file, 'export const value: number = 2;\n');
    const stale = load(file, cache, true);
    expect(stale.status).not.toBe(0);
    expect(stale.stderr).toContain('transpiled again');
    expect(load(file, cache).stdout).toBe('2\n');
    expect(fs.readdirSync(cache)).toHaveLength(1);
    expect(load(file, cache, true).stdout).toBe('2\n');
  }, 60_000);
});
