/**
 * `fleet new COUNT FILE [--seed N]`: writes a fleet inventory of COUNT generated subclouds (seeded,
 * so a seed gives the same file) extending aio-sx-subcloud: each its own region and addresses;
 * about one in ten with its own credentials Secret, one in seven with aodh off, one in five with
 * user values, one in four with an MTU of 9000.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CommandSpec, stringFlag } from '../command';
import { UsageError } from '../cli';
import { toYamlFile } from '../../engine/yaml';

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

export const fleet: CommandSpec = {
  name: 'fleet',
  summary: 'fleet new: write a generated fleet inventory of COUNT subclouds (for trials and benchmarks)',
  description: 'Seeded: a seed gives the same file. Each subcloud extends aio-sx-subcloud with its own region and addresses; some have their own credentials Secret, aodh off, user values or an MTU of 9000.',
  arguments: [
    { name: 'new', description: 'the action (the only one)', complete: ['new'] },
    { name: '<count>', description: 'how many subclouds (a positive whole number)' },
    { name: '<file>', description: 'the inventory file to write (deployments/fleets/<name>.yaml to synthesise it)', complete: 'file' },
  ],
  positionals: { min: 3, max: 3, name: 'argument' },
  flags: { seed: { type: 'string', value: 'N', default: '1', description: 'the seed of the generator' } },
  examples: ['fleet new 10 deployments/fleets/trial.yaml', 'fleet new 1000 /tmp/big.yaml --seed 7'],
  run({ values, positionals, report }) {
    const [action, countText, file] = positionals;
    if (action !== 'new') throw new UsageError(`unknown action '${action}' (expected: new)`);
    const count = Number(countText);
    if (!/^[1-9][0-9]*$/.test(countText)) throw new UsageError(`COUNT must be a positive whole number, got '${countText}'`);
    const seedText = stringFlag(values, 'seed') ?? '1';
    if (!/^[0-9]+$/.test(seedText)) throw new UsageError(`--seed must be a whole number, got '${seedText}'`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, toYamlFile([fleetInventory(count, Number(seedText))]));
    if (!report.quiet) console.error(`wrote ${file}: ${count} subclouds (seed ${seedText})`);
  },
};
