/**
 * Fleets: an inventory (deployments/fleets/<inventory>.yaml) lists subclouds, each extending a
 * profile of deployments/ with what differs. Each profile the subclouds extend is rendered once as
 * the shared base (dist/fleet/<inventory>/base/<profile>/); each merged profile is resolved exactly
 * like a profile and composed over its base (lib/engine/fleet.ts): one kustomization per subcloud,
 * and its Flux entry points in one file. A synth given the previous output keeps every subcloud
 * whose inputs (its merged profile, its base, the generator's code) and written files are unchanged.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { ALL_RELEASES } from '../../releases';
import { ReleaseDefinition } from '../../releases/define';
import { composeSite, FLEET_BASE_DIR, FleetBase } from '../engine/fleet';
import { IConstruct } from 'constructs';
import { FileBase, outputFiles, YamlFile } from '../engine/files';
import { RenderedStack } from '../engine/synth';
import { realTarget } from '../engine/output-folder';
import { toYamlFile, withoutWrittenDocuments } from '../engine/yaml';
import {
  dataProblems,
  InputOrigin,
  LoadedProfile,
  originOf,
  ParsedProfileInput,
  parseInput,
  parseProfile,
  parseProfileOver,
  profileError,
  readProfileInput,
} from '../profile/loader';
import { inventoryJsonSchema, inventorySchema, mergeProfileInput } from '../profile/inventory';
import { parseAddress } from '../profile/addresses';
import { PLATFORM_STACK } from './app';
import { resolveLoaded } from './app';
import { ResolvedDeployment } from './resolve';
import { clusterEntrypoints, deploymentStackProps } from './stack';
import { checkStackReleases, FluxStack, FluxStackProps, releaseConstructProps, stackKustomization, StackRelease } from '../engine/stack';
import { checkSecretSize, ReleaseConstruct, releaseValuesFiles, sameReleaseFrame } from '../engine/release';
import { splitCredentials } from '../engine/credentials';

/** The folder of fleet inventories inside a profile folder. */
export const FLEETS_FOLDER = 'fleets';

/** One subcloud of an inventory: its profile input, merged over the profile it extends. */
export interface LoadedSubcloud {
  /** What messages name: the inventory file and the subcloud, `sample.yaml: subclouds[1] (subcloud2)`. */
  readonly label: string;
  readonly input: unknown;
  /** The name of the profile it extends. */
  readonly extends: string;
  /** Its entry in the inventory file, where its problems point. @default - the label alone */
  readonly origin?: InputOrigin;
}

/** One inventory: its name (the file name) and the profile input of each subcloud, merged. */
export interface LoadedInventory {
  readonly name: string;
  readonly file: string;
  readonly subclouds: readonly LoadedSubcloud[];
  /** The raw input of each profile the subclouds extend, by name. */
  readonly bases: ReadonlyMap<string, unknown>;
}

/** The inventory files of a folder (deployments/fleets/), or the file itself. */
export function inventoryFiles(location: string): string[] {
  if (!fs.existsSync(location)) return [];
  if (fs.statSync(location).isFile()) return [location];
  return fs
    .readdirSync(location)
    .filter(
      (f) => /\.(ya?ml|json|ts)$/i.test(f) && !f.startsWith('_') && !f.startsWith('.') && !/\.(d\.ts|test\.ts|schema\.json)$/i.test(f),
    )
    .sort()
    .map((f) => path.join(location, f));
}

/**
 * Reads an inventory and merges each subcloud over the profile it extends (`profiles`: the raw
 * input of every profile by name). Errors name the file, the subcloud and the field.
 */
