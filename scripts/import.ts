/** `npm run import`: an alias of `stx-openstack-gitops import` (lib/commands/commands/import.ts). */
import { runAlias } from '../lib/commands/registry';

export { CRD_FILES, IMPORTS_DIR, missingCrds } from '../lib/commands/commands/import';

if (require.main === module) runAlias('import');
