import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp } from '../lib/deployment/app';
import { renderApp, RenderedStack, writeStacks } from '../lib/engine/synth';
import { MARKER_FILE } from '../lib/engine/output-folder';
import { GENERATED_HEADER } from '../lib/engine/yaml';
import { listFiles } from './support/reference';
import { renderStacks } from './support/synth';

/** Every file below `dir` with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

/** The files whose bytes differ between two snapshots of the same file list. */
function differing(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...a.keys()].filter((f) => !b.get(f)?.equals(a.get(f) as Buffer));
}

/** The entries beside `dir` left by writeStacks (staging or previous folders). */
function leftovers(dir: string): string[] {
  return fs.readdirSync(path.dirname(dir)).filter((e) => e.startsWith(`.${path.basename(dir)}.`));
}

describe('writeStacks', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-determinism-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('two fresh synths write byte-identical trees', () => {
    // given two independent renders of the app (a fresh one, and the cached one of this file)
    const first = path.join(tmp, 'first');
    const second = path.join(tmp, 'second');
    // when each is written
    writeStacks(first, renderApp(buildApp()));
    writeStacks(second, renderStacks());
    // then the trees hold the same files, with the same bytes
    const a = snapshot(first);
    const b = snapshot(second);
    expect(a.size).toBeGreaterThan(0);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(differing(a, b)).toEqual([]);
    expect(leftovers(first)).toEqual([]);
    expect(leftovers(second)).toEqual([]);
  });

  test('writes exactly the rendered files of every stack, nothing else', () => {
    const out = path.join(tmp, 'out');
    const stacks = renderStacks();
    writeStacks(out, stacks);
    const expected = [MARKER_FILE, ...stacks.flatMap((s) => [...s.files.keys()].map((f) => `${s.name}/${f}`))].sort();
    const written = snapshot(out);
    expect([...written.keys()]).toEqual(expected);
    const changed = stacks.flatMap((s) =>
      [...s.files].filter(([f, text]) => !written.get(`${s.name}/${f}`)?.equals(Buffer.from(text, 'utf8'))).map(([f]) => `${s.name}/${f}`),
    );
    expect(changed).toEqual([]);
  });

  test('a stale file of a release that is gone disappears', () => {
    // given a written tree with a stale release folder and a stale stack folder
    const out = path.join(tmp, 'out');
    writeStacks(out, renderStacks());
    const staleRelease = path.join(out, 'starlingx-app', 'old-release', 'x.yaml');
    const staleStack = path.join(out, 'old-stack', 'kustomization.yaml');
    for (const stale of [staleRelease, staleStack]) {
      fs.mkdirSync(path.dirname(stale), { recursive: true });
      fs.writeFileSync(stale, `# ${GENERATED_HEADER}\nstale: true\n`); // written by an earlier synth
    }
    // when the stacks are written again
    writeStacks(out, renderStacks());
    // then neither stale file nor its folder is left, and nothing is left beside the output
    expect(fs.existsSync(staleRelease)).toBe(false);
    expect(fs.existsSync(path.dirname(staleRelease))).toBe(false);
    expect(fs.existsSync(path.dirname(staleStack))).toBe(false);
    expect(leftovers(out)).toEqual([]);
  });

  test('fails when a file cannot be written, and leaves the target byte-for-byte unchanged', () => {
    // given a written tree, with a file of our own in it
    const out = path.join(tmp, 'out');
    const stacks = renderStacks();
    writeStacks(out, stacks);
    fs.writeFileSync(path.join(out, 'starlingx-app', 'kept.txt'), `# ${GENERATED_HEADER}\nwritten before the failure\n`);
    const before = snapshot(out);
    // and a stack with a file below an existing file (kustomization.yaml/x.yaml)
    const app = stacks.find((s) => s.name === 'starlingx-app') as RenderedStack;
    const broken: RenderedStack = { ...app, files: new Map([...app.files, ['kustomization.yaml/x.yaml', 'x: 1\n']]) };
    // when it is written, then writeStacks throws
    expect(() => writeStacks(out, [broken])).toThrow(/kustomization\.yaml/);
    // and the target is unchanged, with no staging folder left beside it
    const after = snapshot(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(differing(before, after)).toEqual([]);
    expect(leftovers(out)).toEqual([]);
  });

  // KNOWN BUG (lib/engine/synth.ts, not fixed here): the folder for the previous tree is named by
  // `staging.replace('.new-', '.old-')`, which replaces the first `.new-` of the whole path; when a
  // parent folder's name holds `.new-`, the rename goes to a folder that does not exist, the second
  // write throws ENOENT and leaves its staging folder behind. Turn into `test` once fixed.
  test('rewrites a target whose parent folder name holds ".new-"', () => {
    const parent = path.join(tmp, 'build.new-1');
    const out = path.join(parent, 'out');
    writeStacks(out, renderStacks());
    writeStacks(out, renderStacks());
    expect(leftovers(out)).toEqual([]);
  });

  test('fails when a file cannot be written into a target that does not exist yet, and creates nothing', () => {
    const out = path.join(tmp, 'never');
    const app = renderStacks()[0];
    const broken: RenderedStack = { ...app, files: new Map([...app.files, ['kustomization.yaml/x.yaml', 'x: 1\n']]) };
    expect(() => writeStacks(out, [broken])).toThrow();
    expect(fs.existsSync(out)).toBe(false);
    expect(leftovers(out)).toEqual([]);
  });
});