export function loadInventory(file: string, profiles: ReadonlyMap<string, unknown>): LoadedInventory {
  const { file: rel, input } = readProfileInput(file);
  const origin = originOf(input, rel);
  const inventory = parseInput(inventorySchema, inventoryJsonSchema, input, origin);
  const seen = new Map<string, number>();
  const problems: string[] = [];
  const subclouds = inventory.subclouds.map((site, i): LoadedSubcloud => {
    const entry = `subclouds[${i}] (${site.name})`;
    const label = `${rel}: ${entry}`;
    const siteOrigin: InputOrigin = { ...origin, part: { path: ['subclouds', i], label: entry } };
    const other = seen.get(site.name);
    if (other !== undefined) problems.push(`subclouds[${i}].name: duplicate subcloud "${site.name}" (also subclouds[${other}])`);
    seen.set(site.name, i);
    const base = profiles.get(site.extends);
    if (base === undefined) {
      problems.push(
        `subclouds[${i}].extends: no profile named "${site.extends}" (expected one of ${[...profiles.keys()].map((n) => JSON.stringify(n)).join(', ')})`,
      );
      return { label, input: undefined, origin: siteOrigin, extends: site.extends };
    }
    const { name, extends: _extends, ...overrides } = site;
    return { label, input: mergeProfileInput(base, { ...overrides, name }), origin: siteOrigin, extends: _extends };
  });
  problems.push(
    ...fleetFacts(
      inventory.subclouds,
      subclouds.map((s) => s.input),
      profiles,
    ),
  );
  const name = inventoryName(file);
  if (!INVENTORY_NAME.test(name))
    problems.push(
      `the file name gives the fleet folder dist/fleet/${name}/ (expected a lower-case DNS label before the extension, such as sample.yaml)`,
    );
  if (problems.length > 0) throw profileError(origin, problems);
  const bases = new Map(inventory.subclouds.map((site) => [site.extends, profiles.get(site.extends)]));
  return { name, file: rel, subclouds, bases };
}

/** The fleet name of an inventory file: its base name without the extension. */
export const inventoryName = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');

const INVENTORY_NAME = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The central cloud's region: a subcloud never runs in it. */
export const CENTRAL_REGION = 'RegionOne';

/**
 * Flux labels every object it applies with its Kustomization's name (label values hold at most 63
 * characters); the longest entry-point name is `<site>-credentials`.
 */
export const MAX_SITE_NAME = 63 - '-credentials'.length;

/**
 * Facts of a fleet that cannot all be true: two subclouds in one region or on one OAM address, a
 * subcloud in the central region, a subcloud named like a stack (its entry points and
 * credentials/<site>/ folder would be the stack's), a name too long for Flux's labels.
 */
function fleetFacts(sites: ReadonlyArray<{ name: string }>, inputs: readonly unknown[], profiles: ReadonlyMap<string, unknown>): string[] {
  const problems: string[] = [];
  const regions = new Map<string, number>();
  const oams = new Map<string, number>();
  sites.forEach((site, i) => {
    const at = `subclouds[${i}]`;
    if (site.name.length > MAX_SITE_NAME) {
      problems.push(
        `${at}.name: "${site.name}" has ${site.name.length} characters; its Flux Kustomization "${site.name}-credentials" would exceed the 63 characters of a label value (expected at most ${MAX_SITE_NAME})`,
      );
    }
    if (profiles.has(site.name) || site.name === PLATFORM_STACK) {
      problems.push(
        `${at}.name: "${site.name}" is the name of a stack; the subcloud would share its Flux entry points and credentials/${site.name}/ (expected another name)`,
      );
    }
    const input = inputs[i] as { system?: { regionName?: unknown }; network?: { oam?: { floatingAddress?: unknown } } } | undefined;
    if (input === undefined) return;
    const region = typeof input.system?.regionName === 'string' ? input.system.regionName : CENTRAL_REGION;
    if (region === CENTRAL_REGION)
      problems.push(
        `${at}.system.regionName: subcloud "${site.name}" is in ${CENTRAL_REGION}, the central cloud's region (expected a region of its own)`,
      );
    else if (regions.has(region))
      problems.push(
        `${at}.system.regionName: subclouds "${sites[regions.get(region)!].name}" and "${site.name}" are both in region "${region}" (expected one region per subcloud)`,
      );
    else regions.set(region, i);
    const oam = input.network?.oam?.floatingAddress;
    if (typeof oam === 'string') {
      const parsed = parseAddress(oam);
      const key = parsed ? `${parsed.family}/${parsed.value}` : oam;
      const other = oams.get(key);
      if (other !== undefined)
        problems.push(
          `${at}.network.oam.floatingAddress: subclouds "${sites[other].name}" and "${site.name}" both have the OAM address ${oam} (expected one address per subcloud)`,
        );
      else oams.set(key, i);
    }
  });
  return problems;
}

