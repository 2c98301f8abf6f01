/**
 * Bad input: every way a deployment profile (or the synth around it) can be wrong, one per row.
 *
 * For each row: given a temp folder with a copy of a valid profile broken in one way, and a target
 * folder that already holds a previous good synth, when runSynth runs, then it exits 1, its message
 * names the file, the field path and what was expected against what it got, and the target is
 * byte-for-byte unchanged, with no staging (`.new-`) or previous (`.old-`) folder left beside it.
 *
 * FORMERLY_ACCEPTED holds the bad inputs this catalogue first found the synth accepting, now
 * refused. Two runs of the real CLI (`npx cdk8s synth`, with STX_OUTPUT and with --output) are
 * the project's only spawns of it: our message, the CLI's one line, exit 1, no stack trace.
 */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { ALL_RELEASES } from '../releases';
import { ReleaseDefinition } from '../releases/define';
import { runSynth, SynthRequest } from '../lib/commands/synth';
import { aioSimplex, controller } from './support/profiles';
import { atomicLeftovers, changedPaths, snapshotTree } from './support/tree-snapshot';
import type { Loose } from './support/loose';

const ROOT = path.resolve(__dirname, '..');
/** The cdk8s CLI of the project, as `npx cdk8s` runs it (without npx's own start-up). */
const CDK8S = path.join(ROOT, 'node_modules', '.bin', 'cdk8s');

// ---------------------------------------------------------------------------------------------
// Profile texts

/** The valid AIO simplex fixture as YAML, after `mutate`. */
function profileYaml(mutate: (p: Loose) => void = () => undefined): string {
  const p: Loose = structuredClone(aioSimplex());
  mutate(p);
  return stringify(p);
}

const GOOD = profileYaml();

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------
// The output folder that cannot be written

/** True when chmod 0o555 stops this process writing into a folder (false for root). */
function chmodStopsWrites(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-probe-'));
  const ro = path.join(probe, 'ro');
  fs.mkdirSync(ro);
  fs.chmodSync(ro, 0o555);
  try {
    fs.writeFileSync(path.join(ro, 'x'), 'x');
    return false;
  } catch {
    return true;
  } finally {
    fs.chmodSync(ro, 0o755);
    fs.rmSync(probe, { recursive: true, force: true });
  }
}
const READ_ONLY_WORKS = chmodStopsWrites();

// ---------------------------------------------------------------------------------------------
// The table

interface Setup {
  /** The folder runSynth writes to. */
  readonly target: string;
  /** Undo what the setup did (permissions) before the folder is compared. */
  readonly cleanup?: () => void;
}

interface BadInput {
  readonly id: string;
  /** What is broken (test title). */
  readonly broken: string;
  /** Profile files of the case (name -> text), written to <case>/profiles/. @default GOOD as profile.yaml */
  readonly files?: Readonly<Record<string, string>>;
  /** What runSynth gets as profiles, relative to <case>/profiles/ ('.' = the folder). @default 'profile.yaml' */
  readonly location?: string;
  readonly build?: SynthRequest['build'];
  /** The target; default: the shared target (see `shared`), a copy of the previous good synth. */
  readonly setup?: (caseDir: string, goodSynth: string) => Setup;
  /** The message names the file and the field path: `[file, field]` (`file: field: `) or a pattern. */
  readonly names: readonly [file: string, field: string] | RegExp;
  /** ... and says what was expected and what it got. */
  readonly says: RegExp;
}

/** A case with one broken profile.yaml. */
const one = (text: string) => ({ 'profile.yaml': text });

/** The project's releases with mariadb also depending on keystone (keystone -> rabbitmq -> memcached -> mariadb). */
const CYCLIC_RELEASES: ReleaseDefinition[] = ALL_RELEASES.map((r) =>
  r.name === 'mariadb' ? { ...r, dependsOn: [...r.dependsOn, 'keystone'] } : r,
);

