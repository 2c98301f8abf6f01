/**
 * The output-folder writer's branches one by one: symlink chains, ownership, the lock's holder,
 * the journal, the parent folder, carried-over files and the messages, each with its exact text.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { completeInterruptedSwap, MARKER_FILE, realTarget, removeTree, replaceFolder, writeFiles } from '../../lib/engine/output-folder';
import { toYamlFile } from '../../lib/engine/yaml';

// The module object the writer reads its functions from at each call.
const realFs: typeof fs = jest.requireActual('fs');
const files = (entries: Record<string, string>) => writeFiles(new Map(Object.entries(entries)));

describe('the output folder, branch by branch', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-of-'));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('realTarget follows a chain of links, relative ones too, and a dangling one to where it points', () => {
    fs.mkdirSync(path.join(tmp, 'real'));
    fs.symlinkSync('real', path.join(tmp, 'one'));
    fs.symlinkSync(path.join(tmp, 'one'), path.join(tmp, 'two'));
    fs.symlinkSync('nowhere', path.join(tmp, 'dangling'));
    expect(realTarget(path.join(tmp, 'two'))).toBe(path.join(tmp, 'real'));
    expect(realTarget(path.join(tmp, 'dangling'))).toBe(path.join(tmp, 'nowhere'));
    expect(realTarget(path.join(tmp, 'absent'))).toBe(path.join(tmp, 'absent'));
  });

  test('realTarget refuses a symlink loop', () => {
    fs.symlinkSync('b', path.join(tmp, 'a'));
    fs.symlinkSync('a', path.join(tmp, 'b'));
    expect(() => realTarget(path.join(tmp, 'a'))).toThrow(`output folder ${path.join(tmp, 'a')}: too many levels of symbolic links`);
  });

  test('a refused folder lists at most five entries and how many there are', () => {
    const target = path.join(tmp, 'work');
    fs.mkdirSync(target);
    for (const n of ['f', 'e', 'd', 'c', 'b', 'a', 'g']) fs.writeFileSync(path.join(target, n), n);
    expect(() => replaceFolder(target, files({}), { marker: 'm' })).toThrow(
      `output folder ${target}: not written by this generator (no ${MARKER_FILE} marker) and not empty (it holds a, b, c, d, e, ... (7 entries)); choose a new or empty folder, or remove its content yourself`,
    );
  });

  test('a legacy tree counts only when every entry is a folder with a generated kustomization', () => {
    const target = path.join(tmp, 'dist');
    fs.mkdirSync(path.join(target, 'a'), { recursive: true });
    fs.writeFileSync(path.join(target, 'a', 'kustomization.yaml'), toYamlFile([{ resources: [] }]));
    fs.writeFileSync(path.join(target, 'loose.txt'), 'x');
    expect(() => replaceFolder(target, files({}), { marker: 'm' })).toThrow(/not written by this generator/);
    fs.rmSync(path.join(target, 'loose.txt'));
    fs.mkdirSync(path.join(target, 'b'));
    expect(() => replaceFolder(target, files({}), { marker: 'm' })).toThrow(/it holds a, b\)/);
  });

  test('an empty folder is taken, and without a marker option there is no ownership check and no marker', () => {
    const target = path.join(tmp, 'imports');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'old.ts'), 'old');
    replaceFolder(target, files({ 'new.ts': 'new' }));
    expect(fs.readdirSync(target)).toStrictEqual(['new.ts']);
  });

  test('the lock of a live process on another host is respected; the message names pid, host and time', () => {
    fs.writeFileSync(path.join(tmp, '.dist.lock'), '1 other-host 2026-01-01T00:00:00Z\n');
    expect(() => replaceFolder(path.join(tmp, 'dist'), files({}), { marker: 'm' })).toThrow(
      `output folder ${path.join(tmp, 'dist')}: another synth is writing it (lock ${path.join(tmp, '.dist.lock')}: pid 1 on other-host, since 2026-01-01T00:00:00Z); wait for it, or remove the lock if that process is gone`,
    );
  });

  test('a lock without a time still names its holder', () => {
    fs.writeFileSync(path.join(tmp, '.dist.lock'), `${process.ppid} ${os.hostname()}\n`);
    expect(() => replaceFolder(path.join(tmp, 'dist'), files({}), { marker: 'm' })).toThrow(`pid ${process.ppid} on ${os.hostname()}, since ?)`);
  });

  test.each(['0', '-5', 'x'])('a lock with pid %s on this host is stale and taken over', (pid) => {
    fs.writeFileSync(path.join(tmp, '.dist.lock'), `${pid} ${os.hostname()} t\n`);
    replaceFolder(path.join(tmp, 'dist'), files({ 'a.yaml': 'a' }), { marker: 'm' });
    expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
  });

  test('a process that exists but is not ours (EPERM) holds its lock', () => {
    jest.spyOn(process, 'kill').mockImplementation(() => {
      throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
    });
    fs.writeFileSync(path.join(tmp, '.dist.lock'), `4242 ${os.hostname()} t\n`);
    expect(() => replaceFolder(path.join(tmp, 'dist'), files({}), { marker: 'm' })).toThrow('another synth is writing it');
  });

  test('a lock that cannot be written for another reason says so', () => {
    fs.mkdirSync(path.join(tmp, '.dist.lock'));
    expect(() => replaceFolder(path.join(tmp, 'dist'), files({}), { marker: 'm' })).toThrow(/EISDIR|EEXIST/);
  });

  test('completeInterruptedSwap reports what it did, and leaves other folders alone', () => {
    const target = path.join(tmp, 'dist');
    fs.mkdirSync(target);
    fs.mkdirSync(path.join(tmp, '.dist.new-1'));
    fs.mkdirSync(path.join(tmp, '.dister.new-1'));
    fs.writeFileSync(path.join(tmp, '.dist.swap.tmp'), '{"sta');
    expect(completeInterruptedSwap(target)).toStrictEqual([`removed ${path.join(tmp, '.dist.new-1')}, left by an interrupted synth`]);
    expect(fs.readdirSync(tmp).sort()).toStrictEqual(['.dister.new-1', 'dist']);
  });

  test('a journal that does not parse moved nothing: the target stays, the journal goes', () => {
    const target = path.join(tmp, 'dist');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(tmp, '.dist.swap'), 'not json');
    expect(completeInterruptedSwap(target)).toStrictEqual([]);
    expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
  });

  test('a journal whose target exists changes nothing but goes', () => {
    const target = path.join(tmp, 'dist');
    fs.mkdirSync(target);
    fs.mkdirSync(path.join(tmp, 'elsewhere'));
    fs.writeFileSync(path.join(tmp, '.dist.swap'), JSON.stringify({ staging: path.join(tmp, 'elsewhere'), previous: path.join(tmp, 'elsewhere') }));
    // A journal naming folders that are not our staging and previous folders is ignored (never acted on).
    expect(completeInterruptedSwap(target)).toStrictEqual([expect.stringMatching(/^ignored the swap journal .*\.dist\.swap: it names .*elsewhere/)]);
    expect(fs.readdirSync(tmp).sort()).toStrictEqual(['dist', 'elsewhere']);
  });

  test('a restored previous tree is reported', () => {
    const target = path.join(tmp, 'dist');
    const previous = path.join(tmp, '.dist.old-9');
    fs.mkdirSync(previous);
    fs.writeFileSync(path.join(tmp, '.dist.swap'), JSON.stringify({ staging: path.join(tmp, '.dist.new-9'), previous }));
    expect(completeInterruptedSwap(target)).toStrictEqual([`restored ${target} that an interrupted synth had moved away`]);
  });

  test('a parent path through a file is refused, naming the file', () => {
    fs.writeFileSync(path.join(tmp, 'file'), 'x');
    const target = path.join(tmp, 'file', 'sub', 'dist');
    expect(() => replaceFolder(target, files({}), { marker: 'm' })).toThrow(`output folder ${target}: ${path.join(tmp, 'file')} is not a folder`);
  });

  test('a system error while writing names the file in the tree and keeps the target', () => {
    const target = path.join(tmp, 'dist');
    replaceFolder(target, files({ 'a.yaml': 'a' }), { marker: 'm' });
    expect(() => replaceFolder(target, files({ x: 'file', 'x/y.yaml': 'y' }), { marker: 'm' })).toThrow(
      new RegExp(`^output folder ${target}: writing the new tree failed at x(/y\\.yaml)? \\((ENOTDIR|EEXIST): [^()]*\\); ${target} is unchanged$`),
    );
    expect(fs.readFileSync(path.join(target, 'a.yaml'), 'utf8')).toBe('a');
  });

  test('an error of the fill itself keeps its own message', () => {
    const target = path.join(tmp, 'dist');
    expect(() =>
      replaceFolder(target, () => {
        throw new Error('render failed');
      }),
    ).toThrow(/^render failed$/);
    expect(fs.readdirSync(tmp)).toStrictEqual([]);
  });

  test('kept paths are carried over (nested, links kept as links), missing ones skipped, written ones win', () => {
    const target = path.join(tmp, 'dist');
    replaceFolder(target, files({ 'clusters/a/k.yaml': '1', 'w.yaml': 'old' }), { marker: 'm' });
    fs.mkdirSync(path.join(target, 'clusters', 'a', 'flux-system'));
    fs.writeFileSync(path.join(target, 'clusters', 'a', 'flux-system', 'sync.yaml'), 'bootstrap');
    fs.symlinkSync('sync.yaml', path.join(target, 'clusters', 'a', 'flux-system', 'link.yaml'));
    replaceFolder(target, files({ 'clusters/a/k.yaml': '2', 'w.yaml': 'new' }), { marker: 'm', keep: ['clusters/a/flux-system', 'w.yaml', 'absent'] });
    expect(fs.readFileSync(path.join(target, 'clusters', 'a', 'flux-system', 'sync.yaml'), 'utf8')).toBe('bootstrap');
    expect(fs.readlinkSync(path.join(target, 'clusters', 'a', 'flux-system', 'link.yaml'))).toBe('sync.yaml');
    expect(fs.readFileSync(path.join(target, 'w.yaml'), 'utf8')).toBe('new');
    expect(fs.existsSync(path.join(target, 'absent'))).toBe(false);
  });

  test('unchanged files are hard-linked from the current tree; changed and new ones are written', () => {
    const target = path.join(tmp, 'dist');
    replaceFolder(target, files({ 'same.yaml': 'same', 'changed.yaml': 'v1', 'grown.yaml': 'ab' }), { marker: 'm' });
    const inode = (f: string) => fs.statSync(path.join(target, f)).ino;
    const before = { same: inode('same.yaml'), changed: inode('changed.yaml'), grown: inode('grown.yaml') };
    const next = new Map(Object.entries({ 'same.yaml': 'same', 'changed.yaml': 'v2', 'grown.yaml': 'abc', 'new.yaml': 'n' }));
    replaceFolder(target, writeFiles(next, target), { marker: 'm' });
    expect(inode('same.yaml')).toBe(before.same);
    expect(inode('changed.yaml')).not.toBe(before.changed);
    expect(inode('grown.yaml')).not.toBe(before.grown);
    expect(fs.readFileSync(path.join(target, 'changed.yaml'), 'utf8')).toBe('v2');
    expect(fs.readFileSync(path.join(target, 'new.yaml'), 'utf8')).toBe('n');
  });

  describe('recycling the previous tree (a fleet that changes little)', () => {
    const write = (target: string, tree: Record<string, string>, kept: string[] = []) =>
      replaceFolder(target, writeFiles(new Map(Object.entries(tree)), fs.existsSync(target) ? target : undefined, kept), { marker: 'm', recycle: true });
    const listing = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listing(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name])).sort();

    test('the previous tree stays beside as the spare, and the next replace starts from it: exact tree, unchanged files keep their inodes', () => {
      const target = path.join(tmp, 'dist');
      write(target, { 'a/same.yaml': 'same', 'a/changed.yaml': 'v1', 'gone/x.yaml': 'x', 'kept/k.yaml': 'k', 'dir-then-file/f.yaml': 'f' });
      expect(fs.readdirSync(tmp).sort()).toStrictEqual(['dist']);
      write(target, { 'a/same.yaml': 'same', 'a/changed.yaml': 'v2', 'kept/k.yaml': 'k', 'dir-then-file': 'now a file' });
      expect(fs.readdirSync(tmp).sort()).toStrictEqual(['.dist.spare', 'dist']);
      const ino = (f: string) => fs.statSync(path.join(target, f)).ino;
      const before = { same: ino('a/same.yaml'), changed: ino('a/changed.yaml'), kept: ino('kept/k.yaml') };
      // A witness of the current tree's changed file: the recycled staging shares that inode and must not write through it.
      fs.linkSync(path.join(target, 'a/changed.yaml'), path.join(tmp, 'witness'));
      write(target, { 'a/same.yaml': 'same', 'a/changed.yaml': 'v3', 'new/n.yaml': 'n', 'dir-then-file/f.yaml': 'f again' }, ['kept/k.yaml']);
      expect(listing(target)).toStrictEqual([MARKER_FILE, 'a/changed.yaml', 'a/same.yaml', 'dir-then-file/f.yaml', 'kept/k.yaml', 'new/n.yaml'].sort());
      expect(ino('a/same.yaml')).toBe(before.same);
      expect(ino('kept/k.yaml')).toBe(before.kept);
      expect(ino('a/changed.yaml')).not.toBe(before.changed);
      expect(fs.readFileSync(path.join(target, 'a/changed.yaml'), 'utf8')).toBe('v3');
      expect(fs.readFileSync(path.join(target, 'dir-then-file/f.yaml'), 'utf8')).toBe('f again');
      expect(fs.readFileSync(path.join(tmp, 'witness'), 'utf8')).toBe('v2');
      expect(fs.readFileSync(path.join(target, MARKER_FILE), 'utf8')).toBe('m');
    });

    test('a spare that is not ours is neither used nor replaced nor removed; a replace that does not recycle removes ours', () => {
      const target = path.join(tmp, 'dist');
      const spare = path.join(tmp, '.dist.spare');
      fs.mkdirSync(spare);
      fs.writeFileSync(path.join(spare, 'mine.txt'), 'the operator\'s');
      write(target, { 'a.yaml': '1' });
      write(target, { 'a.yaml': '2' });
      expect(fs.readdirSync(spare)).toStrictEqual(['mine.txt']);
      expect(listing(target)).toStrictEqual([MARKER_FILE, 'a.yaml']);
      fs.rmSync(spare, { recursive: true });
      write(target, { 'a.yaml': '3' });
      expect(fs.existsSync(path.join(spare, MARKER_FILE))).toBe(true);
      replaceFolder(target, files({ 'a.yaml': '4' }), { marker: 'm' });
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });

    test('a fill that fails in a recycled staging folder leaves the current tree as it was', () => {
      const target = path.join(tmp, 'dist');
      write(target, { 'a.yaml': '1' });
      write(target, { 'a.yaml': '2' });
      const failing = (staging: string, recycled: boolean) => {
        expect(recycled).toBe(true);
        writeFiles(new Map([['a.yaml', '3']]), target)(staging, recycled);
        throw new Error('render failed');
      };
      expect(() => replaceFolder(target, failing, { marker: 'm', recycle: true })).toThrow('render failed');
      expect(listing(target)).toStrictEqual([MARKER_FILE, 'a.yaml']);
      expect(fs.readFileSync(path.join(target, 'a.yaml'), 'utf8')).toBe('2');
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });
  });

  test('a file in the current tree that is a symlink is never linked, but written', () => {
    const target = path.join(tmp, 'dist');
    replaceFolder(target, files({ 'real.yaml': 'same' }), { marker: 'm' });
    fs.symlinkSync('real.yaml', path.join(target, 'l.yaml'));
    replaceFolder(target, writeFiles(new Map([['l.yaml', 'same']]), target), { marker: 'm' });
    expect(fs.lstatSync(path.join(target, 'l.yaml')).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(path.join(target, 'l.yaml'), 'utf8')).toBe('same');
  });

  test('when linking fails the file is written', () => {
    const target = path.join(tmp, 'dist');
    replaceFolder(target, files({ 'same.yaml': 'same' }), { marker: 'm' });
    jest.spyOn(realFs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
    });
    replaceFolder(target, writeFiles(new Map([['same.yaml', 'same']]), target), { marker: 'm' });
    expect(fs.readFileSync(path.join(target, 'same.yaml'), 'utf8')).toBe('same');
  });

  test('removeTree removes nested folders and files, and a symlink as a link: what it points to stays', () => {
    const outside = path.join(tmp, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'keep.yaml'), 'x');
    const tree = path.join(tmp, 'tree');
    fs.mkdirSync(path.join(tree, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(tree, 'a', 'b', 'f.yaml'), 'y');
    fs.writeFileSync(path.join(tree, 'top.yaml'), 'z');
    fs.symlinkSync(outside, path.join(tree, 'a', 'link'));
    removeTree(tree);
    expect(fs.readdirSync(tmp)).toStrictEqual(['outside']);
    expect(fs.readdirSync(outside)).toStrictEqual(['keep.yaml']);
    removeTree(tree); // gone already: nothing to do
  });

  test('a previous tree that cannot be removed gives a true warning: the new tree is in place', () => {
    const target = path.join(tmp, 'dist');
    replaceFolder(target, files({ 'a.yaml': 'old' }), { marker: 'm' });
    // The removal ends with the previous tree's own folder (rmdir, bottom up).
    const rmdir = realFs.rmdirSync;
    jest.spyOn(realFs, 'rmdirSync').mockImplementation((p, o) => {
      if (path.basename(String(p)).startsWith('.dist.old-')) throw Object.assign(new Error('EBUSY: busy'), { code: 'EBUSY' });
      rmdir(p, o);
    });
    const { warnings } = replaceFolder(target, files({ 'a.yaml': 'new' }), { marker: 'm' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^${target} holds the new tree, but the previous tree .*\\.dist\\.old-\\S+ could not be removed \\(EBUSY: busy\\); the next synth removes it$`));
    expect(fs.readFileSync(path.join(target, 'a.yaml'), 'utf8')).toBe('new');
  });

  test('exactly five entries are all listed, with no count', () => {
    const target = path.join(tmp, 'work');
    fs.mkdirSync(target);
    for (const n of ['e', 'd', 'c', 'b', 'a']) fs.writeFileSync(path.join(target, n), n);
    expect(() => replaceFolder(target, files({}), { marker: 'm' })).toThrow('(it holds a, b, c, d, e); choose');
  });

  test('a system error is said in one short phrase: code and reason, without the call and path', () => {
    jest.spyOn(realFs, 'mkdtempSync').mockImplementation(() => {
      throw Object.assign(new Error("ENOSPC: no space left on device, mkdtemp '/somewhere/.dist.new-XXXXXX'"), { code: 'ENOSPC' });
    });
    const target = path.join(tmp, 'dist');
    expect(() => replaceFolder(target, files({}), { marker: 'm' })).toThrow(
      new RegExp(`^output folder ${target}: cannot write beside it in ${tmp} \\(ENOSPC: no space left on device\\)$`),
    );
  });

  test('a folder in the current tree where a file now goes is written over, never read as the file', () => {
    const target = path.join(tmp, 'dist');
    replaceFolder(target, files({ 'x/inner.yaml': 'i' }), { marker: 'm' });
    replaceFolder(target, writeFiles(new Map([['x', 'now a file']]), target), { marker: 'm' });
    expect(fs.readFileSync(path.join(target, 'x'), 'utf8')).toBe('now a file');
  });

  describe('the lock, further', () => {
    const lock = () => path.join(tmp, '.dist.lock');
    const replace = () => replaceFolder(path.join(tmp, 'dist'), files({ 'a.yaml': 'a' }), { marker: 'm' });

    test.each([
      ['garbled', 'garbage here', `garbled ("garbage here")`],
      ['a pid without a host', '1234', 'garbled ("1234")'],
      ['empty', '', 'empty'],
      ['blank', '  \n', 'empty'],
    ])('a %s lock is taken over with a warning', (_, text, said) => {
      fs.writeFileSync(lock(), text);
      expect(replace().warnings).toStrictEqual([`took over the lock ${lock()}, which was ${said}: a synth died while writing it (a full disk?)`]);
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });

    test('a garbled lock is quoted to 40 characters', () => {
      fs.writeFileSync(lock(), 'g'.repeat(60));
      expect(replace().warnings).toStrictEqual([`took over the lock ${lock()}, which was garbled ("${'g'.repeat(40)}"): a synth died while writing it (a full disk?)`]);
    });

    test('a lock of this very process (a replace that died in it) or of a dead one on this host is taken over silently', () => {
      fs.writeFileSync(lock(), `${process.pid} ${os.hostname()} t\n`);
      expect(replace().warnings).toStrictEqual([]);
      fs.writeFileSync(lock(), `99999999 ${os.hostname()} t\n`);
      expect(replace().warnings).toStrictEqual([]);
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });

    test('a live process on this host holds its lock', () => {
      fs.writeFileSync(lock(), `${process.ppid} ${os.hostname()} t\n`);
      expect(replace).toThrow(`pid ${process.ppid} on ${os.hostname()}, since t)`);
      expect(fs.readFileSync(lock(), 'utf8')).toBe(`${process.ppid} ${os.hostname()} t\n`);
    });

    test('the lock holds this process, host and a time while the tree is written, and goes after', () => {
      let seen = '';
      replaceFolder(path.join(tmp, 'dist'), (staging) => {
        seen = fs.readFileSync(lock(), 'utf8');
        fs.writeFileSync(path.join(staging, 'a'), 'a');
      });
      expect(seen).toMatch(new RegExp(`^${process.pid} ${os.hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\n$`));
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });

    test.each(['EPERM', 'ENOTSUP', 'EXDEV'])('a file system without hard links (%s) gets the lock by an exclusive copy', (code) => {
      jest.spyOn(realFs, 'linkSync').mockImplementation(() => {
        throw Object.assign(new Error(code), { code });
      });
      replace();
      expect(fs.readFileSync(path.join(tmp, 'dist', 'a.yaml'), 'utf8')).toBe('a');
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });

    test('another error of the link is not taken for a missing feature', () => {
      jest.spyOn(realFs, 'linkSync').mockImplementation(() => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      });
      expect(replace).toThrow('EIO');
      expect(fs.readdirSync(tmp)).toStrictEqual([]);
    });

    test('lock drafts of dead processes are removed; those of live ones and other files stay', () => {
      const names = [`.dist.lock.99999999.tmp`, `.dist.lock.${process.ppid}.tmp`, '.dist.lock.x.tmp', '.dist.lock.99999998', '.other.lock.99999999.tmp'];
      for (const n of names) fs.writeFileSync(path.join(tmp, n), '');
      replace();
      expect(fs.readdirSync(tmp).sort()).toStrictEqual([`.dist.lock.${process.ppid}.tmp`, '.dist.lock.99999998', '.dist.lock.x.tmp', '.other.lock.99999999.tmp', 'dist'].sort());
    });
  });

  describe('the swap journal, further', () => {
    const target = () => path.join(tmp, 'dist');
    const journal = (entry: unknown) => fs.writeFileSync(path.join(tmp, '.dist.swap'), JSON.stringify(entry));

    test('a journal naming our staging folder, the target gone: the swap is completed', () => {
      const staging = path.join(tmp, '.dist.new-1');
      fs.mkdirSync(staging);
      fs.writeFileSync(path.join(staging, 'new'), 'n');
      journal({ staging, previous: path.join(tmp, '.dist.old-1') });
      expect(completeInterruptedSwap(target())).toStrictEqual([`completed the swap of ${target()} that an interrupted synth left`]);
      expect(fs.readdirSync(target())).toStrictEqual(['new']);
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });

    test.each([
      ['a staging folder elsewhere', (t: string) => ({ staging: path.join(t, 'sub', '.dist.new-1'), previous: path.join(t, '.dist.old-1') })],
      ['a staging folder of another target', (t: string) => ({ staging: path.join(t, '.distx.new-1'), previous: path.join(t, '.dist.old-1') })],
      ['the bare staging prefix', (t: string) => ({ staging: path.join(t, '.dist.new-'), previous: path.join(t, '.dist.old-1') })],
      ['a previous folder elsewhere', (t: string) => ({ staging: path.join(t, '.dist.new-1'), previous: path.join(t, 'sub', '.dist.old-1') })],
      ['a previous folder of another prefix', (t: string) => ({ staging: path.join(t, '.dist.new-1'), previous: path.join(t, '.dist.new-2') })],
      ['the bare previous prefix', (t: string) => ({ staging: path.join(t, '.dist.new-1'), previous: path.join(t, '.dist.old-') })],
      ['no strings', () => ({ staging: 1, previous: 2 })],
    ])('a journal naming %s is ignored and moves nothing', (_, entry) => {
      const named = entry(tmp) as { staging: unknown; previous: unknown };
      for (const p of [named.staging, named.previous]) if (typeof p === 'string') fs.mkdirSync(p, { recursive: true });
      journal(named);
      const done = completeInterruptedSwap(target());
      expect(done[0]).toBe(
        `ignored the swap journal ${path.join(tmp, '.dist.swap')}: it names ${JSON.stringify(named.staging)} and ${JSON.stringify(named.previous)}, not the staging and previous folders of ${target()} (moved nothing)`,
      );
      expect(fs.existsSync(target())).toBe(false);
      expect(fs.existsSync(path.join(tmp, '.dist.swap'))).toBe(false);
    });

    test('a journal with neither folder left moves nothing', () => {
      journal({ staging: path.join(tmp, '.dist.new-1'), previous: path.join(tmp, '.dist.old-1') });
      expect(completeInterruptedSwap(target())).toStrictEqual([]);
      expect(fs.readdirSync(tmp)).toStrictEqual([]);
    });

    test('a parent that does not exist: nothing to clean', () => {
      expect(completeInterruptedSwap(path.join(tmp, 'no', 'such', 'dist'))).toStrictEqual([]);
    });

    test('previous and staging folders left beside the target are removed, each reported', () => {
      fs.mkdirSync(target());
      for (const n of ['.dist.new-a', '.dist.old-b', '.dist.spare', 'other']) fs.mkdirSync(path.join(tmp, n));
      expect(completeInterruptedSwap(target()).sort()).toStrictEqual(
        [`removed ${path.join(tmp, '.dist.new-a')}, left by an interrupted synth`, `removed ${path.join(tmp, '.dist.old-b')}, left by an interrupted synth`].sort(),
      );
      expect(fs.readdirSync(tmp).sort()).toStrictEqual(['.dist.spare', 'dist', 'other']);
    });
  });

  describe('ownership, parents, modes and failed swaps, further', () => {
    const target = () => path.join(tmp, 'dist');
    const generated = toYamlFile([{ resources: [] }]);

    test('a tree of ours from before the marker (every entry a folder with a generated kustomization) is replaced', () => {
      for (const f of ['a', 'b']) {
        fs.mkdirSync(path.join(target(), f), { recursive: true });
        fs.writeFileSync(path.join(target(), f, 'kustomization.yaml'), generated);
      }
      replaceFolder(target(), files({ 'x.yaml': 'x' }), { marker: 'm' });
      expect(fs.readdirSync(target()).sort()).toStrictEqual([MARKER_FILE, 'x.yaml']);
    });

    test('a folder whose kustomization has the header further down is not ours', () => {
      fs.mkdirSync(path.join(target(), 'a'), { recursive: true });
      fs.writeFileSync(path.join(target(), 'a', 'kustomization.yaml'), `x: 1\n${generated}`);
      expect(() => replaceFolder(target(), files({}), { marker: 'm' })).toThrow(`output folder ${target()}: not written by this generator`);
    });

    test('an empty folder is taken with the ownership check too', () => {
      fs.mkdirSync(target());
      replaceFolder(target(), files({ 'x.yaml': 'x' }), { marker: 'm' });
      expect(fs.readFileSync(path.join(target(), MARKER_FILE), 'utf8')).toBe('m');
    });

    test('a target that is a file is refused, and stays', () => {
      fs.writeFileSync(target(), 'mine');
      expect(() => replaceFolder(target(), files({}), { marker: 'm' })).toThrow(`output folder ${target()}: it is a file, not a folder (refusing to replace it)`);
      expect(fs.readFileSync(target(), 'utf8')).toBe('mine');
    });

    test('a new folder gets the mode the umask gives; an existing one keeps its mode', () => {
      replaceFolder(target(), files({}));
      expect(fs.statSync(target()).mode & 0o777).toBe(0o777 & ~process.umask());
      fs.chmodSync(target(), 0o750);
      replaceFolder(target(), files({}));
      expect(fs.statSync(target()).mode & 0o777).toBe(0o750);
    });

    test('lock drafts of pid 0 or below are no process of ours and go', () => {
      for (const n of ['.dist.lock.0.tmp', '.dist.lock.-1.tmp']) fs.writeFileSync(path.join(tmp, n), '');
      replaceFolder(target(), files({}));
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });

    test('kept entries are copied with their times, links kept as links', () => {
      fs.mkdirSync(path.join(target(), 'keep'), { recursive: true });
      fs.writeFileSync(path.join(target(), 'keep', 'f'), 'f');
      const past = new Date('2020-01-01T00:00:00Z');
      fs.utimesSync(path.join(target(), 'keep', 'f'), past, past);
      replaceFolder(target(), files({ 'x.yaml': 'x' }), { keep: ['keep', 'absent'] });
      expect(fs.statSync(path.join(target(), 'keep', 'f')).mtime.toISOString()).toBe(past.toISOString());
      expect(fs.readdirSync(target()).sort()).toStrictEqual(['keep', 'x.yaml']);
    });

    test('files to keep need a current tree', () => {
      const staging = path.join(tmp, 'staging');
      fs.mkdirSync(staging);
      expect(() => writeFiles(new Map(), undefined, ['a/kept.yaml'])(staging, false)).toThrow('a/kept.yaml: to be kept, but there is no current tree');
    });

    test('a parent folder that cannot be made, or is not writable, is refused naming it', () => {
      jest.spyOn(realFs, 'mkdirSync').mockImplementationOnce(() => {
        throw Object.assign(new Error("EACCES: permission denied, mkdir '/x'"), { code: 'EACCES' });
      });
      const deep = path.join(tmp, 'p', 'dist');
      expect(() => replaceFolder(deep, files({}))).toThrow(`output folder ${deep}: cannot create its parent folder (EACCES: permission denied)`);
      jest.restoreAllMocks();
      jest.spyOn(realFs, 'accessSync').mockImplementation(() => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      });
      expect(() => replaceFolder(target(), files({}))).toThrow(`output folder ${target()}: its parent folder ${tmp} is not writable`);
    });

    test('a swap that fails puts the previous tree back and leaves nothing beside it', () => {
      replaceFolder(target(), files({ 'old.yaml': 'old' }), { marker: 'm' });
      const rename = realFs.renameSync;
      jest.spyOn(realFs, 'renameSync').mockImplementation((from, to) => {
        if (to === target() && String(from).includes('.dist.new-')) throw Object.assign(new Error("EIO: i/o error, rename 'a' -> 'b'"), { code: 'EIO' });
        return rename(from, to);
      });
      expect(() => replaceFolder(target(), files({ 'new.yaml': 'new' }), { marker: 'm' })).toThrow(`output folder ${target()}: the swap failed (EIO: i/o error); ${target()} is unchanged`);
      jest.restoreAllMocks();
      expect(fs.readdirSync(target()).sort()).toStrictEqual([MARKER_FILE, 'old.yaml']);
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });

    test('a swap that fails without a previous tree leaves nothing at all', () => {
      const rename = realFs.renameSync;
      jest.spyOn(realFs, 'renameSync').mockImplementation((from, to) => {
        if (to === target()) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        return rename(from, to);
      });
      expect(() => replaceFolder(target(), files({ 'new.yaml': 'new' }))).toThrow('the swap failed (EIO: i/o error)');
      jest.restoreAllMocks();
      expect(fs.readdirSync(tmp)).toStrictEqual([]);
    });
  });

  describe('removeTree, further', () => {
    const tree = () => path.join(tmp, 'tree');
    const build = () => {
      fs.mkdirSync(path.join(tree(), 'a', 'b'), { recursive: true });
      fs.writeFileSync(path.join(tree(), 'a', 'b', 'f'), 'f');
      fs.writeFileSync(path.join(tree(), 'g'), 'g');
    };

    test('a tree it may not remove as it is (EACCES, EPERM) is made writable, then removed', () => {
      for (const code of ['EACCES', 'EPERM']) {
        build();
        fs.chmodSync(path.join(tree(), 'a', 'b'), 0o555);
        const spy = jest.spyOn(realFs, 'rmdirSync').mockImplementationOnce(() => {
          throw Object.assign(new Error(code), { code });
        });
        removeTree(tree());
        spy.mockRestore();
        expect([code, fs.existsSync(tree())]).toStrictEqual([code, false]);
      }
    });

    test('another error is not taken for a permission problem', () => {
      build();
      jest.spyOn(realFs, 'rmdirSync').mockImplementationOnce(() => {
        throw Object.assign(new Error('EBUSY: busy'), { code: 'EBUSY' });
      });
      expect(() => removeTree(tree())).toThrow('EBUSY');
    });

    test('a file gone while it is removed (ENOENT) is no error; another error of unlink is', () => {
      build();
      const unlink = realFs.unlinkSync;
      jest.spyOn(realFs, 'unlinkSync').mockImplementationOnce((p) => {
        unlink(p);
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      });
      removeTree(tree());
      expect(fs.existsSync(tree())).toBe(false);
      build();
      jest.spyOn(realFs, 'unlinkSync').mockImplementationOnce(() => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      });
      // Not a permission problem either: thrown as it is.
      expect(() => removeTree(tree())).toThrow('EIO');
    });

    test('a file given as the tree is unlinked', () => {
      fs.writeFileSync(tree(), 'file');
      removeTree(tree());
      expect(fs.existsSync(tree())).toBe(false);
    });
  });

  describe('taking the lock, failures', () => {
    const lock = () => path.join(tmp, '.dist.lock');
    const replace = () => replaceFolder(path.join(tmp, 'dist'), files({ 'a.yaml': 'a' }), { marker: 'm' });

    test('a lock draft that cannot be written is said, and no draft is left', () => {
      const write = realFs.writeFileSync;
      jest.spyOn(realFs, 'writeFileSync').mockImplementation((p, d, o) => {
        if (String(p).startsWith(`${lock()}.`)) {
          write(p, d, o);
          throw Object.assign(new Error("ENOSPC: no space left on device, write '/x'"), { code: 'ENOSPC' });
        }
        return write(p, d, o);
      });
      expect(replace).toThrow(`lock ${lock()}: cannot be written (ENOSPC: no space left on device)`);
      jest.restoreAllMocks();
      expect(fs.readdirSync(tmp)).toStrictEqual([]);
    });

    test('a lock that keeps coming back garbled is given up after a second try', () => {
      jest.spyOn(realFs, 'linkSync').mockImplementation(() => {
        fs.writeFileSync(lock(), 'garbage');
        throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
      });
      expect(replace).toThrow(`lock ${lock()}: could not be taken`);
      jest.restoreAllMocks();
      expect(fs.readdirSync(tmp)).toStrictEqual([]);
    });

    test('a lock that cannot be removed at the end is left for the next run, without an error', () => {
      const rm = realFs.rmSync;
      jest.spyOn(realFs, 'rmSync').mockImplementation((p, o) => {
        if (p === lock()) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        return rm(p, o);
      });
      expect(() => replace()).not.toThrow();
      jest.restoreAllMocks();
      expect(fs.readFileSync(lock(), 'utf8')).toMatch(new RegExp(`^${process.pid} `));
      // The next run sees this process's own lock: stale, taken over.
      expect(replace().warnings).toStrictEqual([]);
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });
  });

  describe('edges', () => {
    test('a chain of 31 links is followed; at 32 the target is refused', () => {
      fs.mkdirSync(path.join(tmp, 'real'));
      let to = 'real';
      for (let i = 1; i <= 32; i++) {
        fs.symlinkSync(to, path.join(tmp, `l${i}`));
        to = `l${i}`;
      }
      expect(realTarget(path.join(tmp, 'l31'))).toBe(path.join(tmp, 'real'));
      expect(() => realTarget(path.join(tmp, 'l32'))).toThrow('too many levels of symbolic links');
    });

    test('the message of a held lock names the output folder, whatever its name', () => {
      fs.writeFileSync(path.join(tmp, '.output-tree.lock'), '1 other-host t\n');
      expect(() => replaceFolder(path.join(tmp, 'output-tree'), files({}))).toThrow(`output folder ${path.join(tmp, 'output-tree')}: another synth is writing it`);
    });

    test.each(['5x', 'x5', '05'])('a lock whose pid is %s is garbled, not a holder', (pid) => {
      fs.writeFileSync(path.join(tmp, '.dist.lock'), `${pid} other-host t`);
      expect(replaceFolder(path.join(tmp, 'dist'), files({})).warnings).toStrictEqual([expect.stringContaining(`which was garbled ("${pid} other-host t")`)]);
    });

    test('the lock is tried twice, no more', () => {
      const spy = jest.spyOn(realFs, 'linkSync').mockImplementation(() => {
        fs.writeFileSync(path.join(tmp, '.dist.lock'), 'garbage');
        throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
      });
      expect(() => replaceFolder(path.join(tmp, 'dist'), files({}))).toThrow('could not be taken');
      expect(spy).toHaveBeenCalledTimes(2);
    });

    test('a folder that cannot be read for another reason than permissions is not unlinked but refused', () => {
      fs.mkdirSync(path.join(tmp, 'tree'));
      jest.spyOn(realFs, 'readdirSync').mockImplementationOnce(() => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      });
      expect(() => removeTree(path.join(tmp, 'tree'))).toThrow('EIO');
      expect(fs.existsSync(path.join(tmp, 'tree'))).toBe(true);
    });
  });
});
