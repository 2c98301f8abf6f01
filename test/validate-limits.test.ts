/**
 * validate never hangs and never crashes: alias bombs, long lines for the credential patterns,
 * huge mappings and oversize files each give a problem line in bounded time; a file that is not
 * UTF-8, a symlink that leaves the tree or loops, a FIFO, and a Helm release name that Flux makes
 * too long with the target namespace are reported, not crashed on or passed.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseYaml11, parseYaml12 } from '../lib/engine/yaml';
import { scanCredentials, urlPasswords } from '../lib/validate/credential-scan';
import { checkNames, readTreeChecked, validateStack } from '../lib/validate/validate';
import { makeBigTree } from '../scripts/make-big-tree';

const ROOT = path.resolve(__dirname, '..');
const STACK = path.join(ROOT, 'dist', 'aio-sx');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-limits-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the aio-sx stack, changed by `edit`. */
function stackCopy(name: string, edit: (dir: string) => void): string {
  const dir = path.join(tmp, name, 'aio-sx');
  fs.cpSync(STACK, dir, { recursive: true });
  edit(dir);
  return dir;
}

/**
 * `fn`'s result and the CPU time it took, in milliseconds: these bounds catch exponential or
 * quadratic blow-ups, and CPU time (unlike wall time) does not grow with the machine's load.
 */
function timed<T>(fn: () => T): [T, number] {
  const start = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(start);
  return [value, (used.user + used.system) / 1000];
}

/** A 500-byte billion-laughs document: nine levels of nine aliases each. */
const BOMB =
  ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    .concat('bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
    .join('\n') + '\n';

describe('alias bombs', () => {
  test.each([
    ['YAML 1.1', parseYaml11],
    ['YAML 1.2', parseYaml12],
  ])('%s reading refuses a 500-byte alias bomb quickly', (_, parse) => {
    expect(BOMB.length).toBeLessThan(600);
    const [, ms] = timed(() => expect(() => parse(BOMB, 'bomb.yaml')).toThrow(/^bomb\.yaml: invalid YAML: Excessive alias count/));
    expect(ms).toBeLessThan(1000);
  });

  test('a few aliases still read', () => {
    expect(parseYaml12('a: &x {k: 1}\nb: *x\nc: *x\n')[0]).toEqual({ a: { k: 1 }, b: { k: 1 }, c: { k: 1 } });
  });

  test('validate reports an alias bomb in a values file as a problem line', () => {
    const dir = stackCopy('bomb', (d) => fs.appendFileSync(path.join(d, 'keystone/keystone-static-overrides.yaml'), BOMB));
    const [report, ms] = timed(() => validateStack(dir, { kustomize: false }));
    expect(report.problems).toContainEqual(
      expect.stringMatching(/^aio-sx\/keystone\/keystone-static-overrides\.yaml: \(file\): invalid YAML: Excessive alias count/),
    );
    expect(ms).toBeLessThan(10_000);
  });
});

describe('deep nesting', () => {
  test('100 000 nested brackets: refused before the recursive parser overflows', () => {
    const text = `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    expect(() => parseYaml12(text, 'deep.yaml')).toThrow(/^deep\.yaml: invalid YAML: nested deeper than 64 levels/);
  });

  test('70 nested block mappings: refused by the exact depth check', () => {
    const text = Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(() => parseYaml11(text, 'deep.yaml')).toThrow(/nested deeper than 64 levels/);
  });
});

describe('URL passwords in linear time', () => {
  test.each([
    ['a://b: then 200 000 characters without @', 'a://b:' + 'c'.repeat(200_000)],
    ['200 000 characters of scheme://user:', 'ab://cd:'.repeat(25_000)],
    ['a scheme run of 200 000 letters', 'a'.repeat(200_000) + '://'],
    ['"://" repeated', '://'.repeat(70_000)],
  ])('%s', (_, text) => {
    const [found, ms] = timed(() => urlPasswords(text));
    expect(found).toEqual([]);
    expect(ms).toBeLessThan(500);
  });

  test.each([
    ['https://admin:s3cret@example.com/x', ['s3cret']],
    ['amqp://user:pa:ss/w@rabbit:5672', ['pa:ss/w']],
    ['mysql+pymysql://root:password@db and http://u:real@h', ['password', 'real']],
    ['http://example.com/a@b', []],
    ['1http://u:p@h', ['p']],
    ['://u:p@h', []],
    ['http://u:@h', []],
    ['http://u:p q@h', []],
  ])('%s', (text, expected) => {
    expect(urlPasswords(text)).toEqual(expected);
  });

  test('a placeholder first does not hide a real password later in the value', () => {
    const files = new Map([['v.yaml', 'endpoint: "http://u:password@h http://u:hunter2@h"\n']]);
    expect(scanCredentials(files)).toEqual([{ file: 'v.yaml', path: 'endpoint', problem: 'URL carries a password' }]);
  });

  test('a 200 000-character line in a values file', () => {
    const files = new Map([['v.yaml', `x: "a://b:${'c'.repeat(200_000)}"\n`]]);
    const [findings, ms] = timed(() => scanCredentials(files));
    expect(findings).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });
});

describe('large files in linear time', () => {
  test('50 000 keys in one mapping parse in linear time (quadratic: minutes), and a repeated key is found', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`);
    const [docs, ms] = timed(() => parseYaml12(lines.join('\n') + '\n'));
    expect(Object.keys(docs[0] as object)).toHaveLength(50_000);
    expect(ms).toBeLessThan(5000);
    expect(() => parseYaml11([...lines, 'k5: 5'].join('\n'), 'dup.yaml')).toThrow(
      /^dup\.yaml: invalid YAML: Map keys must be unique at line 50001, column 1/,
    );
  });

  test('a 3 MB tree: the oversize file is a problem line, found in about a second', () => {
    const dir = path.join(tmp, 'big', 'aio-sx');
    makeBigTree(dir, 3 * 1024 * 1024, STACK);
    const [report, ms] = timed(() => validateStack(dir, { kustomize: false }));
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^aio-sx\/keystone\/keystone-static-overrides\.yaml: \(file\): \d+ bytes \(a Kubernetes object or generated Secret holds at most 1048576; not read\)$/,
      ),
    ]);
    expect(ms).toBeLessThan(5000);
  });
});

