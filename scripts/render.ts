/** `npm run render`: an alias of `stx-openstack-gitops render` (lib/commands/commands/render.ts). */
import { runAlias } from '../lib/commands/registry';

export { parseRenderArgs, readStackOrSite, USAGE } from '../lib/commands/commands/render';
export type { RenderArgs } from '../lib/commands/commands/render';

if (require.main === module) runAlias('render');