const CASES: readonly BadInput[] = [
  {
    id: 'malformed-yaml',
    broken: 'malformed YAML (an unclosed flow sequence)',
    files: one(GOOD.replace('mode: simplex', 'mode: [simplex')),
    names: /\/malformed-yaml\/profiles\/profile\.yaml:\d+:\d+: /,
    says: /malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a \]/,
  },
  {
    id: 'tab-indent',
    broken: 'malformed YAML (a tab as indentation)',
    files: one(GOOD.replace('  mode: simplex', '\tmode: simplex')),
    names: /\/tab-indent\/profiles\/profile\.yaml:4:1: /,
    says: /malformed YAML: Tabs are not allowed as indentation/,
  },
  {
    id: 'duplicate-key',
    broken: 'a key written twice',
    files: one(`${GOOD}name: other\n`),
    names: /\/duplicate-key\/profiles\/profile\.yaml:\d+:1: /,
    says: /malformed YAML: Map keys must be unique/,
  },
  {
    id: 'not-a-mapping',
    broken: 'a list instead of a mapping',
    files: one('- name: test-aio-sx\n'),
    names: ['profile.yaml', '(profile)'],
    says: /expected a mapping of profile fields \(got \[\{"name":"test-aio-sx"\}\]\)/,
  },
  {
    id: 'empty-file',
    broken: 'an empty file',
    files: one(''),
    names: ['profile.yaml', '(profile)'],
    says: /expected a mapping of profile fields \(got null\)/,
  },
  {
    id: 'unknown-field',
    broken: 'a misspelt field (system.virtaul)',
    files: one(profileYaml((p) => (p.system.virtaul = true))),
    names: ['profile.yaml', 'system.virtaul'],
    says: /system\.virtaul: unknown field \(did you mean "virtual"\? expected one of "type", "mode"/,
  },
  {
    id: 'wrong-type',
    broken: 'a string where a number goes (network.platformHttpPort: "8080")',
    files: one(profileYaml((p) => (p.network.platformHttpPort = '8080'))),
    names: ['profile.yaml', 'network.platformHttpPort'],
    says: /expected number, received string \(got "8080"\)/,
  },
  {
    id: 'wrong-item-type',
    broken: 'a string in a list of CPU numbers',
    files: one(profileYaml((p) => (p.hosts[0].cpus = { platform: ['zero'], application: [1] }))),
    names: ['profile.yaml', 'hosts[0].cpus.platform[0]'],
    says: /expected number, received string \(got "zero"\)/,
  },
  {
    id: 'missing-required-object',
    broken: 'a required field left out (network.oam)',
    files: one(profileYaml((p) => delete p.network.oam)),
    names: ['profile.yaml', 'network.oam'],
    says: /network\.oam: required field missing \(expected object\) \(got nothing\)/,
  },
  {
    id: 'missing-required-enum',
    broken: 'a required choice left out (system.mode)',
    files: one(profileYaml((p) => delete p.system.mode)),
    names: ['profile.yaml', 'system.mode'],
    says: /system\.mode: required field missing \(expected one of "simplex"\|"duplex"\|"duplex-direct"\) \(got nothing\)/,
  },
  {
    id: 'replicas-zero',
    broken: 'zero replicas in user values',
    files: one(profileYaml((p) => (p.userOverrides = { keystone: { pod: { replicas: { api: 0 } } } }))),
    names: ['profile.yaml', 'userOverrides.keystone.pod.replicas.api'],
    says: /expected a whole number of replicas, at least 1 \(got 0\)/,
  },
  {
    id: 'replicas-negative',
    broken: 'negative replicas in user values',
    files: one(profileYaml((p) => (p.userOverrides = { nova: { pod: { replicas: { osapi: -2 } } } }))),
    names: ['profile.yaml', 'userOverrides.nova.pod.replicas.osapi'],
    says: /expected a whole number of replicas, at least 1 \(got -2\)/,
  },
  {
    id: 'too-many-controllers',
    broken: 'two controllers on a simplex system',
    files: one(profileYaml((p) => (p.hosts = [controller(0, true), controller(1, true)]))),
    names: ['profile.yaml', 'hosts'],
    says: /2 controllers for system mode "simplex" \(expected at most 1\)/,
  },
  {
    id: 'invalid-ipv4',
    broken: 'an IPv4 address out of range',
    files: one(profileYaml((p) => (p.network.oam.floatingAddress = '10.10.10.256'))),
    names: ['profile.yaml', 'network.oam.floatingAddress'],
    says: /expected an IPv4 or IPv6 address \(got "10\.10\.10\.256"\)/,
  },
  {
    id: 'invalid-ipv6',
    broken: 'an IPv6 address with two ::',
    files: one(profileYaml((p) => (p.network.clusterHost.floatingAddress = 'fd00::1::2'))),
    names: ['profile.yaml', 'network.clusterHost.floatingAddress'],
    says: /expected an IPv4 or IPv6 address \(got "fd00::1::2"\)/,
  },
  {
    id: 'invalid-cidr',
    broken: 'a CIDR with a /33 prefix',
    files: one(profileYaml((p) => (p.network.clusterHost.subnet = '192.168.206.0/33'))),
    names: ['profile.yaml', 'network.clusterHost.subnet'],
    says: /expected a CIDR such as 192\.168\.206\.0\/24 or fd02::\/64 \(got "192\.168\.206\.0\/33"\)/,
  },
  {
    id: 'duplicate-hostnames',
    broken: 'two hosts with the same name',
    files: one(
      profileYaml((p) => {
        p.system.mode = 'duplex';
        p.hosts = [controller(0, true), controller(0, true)];
      }),
    ),
    names: ['profile.yaml', 'hosts[1].hostname'],
    says: /duplicate host name "controller-0" \(also hosts\[0\]; expected unique names\)/,
  },
  {
    id: 'invalid-hostname',
    broken: 'a host name that is not a DNS label',
    files: one(profileYaml((p) => (p.hosts[0].hostname = 'Controller_0'))),
    names: ['profile.yaml', 'hosts[0].hostname'],
    says: /expected a host name: a lower-case DNS name of up to 63 characters .* \(got "Controller_0"\)/,
  },
  {
    id: 'unknown-release-enabled',
    broken: 'an unknown release in charts.enabled',
    files: one(profileYaml((p) => (p.charts = { enabled: { keystonee: true } }))),
    names: ['profile.yaml', 'charts.enabled.keystonee'],
    says: /(unknown|not a) release[^\n]*"keystonee"[^\n]*expected one of[^\n]*"keystone"/,
  },
  {
    id: 'unknown-release-overrides',
    broken: 'an unknown release in userOverrides',
    files: one(profileYaml((p) => (p.userOverrides = { novaa: { conf: {} } }))),
    names: ['profile.yaml', 'userOverrides.novaa'],
    says: /(unknown|not a) release[^\n]*"novaa"[^\n]*expected one of[^\n]*"nova"/,
  },
  {
    id: 'unknown-release-versions',
    broken: 'an unknown release in charts.versions',
    files: one(profileYaml((p) => (p.charts = { versions: { 'horizon-x': '0.3.13' } }))),
    names: ['profile.yaml', 'charts.versions.horizon-x'],
    says: /(unknown|not a) release[^\n]*"horizon-x"[^\n]*expected one of[^\n]*"horizon"/,
  },
  {
    id: 'user-values-not-mapping',
    broken: 'user values that are a list, not a mapping',
    files: one(profileYaml((p) => (p.userOverrides = { keystone: ['conf'] }))),
    names: ['profile.yaml', 'userOverrides.keystone'],
    says: /expected record, received array \(got \["conf"\]\)/,
  },
  {
    id: 'user-values-disabled',
    broken: 'user values for a release that is not deployed (barbican, disabled by default)',
    files: one(profileYaml((p) => (p.userOverrides = { barbican: { conf: {} } }))),
    names: ['profile.yaml', 'userOverrides.barbican'],
    says: /user values for release "barbican", which is not deployed \(enable it in charts\.enabled or remove the values\)/,
  },
  {
    id: 'user-values-platform-disabled',
    broken: 'user values for a release the platform rules leave out (garbd on AIO)',
    files: one(profileYaml((p) => (p.userOverrides = { garbd: { conf: {} } }))),
    names: ['profile.yaml', 'userOverrides.garbd'],
    says: /user values for release "garbd", which is not deployed/,
  },
  {
    id: 'registry',
    broken: 'an image registry that is not a registry reference',
    files: one(profileYaml((p) => (p.images = { registry: 'Registry.Local:9001/' }))),
    names: ['profile.yaml', 'images.registry'],
    says: /expected a registry host\[:port\]\[\/path\], e\.g\. registry\.local:9001 \(got "Registry\.Local:9001\/"\)/,
  },
  {
    id: 'chart-version',
    broken: 'a chart version that is not semver',
    files: one(profileYaml((p) => (p.charts = { versions: { keystone: 'latest' } }))),
    names: ['profile.yaml', 'charts.versions.keystone'],
    says: /expected one exact chart version such as 2026\.1\.0 or 4\.15\.1\+STX\.1 \(no range\) \(got "latest"\)/,
  },
  {
    id: 'chart-version-range',
    broken: 'a chart version range instead of one exact version',
    files: one(profileYaml((p) => (p.charts = { versions: { nova: '>=0.1.0' } }))),
    names: ['profile.yaml', 'charts.versions.nova'],
    says: /expected one exact chart version .* \(no range\) \(got ">=0\.1\.0"\)/,
  },
  {
    id: 'app-build',
    broken: 'an app build that no chart version table describes',
    files: one(profileYaml((p) => (p.charts = { appBuild: 'bullseye-2099.1' }))),
    names: ['profile.yaml', 'charts.appBuild'],
    says: /trixie-2026\.1/,
  },
  {
    id: 'depends-on-disabled',
    broken: 'keystone disabled, without charts.repairDependsOn',
    files: one(profileYaml((p) => (p.charts = { enabled: { keystone: false } }))),
    names: ['profile.yaml', 'charts.enabled.keystone'],
    says: /release "glance" depends on "keystone", which is disabled \(enable "keystone", disable "glance", or set charts\.repairDependsOn: true\)/,
  },
  {
    id: 'depends-on-cycle',
    broken: 'a dependsOn cycle in the release definitions (mariadb -> keystone)',
    build: { releases: CYCLIC_RELEASES },
    // No profile file is at fault: the message names the stack and the field.
    names: /stack "starlingx-app": dependsOn cycle: /,
    says: /dependsOn cycle: keystone -> rabbitmq -> memcached -> mariadb -> keystone/,
  },
  {
    id: 'same-name',
    broken: 'two profiles with the same name (one output folder)',
    files: { 'a.yaml': GOOD, 'b.yaml': GOOD },
    location: '.',
    names: ['b.yaml', 'name'],
    says: /"test-aio-sx" is also the name of \S*\/same-name\/profiles\/a\.yaml \(two stacks cannot write the same output folder test-aio-sx\/\)/,
  },
  {
    id: 'starlingx-app',
    broken: 'a profile named starlingx-app (the platform stack)',
    files: one(profileYaml((p) => (p.name = 'starlingx-app'))),
    names: ['profile.yaml', 'name'],
    says: /"starlingx-app" is the platform stack's folder \(expected another name\)/,
  },
  {
    id: 'invalid-name',
    broken: 'a profile name that is not a DNS label',
    files: one(profileYaml((p) => (p.name = 'AIO_SX'))),
    names: ['profile.yaml', 'name'],
    says: /expected a lower-case DNS label \(it names the output folder\) \(got "AIO_SX"\)/,
  },
  READ_ONLY_WORKS
    ? {
        id: 'read-only-output',
        broken: 'an output folder whose parent is read-only',
        setup: (caseDir, goodSynth) => {
          const parent = path.join(caseDir, 'ro');
          fs.mkdirSync(parent);
          fs.cpSync(goodSynth, path.join(parent, 'target'), { recursive: true });
          fs.chmodSync(parent, 0o555);
          return { target: path.join(parent, 'target'), cleanup: () => fs.chmodSync(parent, 0o755) };
        },
        names: /output folder \S*\/read-only-output\/ro\/target: /,
        says: /its parent folder is not writable/,
      }
    : {
        id: 'read-only-output',
        // Root writes through chmod 0o555: a target below a file fails for root too.
        broken: 'an output folder below a file (root ignores read-only folders)',
        setup: (caseDir) => {
          fs.writeFileSync(path.join(caseDir, 'afile'), 'a file, not a folder\n');
          return { target: path.join(caseDir, 'afile', 'target') };
        },
        names: /\/read-only-output\/afile/,
        says: /output folder \S*\/read-only-output\/afile\/target: [^\n]*(not writable|not a folder)/,
      },
  {
    id: 'no-such-file',
    broken: 'a profile file that does not exist',
    location: 'absent.yaml',
    names: /\/no-such-file\/profiles\/absent\.yaml: /,
    says: /profile file or folder does not exist/,
  },
  {
    id: 'unknown-policy',
    broken: 'an unknown policy set',
    files: one(profileYaml((p) => (p.policies = ['strict-rbac']))),
    names: ['profile.yaml', 'policies[0]'],
    says: /unknown policy set "strict-rbac" \(expected one of \["enhanced-rbac"\]\)/,
  },
  {
    id: 'region-name',
    broken: 'a region name that starts with "-"',
    files: one(profileYaml((p) => (p.system.regionName = '-region'))),
    names: ['profile.yaml', 'system.regionName'],
    says: /expected a region name: up to 255 letters, digits, "_", "." or "-", starting with a letter or digit \(got "-region"\)/,
  },
  {
    id: 'system-controller',
    broken: 'a distributed-cloud system controller',
    files: one(profileYaml((p) => (p.system.distributedCloudRole = 'systemcontroller'))),
    names: ['profile.yaml', 'system.distributedCloudRole'],
    says: /cannot be deployed on a distributed-cloud system controller \(got "systemcontroller"; expected "none" or "subcloud"\)/,
  },
  {
    id: 'https-without-cert',
    broken: 'https enabled without certRef',
    files: one(profileYaml((p) => (p.https = { enabled: true }))),
    names: ['profile.yaml', 'https.certRef'],
    says: /required when https\.enabled is true/,
  },
  {
    id: 'undeclared-datanetwork',
    broken: 'an interface on a datanetwork that is not declared',
    files: one(profileYaml((p) => (p.hosts[0].interfaces[1].datanetworks = ['data9']))),
    names: ['profile.yaml', 'hosts[0].interfaces[1].datanetworks[0]'],
    says: /unknown datanetwork "data9" \(expected one of \["data0","data1"\]\)/,
  },
  {
    id: 'mtu-range',
    broken: 'a datanetwork MTU below 576',
    files: one(profileYaml((p) => (p.datanetworks[0].mtu = 100))),
    names: ['profile.yaml', 'datanetworks[0].mtu'],
    says: /expected number to be >=576 \(got 100\)/,
  },
  {
    id: 'standard-simplex',
    broken: 'a standard system in simplex mode',
    files: one(profileYaml((p) => (p.system.type = 'standard'))),
    names: ['profile.yaml', 'system.mode'],
    says: /a standard system is duplex \(got "simplex"; expected "duplex" or "duplex-direct"\)/,
  },
];

