/** `npm run values`: an alias of `stx-openstack-gitops values` (lib/commands/commands/values.ts). */
import { runAlias } from '../lib/commands/registry';

runAlias('values');
