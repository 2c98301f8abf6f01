/**
 * Adding a profile field that three releases read, done to a scratch copy of the project the way a
 * developer would do it: the field in the profile schema (lib/profile/profile.ts), one line in each
 * release's definition, then `npm run schema`. Nothing else is edited. The copy then type-checks,
 * the field reaches the three releases' values from a profile and from a fleet subcloud, the
 * regenerated JSON Schemas differ by that field alone, and the files that differ from the project
 * are counted: at most 4 sources plus the 2 generated schemas (issue 22, item 8).
 */
import { execFile, execFileSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { loadDeployments } from '../lib/deployment/app';
import { isValues } from '../lib/engine/values';
import { loadInventory as loadInventoryToday, profileInputs as profileInputsToday } from '../lib/deployment/fleet';
import { RELEASE_NAMES } from '../releases/names';
import { newFieldName } from './support/new-field';

const ROOT = path.resolve(__dirname, '..');
/** What the copy holds: everything the app, `npm run schema` and the type check of the sources read. */
const COPIED = [
  'main.ts',
  'package.json',
  'tsconfig.json',
  'lib',
  'releases',
  'overrides',
  'policies',
  'imports',
  'deployments',
  'scripts',
];
const GENERATED = ['deployments/fleets/inventory.schema.json', 'deployments/profile.schema.json'];
const SCHEMA_SOURCE = 'lib/profile/profile.ts';
const FIELD = newFieldName();
const SUBCLOUD_PROFILE = 'aio-sx-subcloud';
/** How a release's definition names its system values function, the line the edit rewrites. */
const SYSTEM_VALUES_LINE = /^ {2}systemValues: (\w+),$/m;
const releaseFile = (name: string) => `releases/${name}/index.ts`;

/**
 * The first three releases, in install order, that the subcloud profile deploys, that are OpenStack
 * services (their static values have their own config file, `conf.<name>`) and whose definition
 * has the line to edit.
 */
const READERS = (() => {
  const [deployment] = loadDeployments([path.join(ROOT, 'deployments', `${SUBCLOUD_PROFILE}.yaml`)]);
  const services = new Set(
    deployment.releases
      .filter((r) => isValues(r.staticValues.conf) && isValues(r.staticValues.conf[r.definition.name]))
      .map((r) => r.definition.name),
  );
  const editable = (name: string) =>
    (fs.readFileSync(path.join(ROOT, releaseFile(name)), 'utf8').match(new RegExp(SYSTEM_VALUES_LINE, 'gm')) ?? []).length === 1;
  return RELEASE_NAMES.filter((name) => services.has(name) && editable(name)).slice(0, 3);
})();

/** The edits, file by file: the whole change a developer makes by hand. */
const EDITS: ReadonlyArray<{ file: string; anchor: RegExp; change: (text: string) => string }> = [
  {
    file: SCHEMA_SOURCE,
    anchor: /^export const deploymentProfileSchema = z\s*\.object\(\{\n/m,
    change: (text) =>
      text.replace(
        /^export const deploymentProfileSchema = z\s*\.object\(\{\n/m,
        (start) =>
          `${start}    ${FIELD}: z.object({ debug: z.boolean().default(false).describe('debug logging of the services') }).strict().prefault({}).describe('log levels of the services'),\n`,
      ),
  },
  ...READERS.map((name) => ({
    file: releaseFile(name),
    anchor: SYSTEM_VALUES_LINE,
    change: (text: string) =>
      `import { mergeValues as withLogging } from '../../lib/engine/values';\n` +
      text.replace(
        SYSTEM_VALUES_LINE,
        (_, fn: string) =>
          `  systemValues: (ctx) => withLogging(${fn}(ctx), { conf: { ${JSON.stringify(name)}: { DEFAULT: { debug: ctx.profile.${FIELD}.debug } } } }),`,
      ),
  })),
];

interface Copy {
  resolveInput(
    input: unknown,
    file: string,
  ): { releases: ReadonlyArray<{ definition: { name: string }; systemValues: Record<string, unknown> }> };
  loadInventory(file: string, profiles: ReadonlyMap<string, unknown>): { subclouds: ReadonlyArray<{ label: string; input: unknown }> };
  profileInputs(locations: readonly string[]): Map<string, unknown>;
  resolveSubcloud(site: { label: string; input: unknown }): {
    profile: { name: string };
    releases: ReadonlyArray<{ definition: { name: string }; systemValues: Record<string, unknown> }>;
  };
  renderFleet(inventory: unknown): { files: ReadonlyMap<string, string> };
}

let scratch: string;
let project: string;
let copy: Copy;
let typeCheck: Promise<{ code: number; output: string }>;

/** Every file under the copied entries of `root`, relative, sorted. */
function filesOf(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const stat = fs.statSync(path.join(root, rel), { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of fs.readdirSync(path.join(root, rel))) walk(path.join(rel, entry));
    else out.push(rel.split(path.sep).join('/'));
  };
  COPIED.forEach(walk);
  return out.sort();
}

/** The debug value of `conf.<release>.DEFAULT` in a release's system values. */
function debugOf(values: Record<string, unknown>, release: string): unknown {
  const conf = values.conf as Record<string, { DEFAULT?: { debug?: unknown } }> | undefined;
  return conf?.[release]?.DEFAULT?.debug;
}

const SUBCLOUDS = (field: Record<string, unknown>) => ({
  subclouds: [
    { name: 'sc1', extends: SUBCLOUD_PROFILE, system: { regionName: 'sc1' }, network: { oam: { floatingAddress: '10.30.9.2' } }, ...field },
    { name: 'sc2', extends: SUBCLOUD_PROFILE, system: { regionName: 'sc2' }, network: { oam: { floatingAddress: '10.30.9.3' } } },
  ],
});

beforeAll(async () => {
  // given a copy of the project beside the node_modules it uses
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-new-field-'));
  project = path.join(scratch, 'project');
  for (const entry of COPIED) fs.cpSync(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  // when the edits are made, and npm run schema regenerates the schemas
  for (const { file, anchor, change } of EDITS) {
    const full = path.join(project, file);
    const text = fs.readFileSync(full, 'utf8');
    if ((text.match(new RegExp(anchor, 'gm')) ?? []).length !== 1)
      throw new Error(`${file}: the edit expects ${anchor} exactly once (update EDITS in this test)`);
    fs.writeFileSync(full, change(text));
  }
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/schema.ts'], {
    cwd: project,
    stdio: 'pipe',
  });
  // then: the copy's type check runs beside the other tests
  const tools = path.join(scratch, 'tools');
  fs.mkdirSync(tools);
  const sources = ['main.ts', 'lib', 'releases', 'overrides', 'policies', 'deployments', 'imports', 'scripts'].map((s) =>
    s.endsWith('.ts') ? `../project/${s}` : `../project/${s}/**/*.ts`,
  );
  fs.writeFileSync(
    path.join(tools, 'tsconfig.json'),
    JSON.stringify({ extends: '../project/tsconfig.json', compilerOptions: { types: ['node'], noEmit: true }, include: sources }),
  );
  typeCheck = new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(tools, 'tsconfig.json')],
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
      },
    );
  });
  // and the copy's code is bundled for this test to call
  fs.writeFileSync(
    path.join(tools, 'entry.ts'),
    [
      "export { resolveInput } from '../project/lib/deployment/app';",
      "export { loadInventory, profileInputs, renderFleet, resolveSubcloud } from '../project/lib/deployment/fleet';",
    ].join('\n'),
  );
  await esbuild.build({
    entryPoints: [path.join(tools, 'entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    outfile: path.join(tools, 'copy.cjs'),
    logLevel: 'error',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  copy = require(path.join(tools, 'copy.cjs')) as Copy;
}, 120_000);

afterAll(async () => {
  await typeCheck;
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe(`a profile field (${FIELD}.debug) read by three releases (${READERS.join(', ')})`, () => {
  test('three releases read it', () => {
    expect(READERS).toHaveLength(3);
  });

  test(`takes ${1 + 3} source files (the schema and the three releases) plus the ${GENERATED.length} regenerated JSON Schemas`, () => {
    const before = filesOf(ROOT);
    const after = filesOf(project);
    const changed = after.filter(
      (file) => !before.includes(file) || !fs.readFileSync(path.join(project, file)).equals(fs.readFileSync(path.join(ROOT, file))),
    );
    const removed = before.filter((file) => !after.includes(file));
    expect(removed).toEqual([]);
    expect(changed.filter((f) => GENERATED.includes(f))).toEqual(GENERATED);
    const sources = changed.filter((f) => !GENERATED.includes(f));
    expect(sources).toEqual([SCHEMA_SOURCE, ...READERS.map(releaseFile)].sort());
    expect(sources.length).toBeLessThanOrEqual(4);
  });

  test('the copy type-checks with no other edit (the resolved profile type and the context follow the schema)', async () => {
    const { code, output } = await typeCheck;
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 180_000);

  test('the regenerated JSON Schemas differ from the project by the new field alone', () => {
    const read = (root: string, file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
    const profile = read(project, 'deployments/profile.schema.json');
    expect(profile.properties[FIELD].properties.debug).toMatchObject({
      type: 'boolean',
      default: false,
      description: 'debug logging of the services',
    });
    delete profile.properties[FIELD];
    expect(profile).toEqual(read(ROOT, 'deployments/profile.schema.json'));
    const inventory = read(project, 'deployments/fleets/inventory.schema.json');
    const site = inventory.properties.subclouds.items.properties;
    expect(site[FIELD].description).toMatch(/^log levels of the services; merged over the extended profile's/);
    delete site[FIELD];
    expect(inventory).toEqual(read(ROOT, 'deployments/fleets/inventory.schema.json'));
  });

  test('a profile that sets it reaches the three releases, and no other', () => {
    const input = parse(fs.readFileSync(path.join(project, 'deployments', `${SUBCLOUD_PROFILE}.yaml`), 'utf8')) as Record<string, unknown>;
    const on = copy.resolveInput({ ...input, [FIELD]: { debug: true } }, 'on.yaml');
    const off = copy.resolveInput(input, 'off.yaml');
    for (const name of READERS) {
      expect([name, debugOf(on.releases.find((r) => r.definition.name === name)!.systemValues, name)]).toEqual([name, true]);
      expect([name, debugOf(off.releases.find((r) => r.definition.name === name)!.systemValues, name)]).toEqual([name, false]);
    }
    const changed = on.releases
      .filter((r, i) => JSON.stringify(r.systemValues) !== JSON.stringify(off.releases[i].systemValues))
      .map((r) => r.definition.name);
    expect(changed).toEqual(READERS);
  });

  test('a fleet subcloud sets it (the project today refuses it), and its overlay carries the values', () => {
    const file = path.join(scratch, 'fleet.yaml');
    fs.writeFileSync(file, JSON.stringify(SUBCLOUDS({ [FIELD]: { debug: true } })));
    expect(() => loadInventoryToday(file, profileInputsToday([path.join(ROOT, 'deployments', `${SUBCLOUD_PROFILE}.yaml`)]))).toThrow(
      `subclouds[0].${FIELD}: unknown field`,
    );

    const inventory = copy.loadInventory(file, copy.profileInputs([path.join(project, 'deployments', `${SUBCLOUD_PROFILE}.yaml`)]));
    const [sc1, sc2] = inventory.subclouds.map((site) => copy.resolveSubcloud(site));
    for (const name of READERS) {
      expect([name, debugOf(sc1.releases.find((r) => r.definition.name === name)!.systemValues, name)]).toEqual([name, true]);
      expect([name, debugOf(sc2.releases.find((r) => r.definition.name === name)!.systemValues, name)]).toEqual([name, false]);
    }
    const files = copy.renderFleet(inventory).files;
    // The subcloud's overlay replaces the base's system values of each reader with its own (a
    // literal of the secretGenerator in sc1/kustomization.yaml).
    const overlay = parse(files.get('sc1/kustomization.yaml')!) as {
      secretGenerator: Array<{ name: string; behavior?: string; literals?: string[] }>;
    };
    for (const name of READERS) {
      const generator = overlay.secretGenerator.find((g) => g.name === `${name}-system-overrides`);
      expect([name, generator?.behavior]).toEqual([name, 'replace']);
      const key = `${name}-system-overrides.yaml=`;
      const literal = generator!.literals!.find((l) => l.startsWith(key))!;
      expect(parse(literal.slice(key.length)).conf[name].DEFAULT.debug).toBe(true);
    }
  });
});
