/**
 * Fleets: an inventory (deployments/fleets/<inventory>.yaml) lists subclouds, each extending a
 * profile of deployments/ with what differs. Each merged profile is resolved exactly like a
 * profile, rendered as its standalone stack, and folded into dist/fleet/<inventory>/: a shared
 * base and one overlay per subcloud (lib/engine/fleet.ts), plus its Flux entry points.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { ALL_RELEASES } from '../../releases';
import { ReleaseDefinition } from '../../releases/define';
import { FleetBuilder } from '../engine/fleet';
import { IConstruct } from 'constructs';
import { FileBase, outputFiles, YamlFile } from '../engine/files';
import { RenderedStack } from '../engine/synth';
import { dataProblems, InputOrigin, LoadedProfile, originOf, parseInput, parseProfile, profileError, readProfileInput } from '../profile/loader';
import { inventoryJsonSchema, inventorySchema, mergeProfileInput } from '../profile/inventory';
import { parseAddress } from '../profile/addresses';
import { PLATFORM_STACK } from './app';
import { resolveLoaded } from './app';
import { ResolvedDeployment } from './resolve';
import { clusterEntrypoints, deploymentStack } from './stack';

/** The folder of fleet inventories inside a profile folder. */
export const FLEETS_FOLDER = 'fleets';

/** One subcloud of an inventory: its profile input, merged over the profile it extends. */
export interface LoadedSubcloud {
  /** What messages name: the inventory file and the subcloud, `sample.yaml: subclouds[1] (subcloud2)`. */
  readonly label: string;
  readonly input: unknown;
  /** Its entry in the inventory file, where its problems point. @default - the label alone */
  readonly origin?: InputOrigin;
}

/** One inventory: its name (the file name) and the profile input of each subcloud, merged. */
export interface LoadedInventory {
  readonly name: string;
  readonly file: string;
  readonly subclouds: readonly LoadedSubcloud[];
}

/** The inventory files of a folder (deployments/fleets/), or the file itself. */
export function inventoryFiles(location: string): string[] {
  if (!fs.existsSync(location)) return [];
  if (fs.statSync(location).isFile()) return [location];
  return fs
    .readdirSync(location)
    .filter((f) => /\.(ya?ml|json|ts)$/i.test(f) && !f.startsWith('_') && !f.startsWith('.') && !/\.(d\.ts|test\.ts|schema\.json)$/i.test(f))
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
      problems.push(`subclouds[${i}].extends: no profile named "${site.extends}" (expected one of ${[...profiles.keys()].map((n) => JSON.stringify(n)).join(', ')})`);
      return { label, input: undefined, origin: siteOrigin };
    }
    const { name, extends: _extends, ...overrides } = site;
    void _extends;
    return { label, input: mergeProfileInput(base, { ...overrides, name }), origin: siteOrigin };
  });
  problems.push(...fleetFacts(inventory.subclouds, subclouds.map((s) => s.input), profiles));
  const name = inventoryName(file);
  if (!INVENTORY_NAME.test(name)) problems.push(`the file name gives the fleet folder dist/fleet/${name}/ (expected a lower-case DNS label before the extension, such as sample.yaml)`);
  if (problems.length > 0) throw profileError(origin, problems);
  return { name, file: rel, subclouds };
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
      problems.push(`${at}.name: "${site.name}" has ${site.name.length} characters; its Flux Kustomization "${site.name}-credentials" would exceed the 63 characters of a label value (expected at most ${MAX_SITE_NAME})`);
    }
    if (profiles.has(site.name) || site.name === PLATFORM_STACK) {
      problems.push(`${at}.name: "${site.name}" is the name of a stack; the subcloud would share its Flux entry points and credentials/${site.name}/ (expected another name)`);
    }
    const input = inputs[i] as { system?: { regionName?: unknown }; network?: { oam?: { floatingAddress?: unknown } } } | undefined;
    if (input === undefined) return;
    const region = typeof input.system?.regionName === 'string' ? input.system.regionName : CENTRAL_REGION;
    if (region === CENTRAL_REGION) problems.push(`${at}.system.regionName: subcloud "${site.name}" is in ${CENTRAL_REGION}, the central cloud's region (expected a region of its own)`);
    else if (regions.has(region)) problems.push(`${at}.system.regionName: subclouds "${sites[regions.get(region)!].name}" and "${site.name}" are both in region "${region}" (expected one region per subcloud)`);
    else regions.set(region, i);
    const oam = input.network?.oam?.floatingAddress;
    if (typeof oam === 'string') {
      const parsed = parseAddress(oam);
      const key = parsed ? `${parsed.family}/${parsed.value}` : oam;
      const other = oams.get(key);
      if (other !== undefined) problems.push(`${at}.network.oam.floatingAddress: subclouds "${sites[other].name}" and "${site.name}" both have the OAM address ${oam} (expected one address per subcloud)`);
      else oams.set(key, i);
    }
  });
  return problems;
}

