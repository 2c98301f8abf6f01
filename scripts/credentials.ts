/** `npm run credentials`: an alias of `stx-openstack-gitops credentials` (lib/commands/commands/credentials.ts). */
import { runAlias } from '../lib/commands/registry';

export { credentialsOf, generateValues, randomPassword } from '../lib/commands/credentials';
export { parseCredentialsArgs, resolveTargets, USAGE } from '../lib/commands/commands/credentials';
export type { CredentialsArgs, NamedDeployment } from '../lib/commands/commands/credentials';

if (require.main === module) runAlias('credentials');