describe('files validate cannot read as Flux would', () => {
  test('invalid UTF-8: one problem line with the byte offset', () => {
    const dir = stackCopy('utf8', (d) => {
      const file = path.join(d, 'keystone/keystone-static-overrides.yaml');
      fs.writeFileSync(file, Buffer.concat([fs.readFileSync(file), Buffer.from('bad: "\xff\xfe"\n', 'latin1')]));
    });
    const { problems } = readTreeChecked(dir);
    expect(problems).toEqual([
      expect.stringMatching(/^keystone\/keystone-static-overrides\.yaml: \(file\): not valid UTF-8 \(byte \d+\)$/),
    ]);
  });

  test('an overlong encoding and a surrogate are not UTF-8 either', () => {
    const dir = stackCopy('overlong', (d) => {
      fs.writeFileSync(path.join(d, 'a.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xc0, 0xaf, 0x0a]));
      fs.writeFileSync(path.join(d, 'b.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xed, 0xa0, 0x80, 0x0a]));
    });
    expect(readTreeChecked(dir).problems).toEqual(['a.yaml: (file): not valid UTF-8 (byte 3)', 'b.yaml: (file): not valid UTF-8 (byte 3)']);
  });

  test('a symlink that leaves the tree', () => {
    const outside = path.join(tmp, 'outside.yaml');
    fs.writeFileSync(outside, 'secret: x\n');
    const dir = stackCopy('escape', (d) => fs.symlinkSync(outside, path.join(d, 'keystone/extra.yaml')));
    expect(readTreeChecked(dir).problems).toEqual([`keystone/extra.yaml: (file): symlink leaves the tree (-> ${outside})`]);
  });

  test('a folder symlink that leaves the tree', () => {
    const dir = stackCopy('escape-dir', (d) => fs.symlinkSync('/etc', path.join(d, 'etc')));
    expect(readTreeChecked(dir).problems).toEqual(['etc: (file): symlink leaves the tree (-> /etc)']);
  });

  test('a symlink loop (a link to itself) and a folder link to its parent', () => {
    const dir = stackCopy('loop', (d) => {
      fs.symlinkSync('self.yaml', path.join(d, 'self.yaml'));
      fs.symlinkSync('..', path.join(d, 'keystone/up'));
    });
    const [read, ms] = timed(() => readTreeChecked(dir));
    expect(read.problems).toEqual([
      'keystone/up: (file): symlink loop (-> .., a folder that holds it)',
      'self.yaml: (file): symlink loop (-> self.yaml)',
    ]);
    expect(ms).toBeLessThan(2000);
    expect(validateStack(dir, { kustomize: false }).problems).toContain('aio-sx/self.yaml: (file): symlink loop (-> self.yaml)');
  });

  test('a symlink inside the tree is followed', () => {
    const dir = stackCopy('inside', (d) => {
      fs.renameSync(path.join(d, 'metadata.yaml'), path.join(d, 'base/metadata.yaml'));
      fs.symlinkSync('base/metadata.yaml', path.join(d, 'metadata.yaml'));
    });
    const { files, problems } = readTreeChecked(dir);
    expect(problems).toEqual([]);
    expect(files.get('metadata.yaml')).toBe(fs.readFileSync(path.join(STACK, 'metadata.yaml'), 'utf8'));
  });

  const mkfifo = spawnSync('mkfifo', ['--help']).status === 0;
  (mkfifo ? test : test.skip)('a FIFO is a problem line, not a read that blocks', () => {
    const dir = stackCopy('fifo', (d) => spawnSync('mkfifo', [path.join(d, 'pipe.yaml')]));
    expect(readTreeChecked(dir).problems).toEqual(['pipe.yaml: (file): not a regular file or folder']);
  });
});

describe('Helm release names as Flux derives them', () => {
  const release = (name: string, spec: string) =>
    new Map([
      ['x/helmrelease.yaml', `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${name}\nspec:\n${spec}`],
    ]);

  test('targetNamespace-name over 53 characters', () => {
    const name = 'a'.repeat(40);
    expect(checkNames(release(name, '  targetNamespace: openstack-tenant\n'))).toEqual([
      `x/helmrelease.yaml: spec.targetNamespace: the Helm release name "openstack-tenant-${name}" (targetNamespace-name, as Flux derives it) is 57 characters (Helm allows at most 53; Flux would shorten it with a hash; set spec.releaseName)`,
    ]);
  });

  test('a short spec.releaseName wins over targetNamespace', () => {
    expect(checkNames(release('a'.repeat(40), '  targetNamespace: openstack-tenant\n  releaseName: short\n'))).toEqual([]);
  });

  test('targetNamespace-name of exactly 53 characters passes', () => {
    expect(checkNames(release('a'.repeat(43), '  targetNamespace: openstack\n'))).toEqual([]);
  });

  test('a long releaseName is still reported under spec.releaseName', () => {
    expect(checkNames(release('x', `  releaseName: ${'r'.repeat(54)}\n`))).toEqual([
      `x/helmrelease.yaml: spec.releaseName: "${'r'.repeat(54)}" is 54 characters (Helm allows at most 53)`,
    ]);
  });
});