/** The raw input of every profile of a folder (or files), by profile name. */
export function profileInputs(locations: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const location of locations) {
    const files = fs.statSync(location).isFile()
      ? [location]
      : fs
          .readdirSync(location)
          .filter(
            (f) =>
              /\.(ya?ml|json|ts)$/i.test(f) && !f.startsWith('_') && !f.startsWith('.') && !/\.(d\.ts|test\.ts|schema\.json)$/i.test(f),
          )
          .map((f) => path.join(location, f));
    for (const file of files) {
      const { input } = readProfileInput(file);
      const name = (input as { name?: unknown }).name;
      if (typeof name === 'string') out.set(name, input);
    }
  }
  return out;
}

/**
 * Resolves one subcloud's merged input as a profile: schema, rules, value checks. `base`: the
 * input of the profile it extends and its parse (the fields it does not replace are not parsed
 * again). @default - the whole input is parsed
 */
export function resolveSubcloud(
  site: Omit<LoadedSubcloud, 'extends'>,
  releases: readonly ReleaseDefinition[] = ALL_RELEASES,
  base?: ParsedProfileInput,
): ResolvedDeployment {
  const origin = site.origin ?? { file: site.label };
  const problems = dataProblems(site.input);
  if (problems.length > 0) throw profileError(origin, problems);
  const profile = base ? parseProfileOver(base, site.input, origin) : parseProfile(site.input, origin);
  return resolveLoaded({ file: site.label, profile, origin } satisfies LoadedProfile, releases);
}

/** Files of a stack that no kustomization reads: the fleet leaves them out. */
const FOR_PEOPLE = ['README.md', 'metadata.yaml'];

/** The output files of one construct tree (a stack or entry points), by path. */
function filesOf(chart: IConstruct): Map<string, FileBase> {
  return new Map(outputFiles(chart).map((f) => [f.path, f]));
}
const texts = (files: ReadonlyMap<string, FileBase>) =>
  new Map([...files].filter(([p]) => !FOR_PEOPLE.includes(p)).map(([p, f]) => [p, f.render()]));

/** What decides the stack-wide part of a stack's files: the props but its releases and what the fleet leaves out. */
const stackWide = (props: FluxStackProps) =>
  JSON.stringify({ ...props, releases: undefined, metadata: undefined, notes: undefined, extraFiles: undefined });

/** `f(x)`, computed once per object. */
function once<K extends object, V>(f: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    if (!memo.has(key)) memo.set(key, f(key));
    return memo.get(key)!;
  };
}

/** A release's system values split once (a base's releases are compared with every subcloud's). */
const splitOf = once((r: StackRelease) => splitCredentials(r.systemValues ?? {}));

/**
 * How a subcloud's stack stands to its base's, known from the props and the values texts alone:
 * when the stack-wide props are equal, base/ and namespace/ are the base's (`same`), and so is
 * every release whose other files' inputs are the base's (sameReleaseFrame) and whose values
 * texts are too; a release that differs in its values texts alone gets them (`values`: folder ->
 * file name -> text); the composer builds and compares only the other releases.
 */
function siteParts(
  props: FluxStackProps,
  base: FluxStackProps,
  baseFiles: FleetBase,
): { same: Set<string>; values: Map<string, Map<string, string>> } {
  const same = new Set<string>();
  const values = new Map<string, Map<string, string>>();
  if (stackWide(props) !== stackWide(base)) return { same, values };
  same.add('base').add('namespace');
  const baseReleases = new Map(base.releases.map((r) => [r.facts.name, r]));
  for (const r of props.releases) {
    const b = baseReleases.get(r.facts.name);
    const { plain, leaves } = splitOf(r);
    if (!b || !sameReleaseFrame(r, leaves, b, splitOf(b).leaves)) continue;
    const folder = baseFiles.folder(r.facts.name);
    const texts = new Map<string, string>();
    for (const { id, path: file, documents } of releaseValuesFiles(r, plain)) {
      if (id === 'static') continue;
      // Not a file of the fleet (a literal of the subcloud's kustomization at most): not remembered for the scan.
      const text = withoutWrittenDocuments(() => toYamlFile(documents));
      checkSecretSize(r.facts.name, file, text, id === 'user' ? r.userValues : undefined);
      texts.set(file.slice(file.indexOf('/') + 1), text);
    }
    if ([...texts].every(([f, t]) => folder.get(f) === t)) same.add(r.facts.name);
    else values.set(r.facts.name, texts);
  }
  return { same, values };
}

