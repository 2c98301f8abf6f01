/**
 * `fleet list`, `fleet show <subcloud>`: the inventories and a subcloud's merged profile, read from
 * the inventories (lib/commands/inventories.ts), never from the layout of dist/fleet/.
 * `fleet new COUNT FILE [--seed N]`: writes a fleet inventory of COUNT generated subclouds (seeded,
 * so a seed gives the same file) extending aio-sx-subcloud: each its own region and addresses;
 * about one in ten with its own credentials Secret, one in seven with aodh off, one in five with
 * user values, one in four with an MTU of 9000.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CommandSpec, listFlag, printJson, PROFILE_FLAGS, Reporter, schema, stringFlag } from '../command';
import { UsageError } from '../cli';
import { InventorySubcloud, inventorySubclouds, loadInventories, subcloudsNamed } from '../inventories';
import { didYouMean } from '../targets';
import { defaultProfileLocations } from '../../deployment/app';
import { defaultFleetLocations, LoadedInventory, resolveSubcloud } from '../../deployment/fleet';
import { toYamlBody, toYamlFile } from '../../engine/yaml';

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The inventory document of `count` subclouds. */
export function fleetInventory(count: number, seed = 1): object {
  const next = random(seed);
  const subclouds = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const site: Record<string, unknown> = {
      name: `subcloud${n}`,
      extends: 'aio-sx-subcloud',
      system: { regionName: `subcloud${n}` },
      network: { oam: { floatingAddress: `10.${30 + Math.floor(n / 250)}.${n % 250}.2` } },
    };
    if (next() < 0.1) site.credentials = { secretName: `subcloud${n}-credentials` };
    if (next() < 1 / 7) site.charts = { enabled: { aodh: false } };
    if (next() < 0.2) site.userOverrides = { nova: { conf: { nova: { DEFAULT: { debug: true } } } } };
    if (next() < 0.25) site.datanetworks = [{ name: 'physnet0', type: 'vlan', mtu: 9000 }];
    return site;
  });
  return { description: `generated: ${count} subclouds, seed ${seed}`, subclouds };
}

/** What `fleet list --json` prints: each inventory with its subclouds' names, regions and OAM addresses. */
const LIST_JSON = {
  type: 'array',
  items: schema.object({
    inventory: schema.string,
    file: schema.string,
    subclouds: { type: 'array', items: schema.object({ name: schema.string, region: schema.string, oam: schema.string }, ['name']) },
  }),
};
/**
 * What `fleet show --json` prints: the subcloud's merged profile (its inventory entry over the profile
 * it extends) and the releases it deploys.
 */
const SHOW_JSON = schema.object({ subcloud: schema.string, file: schema.string, releases: schema.strings, profile: { type: 'object' } });
const NEW_JSON = schema.object({ file: schema.string, subclouds: schema.integer, seed: schema.integer });

const ACTIONS = ['list', 'show', 'new'] as const;
const ARGUMENT_COUNT: Readonly<Record<(typeof ACTIONS)[number], number>> = { list: 0, show: 1, new: 2 };

/** Writes `count` generated subclouds to `file`. */
function fleetNew(countText: string, file: string, seedText: string, report: Reporter): void {
  if (!/^[1-9][0-9]*$/.test(countText)) throw new UsageError(`COUNT must be a positive whole number, got '${countText}'`);
  if (!/^[0-9]+$/.test(seedText)) throw new UsageError(`--seed must be a whole number, got '${seedText}'`);
  const count = Number(countText);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, toYamlFile([fleetInventory(count, Number(seedText))]));
  if (report.json) printJson({ file, subclouds: count, seed: Number(seedText) });
  else report.note(`wrote ${file}: ${count} subclouds (seed ${seedText})`);
}