/** Bad input that the synth accepts today (generator bugs): each should fail like the rows above. */
/** Cases once accepted by the synth, now refused (kept apart for the record of the fixes). */
const FORMERLY_ACCEPTED: readonly BadInput[] = [
  {
    id: 'registry-port',
    broken: 'an image registry with port 99999',
    files: one(profileYaml((p) => (p.images = { registry: 'registry.local:99999' }))),
    names: ['profile.yaml', 'images.registry'],
    says: /got "registry\.local:99999"/,
  },
  {
    id: 'registry-empty-label',
    broken: 'an image registry with an empty DNS label',
    files: one(profileYaml((p) => (p.images = { registry: 'reg..local:9001' }))),
    names: ['profile.yaml', 'images.registry'],
    says: /got "reg\.\.local:9001"/,
  },
  {
    id: 'hostname-too-long',
    broken: 'a host name of 64 characters',
    files: one(profileYaml((p) => (p.hosts[0].hostname = `controller-${'x'.repeat(53)}`))),
    names: ['profile.yaml', 'hosts[0].hostname'],
    says: /expected a host name: a lower-case DNS name of up to 63 characters/,
  },
  {
    id: 'credential-override-typo',
    broken: 'a credentials.overrides entry for a credential that does not exist (admin-passwrd)',
    files: one(profileYaml((p) => (p.credentials = { overrides: { 'admin-passwrd': { secretName: 'keystone-admin', key: 'password' } } }))),
    names: ['profile.yaml', 'credentials.overrides.admin-passwrd'],
    says: /admin-passwrd/,
  },
];