/**
 * The part of a subcloud's stack that differs from its base: the whole stack when its stack-wide
 * props differ, else only the top kustomization and the release folders neither in `same` nor in
 * `values` (the releases checked as the whole stack would check them).
 */
function siteStack(app: App, name: string, props: FluxStackProps, same: ReadonlySet<string>, values: ReadonlyMap<string, unknown>): Chart {
  if (!same.has('base')) return new FluxStack(app, name, props);
  checkStackReleases(name, props.releases);
  const chart = new Chart(app, name, { disableResourceNameHashes: true });
  new YamlFile(chart, 'kustomization', { path: 'kustomization.yaml', documents: [stackKustomization(props)] });
  for (const release of props.releases)
    if (!same.has(release.facts.name) && !values.has(release.facts.name))
      new ReleaseConstruct(chart, release.facts.name, releaseConstructProps(props, release));
  return chart;
}

/** Options of {@link renderFleet}. */
export interface FleetRenderOptions {
  /**
   * The output folder a previous synth wrote (dist/): a subcloud whose inputs and written files
   * are unchanged since (see {@link rememberFleets}) is kept as it is there, not rebuilt.
   * @default - every subcloud is rebuilt
   */
  readonly previous?: string;
}

/** One subcloud as the previous synth left it: the key of its inputs, its releases, its files with their stat. */
interface SiteMemo {
  readonly key: string;
  readonly releases: number;
  /** Fleet-relative path -> [size, mtimeMs, ctimeMs, ino] after the write. */
  readonly files: Record<string, [number, number, number, number]>;
}

/** What {@link rememberFleets} stores per output folder and fleet. */
interface FleetMemoFile {
  readonly generator: string;
  readonly sites: Record<string, SiteMemo>;
}

/** The input key and files of each subcloud of a rendered fleet, for {@link rememberFleets}. */
const MEMOS = new WeakMap<
  RenderedStack,
  { readonly inventory: string; readonly sites: Map<string, { key: string; releases: number; files: string[] }> }
