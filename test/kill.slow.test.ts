/**
 * A synth killed at any moment leaves the old tree or the new one, and the next synth cleans up:
 * a real writer process (the same atomic replace as synth) is killed with SIGKILL at several
 * moments, from mid-write to mid-swap.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { completeInterruptedSwap, MARKER_FILE, replaceFolder } from '../lib/engine/output-folder';

const WRITER = path.join(__dirname, 'support', 'slow-writer.ts');
const FILES = 1500;

/** The set of texts in a tree (one per file), or undefined when there is no tree. */
function textsOf(dir: string): Set<string> | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const texts = new Set<string>();
  let files = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name !== MARKER_FILE) {
        texts.add(fs.readFileSync(path.join(d, e.name), 'utf8').trim());
        files++;
      }
    }
  };
  walk(dir);
  return files === FILES ? texts : new Set(['incomplete']);
}

/** Runs the writer and kills it `delayMs` after it starts (or after it says it is swapping). */
function killedWriter(target: string, text: string, delayMs: number, atSwap: boolean): Promise<void> {
  return new Promise((resolve) => {
    // node itself runs the writer (tsx as a loader): the tsx command would leave its node child running when killed.
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, target, String(FILES), text], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const kill = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
    if (atSwap) child.stdout.on('data', (d: Buffer) => d.toString().includes('swapping') && kill());
    else kill();
    child.on('exit', () => resolve());
  });
}

describe('a synth killed at any moment', () => {
  const cases: Array<[string, number, boolean]> = [
    ['while starting', 300, false],
    ['while writing the new tree', 900, false],
    ['right at the swap', 0, true],
    ['just after the swap began', 2, true],
  ];
  test.each(cases)(
    'killed %s: the old or the new tree, and the next synth cleans up',
    async (_, delay, atSwap) => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-kill-'));
      try {
        const target = path.join(tmp, 'dist');
        replaceFolder(
          target,
          (staging) => {
            for (let i = 0; i < FILES; i++) {
              fs.mkdirSync(path.join(staging, `d${i % 20}`), { recursive: true });
              fs.writeFileSync(path.join(staging, `d${i % 20}`, `f${i}.yaml`), 'old\n');
            }
          },
          { marker: 'kill-test\n' },
        );
        await killedWriter(target, 'new', delay, atSwap);
        // Right after the kill: the old tree, the new tree, or (between the two renames) none, with the journal.
        const now = textsOf(target);
        if (now === undefined) expect(fs.existsSync(path.join(tmp, '.dist.swap'))).toBe(true);
        else expect([['old'], ['new']]).toContainEqual([...now]);
        // The next synth first completes or undoes what was left, then removes the leftovers.
        completeInterruptedSwap(target);
        expect([['old'], ['new']]).toContainEqual([...(textsOf(target) ?? ['none'])]);
        // and a whole next synth takes over the dead writer's lock and leaves nothing beside the tree.
        replaceFolder(target, (staging) => fs.writeFileSync(path.join(staging, 'next.yaml'), 'next\n'), { marker: 'kill-test\n' });
        expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
    30_000,
  );
});
