/**
 * Our own bootstrap scripts, for the charts' `bootstrap.script` (run by the bootstrap job with the
 * admin credentials of the chart in the environment). Each is idempotent: a re-run after an
 * upgrade changes nothing.
 */
import { configText } from './config-files';

/**
 * Keystone: the `member` role, the admin user's roles on its project and the default domain, and
 * the admin user exempt from lockout after failed logins (StarlingX keeps the platform admin
 * reachable even under a password-guessing attack).
 */
export const keystoneBootstrapScript = configText([
  'set -e',
  'openstack role create --or-show member',
  'openstack role add --user "${OS_USERNAME}" --user-domain "${OS_USER_DOMAIN_NAME}" --project "${OS_PROJECT_NAME}" --project-domain "${OS_PROJECT_DOMAIN_NAME}" member',
  'openstack role add --user "${OS_USERNAME}" --domain "${OS_DEFAULT_DOMAIN}" admin',
  'admin_id="$(openstack user show "${OS_USERNAME}" --domain "${OS_USER_DOMAIN_NAME}" -f value -c id)"',
  'token="$(openstack token issue -f value -c id)"',
  'curl --fail --silent --show-error -X PATCH "http://keystone.openstack.svc.cluster.local/v3/users/${admin_id}" \\',
  '  -H "X-Auth-Token: ${token}" -H "Content-Type: application/json" \\',
  '  -d \'{"user": {"options": {"ignore_lockout_failure_attempts": true}}}\'',
]);

/** Heat: the role that Heat gives the users it creates for stacks (never give it to people). */
export const heatBootstrapScript = configText(['set -e', 'openstack role create --or-show heat_stack_user']);
