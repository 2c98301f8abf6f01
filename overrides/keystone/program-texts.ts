/**
 * Keystone's program texts: its Apache site (with the Dex/OIDC federation), its WSGI entry point
 * and WebSSO callback page, the Dex bootstrap and the bootstrap script.
 *
 * Each is written from what the chart does with the key (its values contract) and from what
 * StarlingX needs, not from anyone's text. Texts that the chart renders with `tpl` may read chart
 * values (`.Values...`); the bootstrap script is plain shell. `test/program-texts.test.ts` renders
 * and runs them.
 */
import { wsgiSite } from '../apache';
import { configText } from '../config-files';

const DEX = '.Values.conf.federation.dex_idp';

/**
 * The OIDC relying-party directives of mod_auth_openidc, inside keystone's virtual host, only
 * when `conf.federation.dex_idp.enabled`. Every `conf.federation.wsgi` entry is a directive
 * (`OIDCEnableMemcached` is ours: cache OIDC sessions in the chart's memcached, so that every
 * keystone replica knows a login another one started). The provider is Dex at
 * `dex_idp.provider_remote_id` (its issuer URL); keystone's public URL is
 * `conf.federation.external.keystone`. The session passphrase is derived from the admin
 * password, so it is the same on every replica and not stored anywhere.
 */
const OIDC_DIRECTIVES = [
  `{{- if ${DEX}.enabled }}`,
  `{{- $dex := ${DEX} }}`,
  '{{- $websso := printf "/v3/auth/OS-FEDERATION/websso/%s" $dex.protocol_name }}',
  '<IfModule !auth_openidc_module>',
  '    LoadModule auth_openidc_module /usr/lib/apache2/modules/mod_auth_openidc.so',
  '</IfModule>',
  'OIDCProviderMetadataURL "{{ $dex.provider_remote_id }}/.well-known/openid-configuration"',
  'OIDCRedirectURI "{{ .Values.conf.federation.external.keystone }}{{ $websso }}/redirect"',
  'OIDCCryptoPassphrase "{{ .Values.endpoints.identity.auth.admin.password | sha256sum }}"',
  '{{- range $directive, $setting := .Values.conf.federation.wsgi }}',
  '{{- if ne $directive "OIDCEnableMemcached" }}',
  '{{ $directive }} {{ $setting | quote }}',
  '{{- end }}',
  '{{- end }}',
  '{{- if .Values.conf.federation.wsgi.OIDCEnableMemcached }}',
  'OIDCCacheType memcache',
  'OIDCMemCacheServers "{{ tuple "oslo_cache" "internal" "memcache" . | include "helm-toolkit.endpoints.host_and_port_endpoint_uri_lookup" }}"',
  '{{- end }}',
  '{{- with $dex.client_secret }}',
  'OIDCClientSecret {{ . | quote }}',
  '{{- end }}',
  '<Location "{{ $websso }}">',
  '    AuthType openid-connect',
  '    Require valid-user',
  '</Location>',
  '<Location "/v3/auth/OS-FEDERATION/identity_providers/{{ $dex.provider_name }}/protocols/{{ $dex.protocol_name }}/websso">',
  '    AuthType openid-connect',
  '    Require valid-user',
  '</Location>',
  '<Location "/v3/OS-FEDERATION/identity_providers/{{ $dex.provider_name }}/protocols/{{ $dex.protocol_name }}/auth">',
  '    AuthType oauth20',
  '    Require valid-user',
  '</Location>',
  '{{- end }}',
];

/** `conf.wsgi_keystone`: keystone's Apache site, with the OIDC relying party when Dex is on. */
export const keystoneApacheSite = wsgiSite({
  port: ['identity', 'service', 'api'],
  processGroup: 'keystone-public',
  user: 'keystone',
  processes: 5,
  script: '/var/www/cgi-bin/keystone/wsgi.py',
  passAuthorization: true,
  vhostDirectives: OIDC_DIRECTIVES,
});

