/** `npm run images`: an alias of `stx-openstack-gitops images` (lib/commands/commands/images.ts). */
import { runAlias } from '../lib/commands/registry';

runAlias('images');