// ---------------------------------------------------------------------------------------------
// Running a case

interface Outcome {
  readonly code: number;
  readonly text: string;
  readonly target: string;
  readonly changed: string[];
  readonly leftovers: string[];
}

let tmp: string;
let goodSynth: string;
const outcomes = new Map<string, Outcome>();

/**
 * The target of the cases without their own setup: one copy of the good synth that they all
 * write to, in a folder of its own (so that anything left beside the target shows too). Every case
 * must leave it unchanged, so each case's snapshot after the run is the next case's before: the
 * tree is read once per case, not copied and read twice. A case that changed it fails, and the
 * cases after it compare with the changed tree.
 */
const shared: { root: string; target: string; snapshot?: Map<string, string> } = { root: '', target: '' };

function run(c: BadInput): Outcome {
  const known = outcomes.get(c.id);
  if (known) return known;
  const caseDir = path.join(tmp, c.id);
  const profiles = path.join(caseDir, 'profiles');
  fs.mkdirSync(profiles, { recursive: true });
  for (const [name, text] of Object.entries(c.files ?? { 'profile.yaml': GOOD })) fs.writeFileSync(path.join(profiles, name), text);
  const setup = c.setup?.(caseDir, goodSynth) ?? { target: shared.target };
  // What the case may not change: its own folder, and the shared target's folder when it uses it.
  const watched = c.setup ? [caseDir] : [caseDir, shared.root];
  let before: Map<string, string>[];
  let result: ReturnType<typeof runSynth>;
  try {
    before = watched.map((dir) => (dir === shared.root && shared.snapshot ? shared.snapshot : snapshotTree(dir)));
    result = runSynth({ outdir: setup.target, profiles: [path.join(profiles, c.location ?? 'profile.yaml')], build: c.build });
  } finally {
    setup.cleanup?.();
  }
  const after = watched.map((dir) => snapshotTree(dir));
  if (!c.setup) shared.snapshot = after[1];
  const outcome: Outcome = {
    code: result.code,
    text: result.messages.join('\n'),
    target: setup.target,
    changed: watched.flatMap((dir, i) => changedPaths(before[i], after[i]).map((p) => path.join(path.relative(tmp, dir), p))),
    leftovers: atomicLeftovers(setup.target),
  };
  outcomes.set(c.id, outcome);
  return outcome;
}

