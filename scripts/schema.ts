/** Writes deployments/profile.schema.json from the profile's zod schema (the single source of truth). */
import * as fs from 'fs';
import * as path from 'path';
import { profileJsonSchema } from '../lib/profile/profile';
import { inventoryJsonSchema } from '../lib/profile/inventory';
import { parseCommandLine, runCommand } from '../lib/commands/cli';

export const USAGE =
  'usage: npm run schema   (writes deployments/profile.schema.json and deployments/fleets/inventory.schema.json; takes no arguments)';

export const SCHEMA_FILE = path.resolve(__dirname, '..', 'deployments', 'profile.schema.json');

export const INVENTORY_SCHEMA_FILE = path.resolve(__dirname, '..', 'deployments', 'fleets', 'inventory.schema.json');

export function renderInventorySchema(): string {
  return JSON.stringify(inventoryJsonSchema(), null, 2) + '\n';
}

export function renderSchema(): string {
  const schema = {
    ...profileJsonSchema(),
    $id: 'https://stx-openstack-gitops/profile.schema.json',
    title: 'stx-openstack-gitops deployment profile',
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

if (require.main === module) {
  runCommand('schema', USAGE, () => {
    parseCommandLine(process.argv.slice(2), {});
    fs.writeFileSync(SCHEMA_FILE, renderSchema());
    console.error(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
    fs.writeFileSync(INVENTORY_SCHEMA_FILE, renderInventorySchema());
    console.error(`wrote ${path.relative(process.cwd(), INVENTORY_SCHEMA_FILE)}`);
  });
}
