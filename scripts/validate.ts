/** `npm run validate`: an alias of `stx-openstack-gitops validate` (lib/commands/commands/validate.ts). */
import { runAlias } from '../lib/commands/registry';

export { parseValidateArgs, USAGE } from '../lib/commands/commands/validate';
export type { ValidateArgs } from '../lib/commands/commands/validate';

if (require.main === module) runAlias('validate');
