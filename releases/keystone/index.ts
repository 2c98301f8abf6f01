import { defineRelease, NO_WAIT } from '../define';
import { keystoneStaticValues } from '../../overrides/keystone';
import { Values } from '../../lib/engine/values';
import {
  httpsServiceValues,
  identityAuth,
  notificationUrl,
  osloDbAuth,
  osloMessaging,
  publicEndpoint,
  publicHost,
  publicUrl,
} from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** The platform's default password rules (`/etc/keystone/password-rules.conf`, spec §3.7). */
const DEFAULT_PASSWORD_RULES = {
  uniqueLastPasswordCount: 2,
  // Written with escapes because the character class contains a backtick.
  regex: '^(?=.*\\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#$%^&*()<>{}+=_\\\\[\\]\\-?|~`,.;:]).{7,}$',
  regexDescription:
    'Password must have a minimum length of 7 characters, and must contain at least 1 upper case, 1 lower case, 1 digit, and 1 special character',
};

/** Service users that only an admin may delete or re-password. */
const PROTECTED_SERVICES = [
  'aodh',
  'barbican',
  'ceilometer',
  'cinder',
  'glance',
  'heat',
  'neutron',
  'nova',
  'patching',
  'sysinv',
  'mtce',
  'magnum',
  'gnocchi',
];

/** The fixed keystone policy of the platform plugin (spec §3.7 `conf.policy`). */
function keystonePolicy(): Values {
  return {
    admin_required: 'role:admin or is_admin:1',
    service_role: 'role:service',
    service_or_admin: 'rule:admin_required or rule:service_role',
    owner: 'user_id:%(user_id)s',
    admin_or_owner: 'rule:admin_required or rule:owner',
    token_subject: 'user_id:%(target.token.user_id)s',
    admin_or_token_subject: 'rule:admin_required or rule:token_subject',
    service_admin_or_token_subject: 'rule:service_or_admin or rule:token_subject',
    protected_domains: "'heat':%(target.domain.name)s or 'magnum':%(target.domain.name)s",
    protected_projects: "'admin':%(target.project.name)s or 'services':%(target.project.name)s",
    protected_admins: "'admin':%(target.user.name)s or 'heat_admin':%(target.user.name)s or 'dcmanager':%(target.user.name)s",
    protected_roles: "'admin':%(target.role.name)s or 'heat_admin':%(target.user.name)s",
    // A list of single-element lists: each inner list is one alternative ("or") of the rule.
    protected_services: PROTECTED_SERVICES.map((svc) => [`'${svc}':%(target.user.name)s`]),
    'identity:delete_service': 'rule:admin_required and not rule:protected_services',
    'identity:delete_domain': 'rule:admin_required and not rule:protected_domains',
    'identity:delete_project':
      '((rule:admin_required) or (role:manager and domain_id:%(target.project.domain_id)s and not None:%(target.project.domain_id)s)) and not rule:protected_projects',
    'identity:delete_user':
      '((rule:admin_required) or (role:manager and token.domain.id:%(target.user.domain_id)s)) and not (rule:protected_admins or rule:protected_services)',
    'identity:change_password': 'rule:admin_or_owner and not rule:protected_services',
    'identity:delete_role': 'rule:admin_required and not rule:protected_roles',
  };
}

/** System values of keystone (spec §3.7). */
function keystoneSystemValues(ctx: DeploymentContext): Values {
  const { profile, derived } = ctx;
  const rules = profile.keystone.passwordRules ?? DEFAULT_PASSWORD_RULES;
  const issuer = profile.platform.oidcIssuerUrl ?? '';
  const dex = profile.keystone.dex?.enabled ?? false;

  const keystoneConf: Values = {
    DEFAULT: { max_token_size: 255, debug: false, use_syslog: true, syslog_log_facility: 'local2', log_file: '/dev/null' },
    database: { idle_timeout: 60, max_pool_size: 1, max_overflow: 50 },
    oslo_middleware: { enable_proxy_headers_parsing: true },
    oslo_messaging_notifications: { transport_url: notificationUrl('/keystone') },
    token: { provider: 'fernet' },
    identity: { driver: 'sql' },
    assignment: { driver: 'sql' },
    security_compliance: {
      unique_last_password_count: rules.uniqueLastPasswordCount,
      password_regex: rules.regex,
      password_regex_description: rules.regexDescription,
    },
  };
  // The issuer is emitted even without DEX: it comes from the kube-apiserver OIDC parameter.
  const dexIdp: Values = { provider_remote_id: issuer };
  const dexNames = profile.keystone.dex;
  if (dex && dexNames) {
    dexIdp.enabled = true;
    // Names other than the chart's (dex, openid, its label and choice) go to the chart, so that the
    // identity provider keystone creates is the one Horizon offers. The auth method stays
    // `openid`, the OIDC plugin, whatever the protocol is called (as the platform writes it).
    const chartDefaults = {
      provider_name: 'dex',
      protocol_name: 'openid',
      websso_label: 'Login with DEX SSO',
      websso_initial_choice: 'credentials',
    };
    const given = {
      provider_name: dexNames.providerName,
      protocol_name: dexNames.protocolName,
      websso_label: dexNames.webssoLabel,
      websso_initial_choice: dexNames.webssoInitialChoice,
    };
    for (const [key, value] of Object.entries(given)) if (value !== chartDefaults[key as keyof typeof chartDefaults]) dexIdp[key] = value;
    keystoneConf.auth = { methods: 'external,password,token,oauth1,mapped,application_credential,openid' };
    // Validation requires a domain with DEX (spec §1.3-6); without one there is no dashboard to trust.
    const horizonHost = publicHost(ctx, 'horizon');
    if (horizonHost) {
      keystoneConf.federation = {
        trusted_dashboard: { type: 'multistring', values: [`https://${horizonHost}/auth/websso/`, `http://${horizonHost}/auth/websso/`] },
      };
    }
  }

  return {
    pod: {
      replicas: { api: derived.controllers },
      lifecycle: { termination_grace_period: { api: { timeout: 60 } } },
    },
    conf: {
      keystone: keystoneConf,
      policy: keystonePolicy(),
      federation: {
        dex_idp: dexIdp,
        external: {
          keystone: publicUrl(ctx, 'keystone'),
          horizon: publicUrl(ctx, 'horizon'),
          dex: issuer,
        },
      },
    },
    endpoints: {
      identity: { auth: identityAuth(ctx, 'keystone'), ...publicEndpoint(ctx, 'keystone') },
      oslo_db: { auth: osloDbAuth(['keystone']) },
      oslo_messaging: osloMessaging(ctx, ['keystone']),
    },
    network: { api: { ingress: { admin: false } } },
    ...httpsServiceValues(ctx, { tls: { identity: { api: { internal: 'keystone-tls-public' } } } }),
  };
}

export const keystone = defineRelease({
  name: 'keystone',
  dependsOn: ['rabbitmq'],
  ...NO_WAIT,
  staticValues: keystoneStaticValues,
  systemValues: keystoneSystemValues,
});
