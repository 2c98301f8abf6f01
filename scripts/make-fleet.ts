/**
 * `npx tsx scripts/make-fleet.ts COUNT FILE [--seed N]`: writes a fleet inventory of COUNT
 * generated subclouds (seeded, so a seed gives the same file) extending aio-sx-subcloud: each its
 * own region and addresses; about one in ten with its own credentials Secret, one in seven with
 * aodh off, one in five with user values, one in four with an MTU of 9000.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';
import { toYamlFile } from '../lib/engine/yaml';

export const USAGE = 'usage: npx tsx scripts/make-fleet.ts COUNT FILE [--seed N]';

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

if (require.main === module) {
  runCommand('make-fleet', USAGE, () => {
    const { values, positionals } = parseCommandLine(process.argv.slice(2), { seed: { type: 'string' } }, { min: 2, max: 2, name: 'argument' });
    const count = Number(positionals[0]);
    if (!Number.isInteger(count) || count < 1) throw new UsageError(`COUNT must be a positive whole number, got '${positionals[0]}'`);
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    fs.mkdirSync(path.dirname(positionals[1]), { recursive: true });
    fs.writeFileSync(positionals[1], toYamlFile([fleetInventory(count, seed)]));
  });
}