/** The pattern for "the message names the file (with line:col when the schema refuses a field of a YAML or JSON file) and the field". */
function namesPattern(c: BadInput): RegExp {
  if (c.names instanceof RegExp) return c.names;
  const [file, field] = c.names;
  const position = /\.(ya?ml|json)$/i.test(file) ? '(?::\\d+:\\d+)?' : '';
  return new RegExp(`/${esc(c.id)}/profiles/${esc(file)}${position}: ${esc(field)}: `);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-bad-input-'));
  const good = path.join(tmp, 'good-profile', 'profile.yaml');
  fs.mkdirSync(path.dirname(good), { recursive: true });
  fs.writeFileSync(good, GOOD);
  goodSynth = path.join(tmp, 'good-synth');
  const result = runSynth({ outdir: goodSynth, profiles: [good] });
  expect(result).toMatchObject({ code: 0 });
  expect(fs.readdirSync(goodSynth).sort()).toEqual(['.stx-openstack-gitops', 'clusters', 'starlingx-app', 'test-aio-sx']);
  shared.root = path.join(tmp, 'shared-target');
  shared.target = path.join(shared.root, 'target');
  fs.cpSync(goodSynth, shared.target, { recursive: true });
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('runSynth on bad input', () => {
  test('has at least 25 rows, each with its own id', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set([...CASES, ...FORMERLY_ACCEPTED].map((c) => c.id)).size).toBe(CASES.length + FORMERLY_ACCEPTED.length);
  });

  it.each(CASES)('$id: $broken -> exit 1, names file and field, target unchanged', (c) => {
    // given the case folder (profiles and a previous good synth), when runSynth runs
    const outcome = run(c);
    // then it fails
    expect(outcome.code).toBe(1);
    expect(outcome.text).toMatch(/^synth failed: /);
    expect(outcome.text).toMatch(/\nnothing was written; \S+ is unchanged$/);
    // and the message names the file and the field path, and what was expected vs got
    expect(outcome.text).toMatch(namesPattern(c));
    expect(outcome.text).toMatch(c.says);
    // and nothing changed: the target byte for byte, and nothing left beside it
    expect(outcome.changed).toEqual([]);
    expect(outcome.leftovers).toEqual([]);
  });

  it.each(FORMERLY_ACCEPTED)('$id: $broken is refused, naming the file and field, target unchanged', (c) => {
    const outcome = run(c);
    expect(outcome.code).toBe(1);
    expect(outcome.text).toMatch(namesPattern(c));
    expect(outcome.text).toMatch(c.says);
    expect(outcome.changed).toEqual([]);
  });
});