export const fleet: CommandSpec = {
  name: 'fleet',
  summary: "the fleets of deployments/fleets/: list them, show a subcloud's merged profile, or write a generated one",
  description:
    'Reads the inventories themselves (not dist/). `list`: every inventory and its subclouds. `show <subcloud>`: the profile a subcloud is built from (its inventory entry merged over the profile it extends) and the releases it deploys. `new <count> <file>`: a generated inventory for trials and benchmarks; seeded, so a seed gives the same file.',
  arguments: [
    { name: '<action>', description: 'list, show or new', complete: [...ACTIONS] },
    {
      name: '[<subcloud> | <count> <file>]',
      description: 'show: inventory/subcloud (or a subcloud name where unique); new: how many subclouds and the inventory file to write',
    },
  ],
  positionals: { min: 1, max: 3, name: 'argument' },
  flags: {
    seed: { type: 'string', value: 'N', default: '1', description: 'new: the seed of the generator' },
    ...PROFILE_FLAGS,
  },
  examples: [
    'fleet list',
    'fleet show sample/subcloud2',
    'fleet list --json',
    'fleet new 10 deployments/fleets/trial.yaml',
    'fleet new 1000 /tmp/big.yaml --seed 7',
  ],
  json: { oneOf: [LIST_JSON, SHOW_JSON, NEW_JSON] },
  completeArgument: (previous) => (previous === 'fleet' ? [...ACTIONS] : previous === 'show' ? 'subcloud' : undefined),
  run({ values, positionals, report }) {
    const [action, ...rest] = positionals;
    if (!(ACTIONS as readonly string[]).includes(action))
      throw new UsageError(`unknown action '${action}' (expected one of ${ACTIONS.join(', ')})`);
    const expected = ARGUMENT_COUNT[action as (typeof ACTIONS)[number]];
    if (rest.length !== expected)
      throw new UsageError(
        `fleet ${action} takes ${expected === 0 ? 'no arguments' : expected === 1 ? 'one argument (a subcloud)' : 'two arguments (a count and a file)'}, got ${rest.length}`,
      );
    if (action === 'new') return fleetNew(rest[0], rest[1], stringFlag(values, 'seed') ?? '1', report);
    if (values.seed !== undefined) throw new UsageError('--seed goes with fleet new');
    const inventories = loadInventories(
      listFlag(values, 'profile') ?? defaultProfileLocations(),
      listFlag(values, 'fleet') ?? defaultFleetLocations(),
    );
    const subclouds = inventorySubclouds(inventories);
    if (action === 'list') return fleetList(inventories, subclouds, report);
    return fleetShow(rest[0], subclouds, report);
  },
};

/** A subcloud's region and OAM address, as its merged input says (the schema has checked their types). */
function siteFacts(input: unknown): { region?: string; oam?: string } {
  const i = input as { system?: { regionName?: string }; network?: { oam?: { floatingAddress?: string } } };
  return {
    ...(i.system?.regionName ? { region: i.system.regionName } : {}),
    ...(i.network?.oam?.floatingAddress ? { oam: i.network.oam.floatingAddress } : {}),
  };
}

function fleetList(inventories: readonly LoadedInventory[], subclouds: readonly InventorySubcloud[], report: Reporter): void {
  const list = inventories.map((inv) => ({
    inventory: inv.name,
    file: inv.file,
    subclouds: subclouds.filter((s) => s.inventory === inv).map((s) => ({ name: s.name, ...siteFacts(s.site.input) })),
  }));
  if (report.json) return printJson(list);
  if (list.length === 0) return report.note('no fleet inventory (deployments/fleets/*.yaml, or --fleet)');
  const lines = list.flatMap((inv) => {
    const width = Math.max(...inv.subclouds.map((s) => s.name.length), 0);
    return [
      `${inv.inventory} (${inv.file}): ${inv.subclouds.length} subclouds`,
      ...inv.subclouds.map((s) => `  ${inv.inventory}/${s.name.padEnd(width)}  region ${s.region ?? '-'}  oam ${s.oam ?? '-'}`),
    ];
  });
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
}

function fleetShow(name: string, subclouds: readonly InventorySubcloud[], report: Reporter): void {
  const matches = subcloudsNamed(name.replace(/\/+$/, ''), subclouds);
  if (matches.length > 1)
    throw new Error(`subcloud "${name}" is in more than one fleet: name one of ${matches.map((m) => m.full).join(', ')}`);
  if (matches.length === 0)
    throw new Error(
      `no subcloud "${name}" in the fleet inventories: ${didYouMean(
        name,
        subclouds.map((s) => s.full),
      )}`,
    );
  const [found] = matches;
  // Resolved as the synth resolves it: a profile the schema or the rules refuse fails here too.
  const releases = resolveSubcloud(found.site).releases.map((r) => r.definition.name);
  if (report.json) return printJson({ subcloud: found.full, file: found.inventory.file, releases, profile: found.site.input });
  process.stdout.write(
    `# subcloud ${found.full} (${found.inventory.file}): its inventory entry merged over the profile it extends\n# releases: ${releases.join(', ')}\n${toYamlBody(found.site.input)}`,
  );
}