/** The raw input of every profile of a folder (or files), by profile name. */
export function profileInputs(locations: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const location of locations) {
    const files = fs.statSync(location).isFile() ? [location] : fs.readdirSync(location).filter((f) => /\.(ya?ml|json|ts)$/i.test(f) && !f.startsWith('_') && !f.startsWith('.') && !/\.(d\.ts|test\.ts|schema\.json)$/i.test(f)).map((f) => path.join(location, f));
    for (const file of files) {
      const { input } = readProfileInput(file);
      const name = (input as { name?: unknown }).name;
      if (typeof name === 'string') out.set(name, input);
    }
  }
  return out;
}

/** Resolves one subcloud's merged input as a profile: schema, rules, value checks. */
export function resolveSubcloud(site: LoadedSubcloud, releases: readonly ReleaseDefinition[] = ALL_RELEASES): ResolvedDeployment {
  const origin = site.origin ?? { file: site.label };
  const problems = dataProblems(site.input);
  if (problems.length > 0) throw profileError(origin, problems);
  const loaded: LoadedProfile = { file: site.label, profile: parseProfile(site.input, origin), origin };
  return resolveLoaded(loaded, releases);
}

/** Files of a stack that no kustomization reads: the fleet leaves them out. */
const FOR_PEOPLE = ['README.md', 'metadata.yaml'];

/** The output files of one construct tree (a stack or entry points), by path. */
function filesOf(chart: IConstruct): Map<string, FileBase> {
  return new Map(outputFiles(chart).map((f) => [f.path, f]));
}
const texts = (files: ReadonlyMap<string, FileBase>) => new Map([...files].map(([p, f]) => [p, f.render()]));

/**
 * Renders a fleet: every subcloud resolved (all problems reported, each naming the inventory file,
 * the subcloud and the field), its standalone stack folded into the fleet folder
 * `fleet/<inventory>/`, its Flux entry points in `fleet/<inventory>/clusters/<subcloud>/`.
 */
export function renderFleet(inventory: LoadedInventory, releases: readonly ReleaseDefinition[] = ALL_RELEASES): RenderedStack {
  const root = `fleet/${inventory.name}`;
  const builder = new FleetBuilder({ shared: (f) => f.endsWith('-static-overrides.yaml'), omit: FOR_PEOPLE });
  const errors: string[] = [];
  let releaseCount = 0;
  for (const site of inventory.subclouds) {
    let deployment: ResolvedDeployment;
    try {
      deployment = resolveSubcloud(site, releases);
    } catch (error) {
      errors.push((error as Error).message);
      continue;
    }
    if (errors.length > 0) continue;
    const app = new App({ outdir: '.cdk8s-out' });
    const stack = deploymentStack(app, deployment);
    const entry = clusterEntrypoints(app, deployment, `./dist/${root}`);
    const name = deployment.profile.name;
    const entryFiles = new Map([...texts(filesOf(entry))].map(([f, t]) => [`clusters/${name}/${f}`, t]));
    const stackFiles = filesOf(stack);
    builder.add(name, texts(stackFiles), entryFiles, (f) => {
      const file = stackFiles.get(f);
      return file instanceof YamlFile ? file.documents() : undefined;
    });
    releaseCount += deployment.releases.length;
  }
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return { name: root, files: builder.result(), releases: releaseCount, notes: [`${inventory.subclouds.length} subclouds`] };
}

/** Every fleet of the inventory files of `locations` (deployments/fleets/), extending the profiles of `profileLocations`. */
export function renderFleets(locations: readonly string[], profileLocations: readonly string[], releases: readonly ReleaseDefinition[] = ALL_RELEASES): RenderedStack[] {
  const files = locations.flatMap(inventoryFiles);
  if (files.length === 0) return [];
  const byName = new Map<string, string>();
  for (const file of files) {
    const other = byName.get(inventoryName(file));
    if (other !== undefined) throw new Error(`${file}: fleet "${inventoryName(file)}" is also the inventory ${other}; both would write dist/fleet/${inventoryName(file)}/ (rename one)`);
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
      if (other !== undefined) throw new Error(`${inventory.file}: subcloud "${name}" is also a subcloud of ${other}; both would read credentials/${name}/ (expected unique subcloud names across fleets)`);
      sites.set(name, inventory.file);
    }
  }
  return inventories.map((inventory) => renderFleet(inventory, releases));
}

/** The default inventory location: STX_FLEETS (comma-separated), else deployments/fleets/. */
export function defaultFleetLocations(): string[] {
  const fromEnv = process.env.STX_FLEETS;
  if (fromEnv !== undefined) {
    const locations = fromEnv.split(',').map((p) => p.trim()).filter(Boolean);
    // Only the default folder may be absent: a path the operator names must exist.
    const missing = locations.find((p) => !fs.existsSync(p));
    if (missing) throw new Error(`STX_FLEETS: ${missing}: no such inventory file or folder`);
    return locations;
  }
  return [path.resolve(__dirname, '..', '..', 'deployments', FLEETS_FOLDER)];
}