>();

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * The code that writes the fleet: the bundle's source hash (scripts/app.cjs sets it), else a value
 * of this process alone (a run from the TypeScript sources never trusts an earlier run's files).
 */
const GENERATOR =
  (globalThis as { __STX_SOURCE_HASH?: string }).__STX_SOURCE_HASH ?? `process-${process.pid}-${crypto.randomBytes(8).toString('hex')}`;

/** Where the memo of an output folder's fleets is kept: the package's cache, one file per output folder. */
function memoFile(outRoot: string, inventory: string): string {
  return path.resolve(
    __dirname,
    '..',
    '..',
    'node_modules',
    '.cache',
    'stx-openstack-gitops-fleet',
    `${sha256(realTarget(outRoot)).slice(0, 16)}-${inventory}.json`,
  );
}

const statOf = (file: string): [number, number, number, number] | undefined => {
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  return st && st.isFile() ? [st.size, st.mtimeMs, st.ctimeMs, st.ino] : undefined;
};

/** The previous synth's memo of a fleet, when it was written by this generator. */
function readMemo(outRoot: string, inventory: string): FleetMemoFile | undefined {
  try {
    const memo = JSON.parse(fs.readFileSync(memoFile(outRoot, inventory), 'utf8')) as FleetMemoFile;
    return memo.generator === GENERATOR && typeof memo.sites === 'object' ? memo : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Renders a fleet: the profiles its subclouds extend rendered once as bases, every subcloud
 * resolved (all problems reported, each naming the inventory file, the subcloud and the field)
 * and composed over its base in `fleet/<inventory>/<subcloud>/`, its Flux entry points in
 * `fleet/<inventory>/clusters/<subcloud>/<subcloud>.yaml`.
 */
export function renderFleet(
  inventory: LoadedInventory,
  releases: readonly ReleaseDefinition[] = ALL_RELEASES,
  options: FleetRenderOptions = {},
): RenderedStack {
  const root = `fleet/${inventory.name}`;
  const files = new Map<string, string>();
  const bases = new Map<string, { base: FleetBase; key: string; props: FluxStackProps; parsed: ParsedProfileInput }>();
  const baseOf = (name: string) => {
    let entry = bases.get(name);
    if (!entry) {
      const input = inventory.bases.get(name);
      const deployment = resolveSubcloud({ label: `${inventory.file}: base profile ${name}`, input }, releases);
      const props = deploymentStackProps(deployment);
      const base = new FleetBase(`${FLEET_BASE_DIR}/${name}`, texts(filesOf(new FluxStack(new App(), name, props))));
      for (const [f, t] of base.fleetFiles()) files.set(f, t);
      entry = { base, key: sha256(JSON.stringify([...base.files])), props, parsed: { input, profile: deployment.profile } };
      bases.set(name, entry);
    }
    return entry;
  };
  const memo = options.previous !== undefined ? readMemo(options.previous, inventory.name) : undefined;
  const fleetDir = options.previous !== undefined ? path.join(realTarget(options.previous), root) : undefined;
  const sites = new Map<string, { key: string; releases: number; files: string[] }>();
  const kept = new Map<string, number>();
  const releaseNames = releases.map((r) => r.name).join(',');
  const errors: string[] = [];
  let releaseCount = 0;
  let rebuilt = 0;
  for (const site of inventory.subclouds) {
    const name = (site.input as { name: string }).name;
    const { base, key: baseKey, props: baseProps, parsed } = baseOf(site.extends);
    const key = sha256(JSON.stringify([GENERATOR, inventory.name, baseKey, releaseNames, site.input]));
    const before = memo?.sites[name];
    if (
      before &&
      fleetDir &&
      before.key === key &&
      Object.entries(before.files).every(([f, st]) => JSON.stringify(statOf(path.join(fleetDir, f))) === JSON.stringify(st))
    ) {
      for (const [f, st] of Object.entries(before.files)) kept.set(f, st[0]);
      sites.set(name, { key, releases: before.releases, files: Object.keys(before.files) });
      releaseCount += before.releases;
      continue;
    }
    let deployment: ResolvedDeployment;
    try {
      deployment = resolveSubcloud(site, releases, parsed);
    } catch (error) {
      errors.push((error as Error).message);
      continue;
    }
    if (errors.length > 0) continue;
    const app = new App({ outdir: '.cdk8s-out' });
    const props = deploymentStackProps(deployment);
    const { same, values } = siteParts(props, baseProps, base);
    // The stack's texts are not the files written (the composed ones are): the scan need not remember them.
    const stackFiles = filesOf(withoutWrittenDocuments(() => siteStack(app, name, props, same, values)));
    // A release that differs in its values alone is its base's folder with those texts.
    const fromBase = new Map<string, string | undefined>();
    for (const [folder, texts] of values) for (const f of base.folder(folder).keys()) fromBase.set(`${folder}/${f}`, texts.get(f));
    const composed = composeSite(base, {
      site: name,
      paths: [
        ...[...stackFiles.keys()].filter((f) => !FOR_PEOPLE.includes(f) && !same.has(f.slice(0, f.indexOf('/')))),
        ...fromBase.keys(),
      ],
      text: (f) => (fromBase.has(f) ? (fromBase.get(f) ?? base.files.get(f)!) : withoutWrittenDocuments(() => stackFiles.get(f)!.render())),
      same,
      omit: FOR_PEOPLE,
      documents: (f) => {
        if (fromBase.has(f)) return fromBase.get(f) === undefined ? [base.doc(f)] : undefined;
        const file = stackFiles.get(f);
        return file instanceof YamlFile ? file.documents() : undefined;
      },
    });
    const entry = clusterEntrypoints(app, deployment, `./dist/${root}`, composed.namespaceDir && `./dist/${root}/${composed.namespaceDir}`);
    // One file of the cluster's Flux Kustomizations (kustomize-controller and kubectl read every document).
    composed.files.set(
      `clusters/${name}/${name}.yaml`,
      toYamlFile([...filesOf(entry).values()].flatMap((f) => (f instanceof YamlFile ? f.documents() : []))),
    );
    for (const [f, t] of composed.files) files.set(f, t);
    sites.set(name, { key, releases: deployment.releases.length, files: [...composed.files.keys()] });
    releaseCount += deployment.releases.length;
    rebuilt++;
  }
  if (errors.length > 0) throw new Error(errors.join('\n'));
  const count = inventory.subclouds.length;
  const stack: RenderedStack = {
    name: root,
    files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    releases: releaseCount,
    notes: [options.previous !== undefined ? `${rebuilt} of ${count} subclouds rebuilt, ${count - rebuilt} kept` : `${count} subclouds`],
    ...(kept.size > 0 ? { kept } : {}),
  };
  MEMOS.set(stack, { inventory: inventory.name, sites });
  return stack;
}

/**
 * After a synth wrote `outRoot`: remembers, per fleet, each subcloud's input key and the stat of
 * its files, so that the next synth into `outRoot` keeps what did not change. A memo that cannot be
 * written only costs the next synth a full rebuild.
 */
export function rememberFleets(outRoot: string, stacks: readonly RenderedStack[]): void {
  for (const stack of stacks) {
    const fleet = MEMOS.get(stack);
    if (!fleet) continue;
    const dir = path.join(realTarget(outRoot), stack.name);
    const sites: Record<string, SiteMemo> = {};
    for (const [name, site] of fleet.sites) {
      const stats = site.files.map((f) => [f, statOf(path.join(dir, f))] as const);
      if (stats.some(([, st]) => st === undefined)) continue;
      sites[name] = { key: site.key, releases: site.releases, files: Object.fromEntries(stats) as SiteMemo['files'] };
    }
    const file = memoFile(outRoot, fleet.inventory);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify({ generator: GENERATOR, sites } satisfies FleetMemoFile));
      fs.renameSync(`${file}.${process.pid}.tmp`, file);
    } catch {
      fs.rmSync(`${file}.${process.pid}.tmp`, { force: true });
    }
  }
}

/** Every fleet of the inventory files of `locations` (deployments/fleets/), extending the profiles of `profileLocations`. */
export function renderFleets(
  locations: readonly string[],
  profileLocations: readonly string[],
  releases: readonly ReleaseDefinition[] = ALL_RELEASES,
  options: FleetRenderOptions = {},
): RenderedStack[] {
  const files = locations.flatMap(inventoryFiles);
  if (files.length === 0) return [];
  const byName = new Map<string, string>();
  for (const file of files) {
    const other = byName.get(inventoryName(file));
    if (other !== undefined)
      throw new Error(
        `${file}: fleet "${inventoryName(file)}" is also the inventory ${other}; both would write dist/fleet/${inventoryName(file)}/ (rename one)`,
      );
    byName.set(inventoryName(file), file);
  }
  const profiles = profileInputs(profileLocations);
  const inventories = files.map((file) => loadInventory(file, profiles));
  // credentials/<site>/ is one folder per site name, whatever the fleet.
  const sites = new Map<string, string>();
  for (const inventory of inventories) {
    for (const site of inventory.subclouds) {
      const name = (site.input as { name: string }).name;
      const other = sites.get(name);
      if (other !== undefined)
        throw new Error(
          `${inventory.file}: subcloud "${name}" is also a subcloud of ${other}; both would read credentials/${name}/ (expected unique subcloud names across fleets)`,
        );
      sites.set(name, inventory.file);
    }
  }
  return inventories.map((inventory) => renderFleet(inventory, releases, options));
}

/** The default inventory location: STX_FLEETS (comma-separated), else deployments/fleets/. */
export function defaultFleetLocations(): string[] {
  const fromEnv = process.env.STX_FLEETS;
  if (fromEnv !== undefined) {
    const locations = fromEnv
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    // Only the default folder may be absent: a path the operator names must exist.
    const missing = locations.find((p) => !fs.existsSync(p));
    if (missing) throw new Error(`STX_FLEETS: ${missing}: no such inventory file or folder`);
    return locations;
  }
  return [path.resolve(__dirname, '..', '..', 'deployments', FLEETS_FOLDER)];
}