describe('the cdk8s CLI on a bad profile (spawned processes)', () => {
  let caseDir: string;
  let target: string;
  let before: Map<string, string>;
  let cli: SpawnSyncReturns<string>;
  let cliOutput: SpawnSyncReturns<string>;

  beforeAll(() => {
    // given a bad profile and a target that holds a previous good synth
    caseDir = path.join(tmp, 'cli');
    fs.mkdirSync(caseDir, { recursive: true });
    const profile = path.join(caseDir, 'bad-ip.yaml');
    fs.writeFileSync(
      profile,
      profileYaml((p) => (p.network.oam.floatingAddress = '10.10.10.256')),
    );
    target = path.join(caseDir, 'target');
    fs.cpSync(goodSynth, target, { recursive: true });
    before = snapshotTree(caseDir);
    // when the real CLI synthesises into it (STX_OUTPUT: the project's atomic target)
    const env = { ...process.env, STX_PROFILES: profile, CDK8S_CHECK_UPGRADE: 'false' };
    cli = spawnSync(CDK8S, ['synth'], { cwd: ROOT, encoding: 'utf8', env: { ...env, STX_OUTPUT: target }, timeout: 120_000 });
    // and into a scratch copy through --output, which the CLI itself empties before the app runs
    const scratch = path.join(tmp, 'cli-output', 'target');
    fs.cpSync(goodSynth, scratch, { recursive: true });
    cliOutput = spawnSync(CDK8S, ['synth', '--output', scratch], { cwd: ROOT, encoding: 'utf8', env, timeout: 120_000 });
  }, 150_000);

  const stackTrace = (r: SpawnSyncReturns<string>) => r.stderr.split('\n').filter((l) => /^\s+at /.test(l));

  test("exits 1 with the reason on stderr, then the CLI's one line, no stack trace", () => {
    expect(cli.error).toBeUndefined();
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(
      /^synth failed: \S*\/cli\/bad-ip\.yaml:\d+:\d+: network\.oam\.floatingAddress: expected an IPv4 or IPv6 address \(got "10\.10\.10\.256"\)/m,
    );
    expect(stackTrace(cli)).toEqual([]);
    expect(cli.stderr.trimEnd().split('\n').pop()).toMatch(/^ERROR: synthesis failed, app expected to create /);
  });

  test('leaves the STX_OUTPUT folder byte-for-byte unchanged', () => {
    expect(fs.existsSync(target)).toBe(true);
    expect(changedPaths(before, snapshotTree(caseDir))).toEqual([]);
    expect(atomicLeftovers(target)).toEqual([]);
  });

  // The cdk8s CLI deletes the folder given to --output before it runs the app (fs.rmSync in
  // cdk8s-cli's synth command): the synth cannot keep it, and says so instead of claiming it did.
  test('with --output, says that the CLI emptied the folder and how to keep it: exit 1, no stack trace', () => {
    expect(cliOutput.status).toBe(1);
    expect(cliOutput.stderr).toMatch(/^synth failed: \S*\/cli\/bad-ip\.yaml:\d+:\d+: network\./m);
    expect(cliOutput.stderr).toMatch(/the cdk8s CLI had already emptied \S+ \(it does so for --output\): use STX_OUTPUT=/);
    expect(cliOutput.stderr).not.toMatch(/is unchanged/);
    expect(stackTrace(cliOutput)).toEqual([]);
    expect(cliOutput.stderr.trimEnd().split('\n').pop()).toMatch(/^ERROR: synthesis failed, app expected to create /);
  });
});
