/** `npm run diff`: an alias of `stx-openstack-gitops diff` (lib/commands/commands/diff.ts). */
import { runAlias } from '../lib/commands/registry';

runAlias('diff');