/** `conf.wsgi_script`: the WSGI application Apache serves (mounted as wsgi.py). */
export const keystoneWsgiScript = configText([
  '"""mod_wsgi entry point of the keystone public API."""',
  'from keystone.server import wsgi as keystone_server',
  '',
  'application = keystone_server.initialize_public_application()',
]);

/**
 * `conf.sso_callback_template`: the page keystone returns at the end of a WebSSO login. Keystone
 * fills in `$host` (the trusted dashboard) and `$token` (Python `string.Template`); the page
 * posts the token there at once, or on a click when scripts are off.
 */
export const ssoCallbackPage = configText([
  '<!DOCTYPE html>',
  '<html lang="en">',
  '<head>',
  '<meta charset="utf-8">',
  '<title>Signing in to the dashboard</title>',
  '</head>',
  '<body onload="document.getElementById(\'websso-return\').submit();">',
  '<form id="websso-return" method="post" action="$host">',
  '<input type="hidden" name="token" value="$token">',
  '<noscript>',
  '<p>Scripts are disabled in this browser: continue to the dashboard with the button.</p>',
  '<button type="submit">Continue</button>',
  '</noscript>',
  '</form>',
  '</body>',
  '</html>',
]);

/**
 * `conf.federation.dex_idp.bootstrap.script`: run by keystone's bootstrap job (admin credentials
 * in the environment, the mapping rules at /tmp/dex_mapping.json) when Dex is enabled. Creates or
 * updates, so every run leaves the same state: the `member` role; the federated users' group and
 * project, the group a member of the project; the identity provider `provider_name` with the
 * issuer as remote id; the mapping (the default one, or the groups-claim one when `claim_groups`,
 * with the keystone groups listed in `groups`, a name or `{name}` each); the protocol.
 */
export const dexBootstrapScript = configText([
  `{{- $dex := ${DEX} }}`,
  'set -eu',
  'idp={{ $dex.provider_name | quote }}',
  'remote_id={{ $dex.provider_remote_id | quote }}',
  'protocol={{ $dex.protocol_name | quote }}',
  'mapping={{ $dex.mapping_name | quote }}',
  'group={{ $dex.group_name | quote }}',
  'project={{ $dex.project_name | quote }}',
  'rules=/tmp/dex_mapping.json',
  '{{- if $dex.claim_groups }}',
  'rules="$(mktemp)"',
  'cat > "${rules}" <<\'RULES\'',
  '{{ $dex.groups_mapping }}',
  'RULES',
  'claimed_groups={{ $dex.groups | toJson | squote }}',
  '{{- else }}',
  "claimed_groups='[]'",
  '{{- end }}',
  '',
  'exists() { "$@" >/dev/null 2>&1; }',
  '',
  'openstack role create --or-show member >/dev/null',
  'exists openstack group show --domain Default "${group}" || openstack group create --domain Default "${group}"',
  'exists openstack project show --domain Default "${project}" || openstack project create --domain Default "${project}"',
  'openstack role add --group "${group}" --group-domain Default --project "${project}" --project-domain Default member',
  'python3 -c \'import json, sys; [print(g["name"] if isinstance(g, dict) else g) for g in json.loads(sys.argv[1])]\' "${claimed_groups}" |',
  '  while read -r claimed; do',
  '    exists openstack group show --domain Default "${claimed}" || openstack group create --domain Default "${claimed}"',
  '  done',
  '',
  'if exists openstack identity provider show "${idp}"; then',
  '  openstack identity provider set --remote-id "${remote_id}" "${idp}"',
  'else',
  '  openstack identity provider create --remote-id "${remote_id}" "${idp}"',
  'fi',
  'if exists openstack mapping show "${mapping}"; then',
  '  openstack mapping set --rules "${rules}" "${mapping}"',
  'else',
  '  openstack mapping create --rules "${rules}" "${mapping}"',
  'fi',
  'if exists openstack federation protocol show --identity-provider "${idp}" "${protocol}"; then',
  '  openstack federation protocol set --identity-provider "${idp}" --mapping "${mapping}" "${protocol}"',
  'else',
  '  openstack federation protocol create --identity-provider "${idp}" --mapping "${mapping}" "${protocol}"',
  'fi',
]);

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
