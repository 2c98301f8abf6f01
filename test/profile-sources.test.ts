/**
 * Profile sources: where profiles come from and what a profile file may be. An empty STX_PROFILES,
 * an empty folder or a folder with no profile is refused (it would remove every deployment stack);
 * extensions are matched case-insensitively, `.json` is read as JSON, any other extension refused;
 * a TypeScript profile that throws, exits, or exports anything but data names the file; YAML
 * bombs, deep nesting, unknown tags, prototype keys, non-UTF-8 bytes and oversize files are refused
 * with the file named; the reporter never crashes on the value it shows.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { defaultProfileLocations } from '../lib/deployment/app';
import { loadProfile, loadProfiles, parseProfile, show } from '../lib/profile/loader';
import { aioSimplex } from './support/profiles';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-sources-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A new folder holding `files` (name -> text or bytes). */
function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = path.join(tmp, `case-${++n}`);
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const profile = (mutate: (p: Loose) => void = () => undefined): Loose => {
  const p: Loose = structuredClone(aioSimplex());
  mutate(p);
  return p;
};
const GOOD = stringify(profile());

/** The message of what `fn` throws. */
function error(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('no profile at all is refused, naming the location', () => {
  const env = process.env.STX_PROFILES;
  afterEach(() => {
    if (env === undefined) delete process.env.STX_PROFILES;
    else process.env.STX_PROFILES = env;
  });

  test.each([',,', '   ', ' , , ', ''])('STX_PROFILES=%j', (value) => {
    process.env.STX_PROFILES = value;
    expect(() => defaultProfileLocations()).toThrow(
      `STX_PROFILES=${JSON.stringify(value)} names no profile file or folder (unset it to use deployments/)`,
    );
  });

  test('STX_PROFILES unset: deployments/', () => {
    delete process.env.STX_PROFILES;
    expect(defaultProfileLocations()).toEqual([path.resolve(__dirname, '..', 'deployments')]);
  });

  test('an empty folder', () => {
    const dir = folder();
    expect(error(() => loadProfiles([dir]))).toBe(
      `${dir}: (folder): holds no profile (expected a file ending in .yaml, .yml, .json, .ts; names starting with _ are skipped)`,
    );
  });

  test('a folder with no profile (only a README, a skipped profile and a schema)', () => {
    const dir = folder({ 'README.md': '# x\n', '_draft.yaml': GOOD, 'profile.schema.json': '{}' });
    expect(error(() => loadProfiles([dir]))).toMatch(/case-\d+: \(folder\): holds no profile/);
  });

  test('no location at all', () => {
    expect(() => loadProfiles([])).toThrow('no profile file or folder given');
  });
});

describe('extensions', () => {
  test('.YAML and .Yml are profiles, in a folder and given explicitly', () => {
    const dir = folder({ 'one.YAML': GOOD, 'two.Yml': stringify(profile((p) => (p.name = 'two'))) });
    expect(loadProfiles([dir]).map((l) => l.profile.name)).toEqual([aioSimplex().name, 'two']);
    expect(loadProfile(path.join(dir, 'one.YAML')).profile.name).toBe(aioSimplex().name);
  });

  test('a .json profile reads as JSON, equal to the YAML one', () => {
    const dir = folder({ 'site.json': JSON.stringify(profile(), null, 2), 'site.yaml': GOOD });
    expect(loadProfile(path.join(dir, 'site.json')).profile).toEqual(loadProfile(path.join(dir, 'site.yaml')).profile);
  });

  test('a .JSON profile goes through the same validation (field named)', () => {
    const dir = folder({ 'bad.JSON': JSON.stringify(profile((p) => (p.system.virtual = 'yes'))) });
    expect(error(() => loadProfiles([dir]))).toMatch(
      /bad\.JSON:1:\d+: system\.virtual: Invalid input: expected boolean, received string \(got "yes"\)/,
    );
  });

  test('malformed JSON and a key twice in one object', () => {
    const dir = folder({ 'broken.json': '{"name": ', 'twice.json': '{\n  "name": "a",\n  "name": "b"\n}\n' });
    expect(error(() => loadProfile(path.join(dir, 'broken.json')))).toMatch(/broken\.json: \(file\): malformed JSON: /);
    expect(error(() => loadProfile(path.join(dir, 'twice.json')))).toMatch(
      /twice\.json:3:3: malformed JSON: the key "name" appears twice in one object/,
    );
  });

  test('a .txt file given explicitly is refused, not executed', () => {
    const marker = path.join(tmp, 'executed');
    const dir = folder({ 'profile.txt': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = {};` });
    expect(error(() => loadProfiles([path.join(dir, 'profile.txt')]))).toMatch(
      /profile\.txt: \(file\): "\.txt" is not a profile extension \(expected \.yaml, \.yml, \.json, \.ts\)/,
    );
    expect(fs.existsSync(marker)).toBe(false);
  });

  test('a file with no extension and a .js file are refused', () => {
    const dir = folder({ profile: GOOD, 'profile.js': 'module.exports = {};' });
    expect(error(() => loadProfile(path.join(dir, 'profile')))).toMatch(/profile: \(file\): "\(none\)" is not a profile extension/);
    expect(error(() => loadProfile(path.join(dir, 'profile.js')))).toMatch(/profile\.js: \(file\): "\.js" is not a profile extension/);
  });

  test('a .TS profile is found but refused (the TypeScript loaders only know .ts), never run as JavaScript', () => {
    const marker = path.join(tmp, 'executed-TS');
    const dir = folder({ 'site.TS': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); export default {};` });
    expect(error(() => loadProfiles([dir]))).toMatch(/site\.TS: \(file\): a TypeScript profile must end in lower-case \.ts/);
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe('TypeScript profiles that are not data', () => {
  const ts = (body: string) => {
    const dir = folder({ 'site.ts': body });
    return error(() => loadProfiles([path.join(dir, 'site.ts')]));
  };

  test('throws', () => {
    expect(ts("throw new Error('boom');\nexport default {};\n")).toMatch(
      /site\.ts: \(file\): the TypeScript profile cannot be loaded: it throws Error: boom/,
    );
  });

  test('throws a non-Error value', () => {
    expect(ts('throw 42;\nexport default {};\n')).toMatch(/site\.ts: \(file\): the TypeScript profile cannot be loaded: it throws 42/);
  });

  test('calls process.exit: refused, and the process lives on with process.exit restored', () => {
    const exit = process.exit;
    expect(ts('process.exit(3);\nexport default {};\n')).toMatch(
      /site\.ts: \(file\): the TypeScript profile cannot be loaded: it calls process\.exit\(3\)/,
    );
    expect(process.exit).toBe(exit);
  });

  test('calls process.exit inside try/catch', () => {
    expect(ts('try { process.exit(0); } catch { /* swallowed */ }\nexport default {};\n')).toMatch(/it calls process\.exit\(0\)/);
  });

  test('exports a function', () => {
    expect(ts(`export default () => (${JSON.stringify(profile())});\n`)).toMatch(
      /site\.ts: \(profile\): the default export is a function \(expected the profile object itself\)/,
    );
  });

  test('holds a function', () => {
    expect(ts(`const p: any = ${JSON.stringify(profile())};\np.description = () => 'x';\nexport default p;\n`)).toMatch(
      /site\.ts: description: a function \(expected data/,
    );
  });

  test('holds a BigInt', () => {
    expect(
      ts(
        `const p: any = ${JSON.stringify(profile())};\np.hosts[0].numa = [{ node: BigInt(0), platformReservedMiB: 1 }];\nexport default p;\n`,
      ),
    ).toMatch(/site\.ts: hosts\[0\]\.numa\[0\]\.node: a BigInt 0n \(expected a number\)/);
  });

  test('holds a symbol', () => {
    expect(ts(`const p: any = ${JSON.stringify(profile())};\np.description = Symbol('x');\nexport default p;\n`)).toMatch(
      /site\.ts: description: a symbol Symbol\(x\)/,
    );
  });

  test('is circular', () => {
    expect(ts(`const p: any = ${JSON.stringify(profile())};\np.system.self = p;\nexport default p;\n`)).toMatch(
      /site\.ts: system\.self: a circular reference/,
    );
  });

  test('holds a Date, a Map', () => {
    const message = ts(
      `const p: any = ${JSON.stringify(profile())};\np.description = new Date(0);\np.labels = new Map();\nexport default p;\n`,
    );
    expect(message).toMatch(/site\.ts: description: a Date \(expected a plain object\)/);
    expect(message).toMatch(/site\.ts: labels: a Map \(expected a plain object\)/);
  });

  test('sets a prototype with a __proto__ literal', () => {
    expect(
      ts(`const p: any = ${JSON.stringify(profile())};\np.system = { __proto__: { type: 'aio' }, ...p.system };\nexport default p;\n`),
    ).toMatch(/site\.ts: system: an object with another prototype \(a __proto__ key\?\) \(expected a plain object\)/);
  });

  test('an exponential structure of shared references is refused by its size', () => {
    expect(
      ts(
        `let x: any = ['v'];\nfor (let i = 0; i < 40; i++) x = [x, x];\nconst p: any = ${JSON.stringify(profile())};\np.extra = x;\nexport default p;\n`,
      ),
    ).toMatch(/site\.ts: \(profile\): more than 100000 values/);
  });
});

describe('the error reporter shows any value', () => {
  test.each([
    ['a BigInt', 10n, '10n'],
    ['a function', () => 1, '"[a function]"'],
    ['a symbol', Symbol('s'), '"Symbol(s)"'],
  ])('%s', (_, value, shown) => {
    expect(show(value)).toBe(shown);
  });

  test('a circular value', () => {
    const o: Loose = { a: 1 };
    o.o = o;
    expect(show(o)).toBe('[a circular object]');
  });

  test('parseProfile with BigInt and circular values gives messages, not a TypeError', () => {
    const input: Loose = profile((p) => (p.system = { type: 10n }));
    input.network = input;
    expect(error(() => parseProfile(input, 'x.ts'))).toMatch(/^x\.ts: /);
  });
});

describe('YAML and JSON that are not a profile', () => {
  const load = (name: string, text: string | Buffer) => error(() => loadProfile(path.join(folder({ [name]: text }), name)));

  test('an alias bomb', () => {
    const bomb =
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    expect(load('bomb.yaml', bomb)).toMatch(/bomb\.yaml: \(file\): refused YAML: Excessive alias count/);
  });

  test('100 000 nested flow lists', () => {
    expect(load('deep.yaml', `name: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)).toMatch(
      /deep\.yaml: \(file\): nested deeper than 64 levels/,
    );
  });

  test('100 000 nested JSON arrays', () => {
    expect(load('deep.json', `{"name": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`)).toMatch(
      /deep\.json: \(file\): nested deeper than 64 levels/,
    );
  });

  test('70 nested block mappings: the field path named', () => {
    const text = GOOD + 'description:\n' + Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n') + ' 1\n';
    expect(load('deep.yaml', text)).toMatch(/deep\.yaml: description\.k0\.k1\.[k0-9.]+: nested deeper than 64 levels/);
  });

  test.each([
    ['!foo', 'description: !foo bar\n', /tag\.yaml:\d+:14: malformed YAML: Unresolved tag: !foo/],
    ['!!binary (a Buffer)', 'description: !!binary aGk=\n', /description: a (Buffer|Uint8Array) \(expected a plain object\)/],
    ['!!python/object', 'description: !!python/object:os.system ls\n', /malformed YAML: Unresolved tag/],
  ])('an unknown tag %s', (_, extra, expected) => {
    expect(load('tag.yaml', GOOD + extra)).toMatch(expected);
  });

  test.each([
    ['__proto__ at the top', '__proto__: {x: 1}\n', /proto\.yaml: __proto__: the key "__proto__" is not allowed/],
    ['constructor in labels', null, /proto\.yaml: hosts\[0\]\.labels\.constructor: the key "constructor" is not allowed/],
    ['prototype nested', 'system2:\n  prototype: 1\n', /proto\.yaml: system2\.prototype: the key "prototype" is not allowed/],
  ])('%s', (_, extra, expected) => {
    const text = extra ?? stringify(profile((p) => (p.hosts[0].labels.constructor = 'x')));
    expect(load('proto.yaml', extra ? GOOD + extra : text)).toMatch(expected);
  });

  test('__proto__ in JSON', () => {
    const text = JSON.stringify(profile()).replace(/^\{/, '{"__proto__": {"name": "evil"},');
    expect(load('proto.json', text)).toMatch(/proto\.json: __proto__: the key "__proto__" is not allowed/);
  });

  test.each([
    ['YAML', 'latin1.yaml'],
    ['JSON', 'latin1.json'],
    ['TypeScript', 'latin1.ts'],
  ])('non-UTF-8 %s', (_, name) => {
    const bytes = Buffer.concat([Buffer.from(name.endsWith('.ts') ? '// caf' : '# caf'), Buffer.from([0xe9]), Buffer.from('\n' + GOOD)]);
    expect(load(name, bytes)).toMatch(
      new RegExp(`${name.replace('.', '\\.')}: \\(file\\): not valid UTF-8 \\(byte \\d+; expected UTF-8 text\\)`),
    );
  });

  test('a file over 1 MiB is refused before parsing', () => {
    expect(load('big.yaml', GOOD + `# ${'x'.repeat(1024 * 1024)}\n`)).toMatch(
      /big\.yaml: \(file\): \d+ bytes \(a profile holds at most 1048576 bytes\)/,
    );
  });

  test('80 000 keys in one mapping: the repeated key found in linear time', () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `  k${i}: 1`).join('\n');
    // CPU time, not wall time: the bound catches a quadratic scan, whatever the machine's load.
    const start = process.cpuUsage();
    expect(load('keys.yaml', `${GOOD}description2:\n${keys}\n  k7: 2\n`)).toMatch(
      /keys\.yaml:\d+:3: malformed YAML: Map keys must be unique \("k7" appears twice\)/,
    );
    const used = process.cpuUsage(start);
    expect((used.user + used.system) / 1000).toBeLessThan(10_000);
  });
});
