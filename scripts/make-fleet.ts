/**
 * `npx tsx scripts/make-fleet.ts COUNT FILE [--seed N]`: an alias of `stx-openstack-gitops fleet new
 * COUNT FILE [--seed N]` (lib/commands/commands/fleet.ts).
 */
import { runAlias } from '../lib/commands/registry';

export { fleetInventory } from '../lib/commands/commands/fleet';

if (require.main === module) runAlias('fleet', ['new', ...process.argv.slice(2)]);
