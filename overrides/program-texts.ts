/**
 * Our own program texts for the chart keys that take a script, a template or a config file with
 * logic: keystone's Apache site (with the Dex/OIDC federation), its WSGI entry point and WebSSO
 * callback page, the Dex bootstrap, Horizon's local_settings, the IPv6 my.cnf fragment of
 * MariaDB, libvirt's start-up options and nova's wait for compute hosts.
 *
 * Each is written from what the chart does with the key (its values contract) and from what
 * StarlingX needs, not from anyone's text. Texts that the chart renders with `tpl` may read chart
 * values (`.Values...`); the others are plain scripts. `test/program-texts.test.ts` renders and
 * runs them.
 */
import { chartPortLookup, wsgiSite } from './apache';
import { configText } from './config-files';

// ---------------------------------------------------------------------------------------------
// keystone

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
  "<body onload=\"document.getElementById('websso-return').submit();\">",
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
  "cat > \"${rules}\" <<'RULES'",
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

// ---------------------------------------------------------------------------------------------
// mariadb

/**
 * `conf.database.config_ipv6`: the my.cnf fragment the chart adds (as conf.d/30-override.cnf,
 * read after the others) when `manifests.config_ipv6`: the server and Galera's group
 * communication listen on the IPv6 wildcard (`::`, which also accepts IPv4), with the provider
 * options of the base config otherwise unchanged; state transfers use rsync, which handles IPv6
 * peers without extra socket options.
 */
export function mariadbIpv6Config(): string {
  const wsrepPort = chartPortLookup(['oslo_db', 'direct', 'wsrep']);
  const tuning = 'evs.suspect_timeout=PT30S; gmcast.peer_timeout=PT15S';
  const tls = 'socket.ssl_ca=/etc/mysql/certs/ca.crt; socket.ssl_cert=/etc/mysql/certs/tls.crt; socket.ssl_key=/etc/mysql/certs/tls.key';
  const listen = `gmcast.listen_addr=tcp://[::]:${wsrepPort}`;
  return configText([
    '[mysqld]',
    'bind-address=::',
    'wsrep_sst_method=rsync',
    '{{- if .Values.manifests.certificates }}',
    `wsrep_provider_options="${tls}; ${tuning}; ${listen}"`,
    '{{- else }}',
    `wsrep_provider_options="${tuning}; ${listen}"`,
    '{{- end }}',
  ]);
}

// ---------------------------------------------------------------------------------------------
// libvirt

/**
 * `conf.dynamic_options.script`: the init container that writes /tmp/pod-shared/libvirtd.conf,
 * which the libvirt container mounts. `conf.libvirt` becomes the file (the chart's own
 * `libvirt.utils.to_libvirt_conf`), with `${LISTEN_IP_ADDRESS}` replaced by the address libvirt
 * listens on for live migration: the first address of `dynamic_options.libvirt.listen_interface`,
 * else `dynamic_options.libvirt.listen_address`, else (StarlingX leaves both unset)
 * `CLUSTER_HOST_IP`, which the chart sets from the pod's `status.hostIP` (the host's cluster-host
 * address on StarlingX), as StarlingX's own script does. IPv6 is written without brackets, as
 * libvirtd.conf wants. No address: the pod fails with the reason.
 */
export const libvirtDynamicOptionsScript = configText([
  '#!/bin/bash',
  'set -euo pipefail',
  '{{- $listen := .Values.conf.dynamic_options.libvirt }}',
  'interface={{ $listen.listen_interface | default "" | quote }}',
  'address={{ $listen.listen_address | default "" | quote }}',
  'out="${LIBVIRT_CONF_DIR:-/tmp/pod-shared}/libvirtd.conf"',
  '',
  'if [ -n "${interface}" ]; then',
  '  address="$(ip -o addr show dev "${interface}" scope global | awk \'{ sub(/\\/.*/, "", $4); print $4; exit }\' || true)"',
  'elif [ -z "${address}" ]; then',
  '  address="${CLUSTER_HOST_IP:-}"',
  'fi',
  'if [ -z "${address}" ]; then',
  '  echo "libvirt: no listen address (interface \'${interface}\', CLUSTER_HOST_IP unset)" >&2',
  '  exit 1',
  'fi',
  'export LISTEN_IP_ADDRESS="${address}"',
  "cat > \"${out}\" <<EOF",
  '{{ include "libvirt.utils.to_libvirt_conf" .Values.conf.libvirt }}',
  'EOF',
  'echo "libvirt: listening on ${LISTEN_IP_ADDRESS}"',
]);

// ---------------------------------------------------------------------------------------------
// nova

/**
 * `bootstrap.wait_for_computes.scripts.init_script` (not templated by the chart): the bootstrap
 * job's init container lists the hosts labelled as compute nodes into /tmp/compute_nodes.txt,
 * the list that the bootstrap and cell-setup jobs wait for.
 */
export const novaComputeListScript = configText([
  'set -eu',
  'selector="${COMPUTE_NODE_SELECTOR:-openstack-compute-node=enabled}"',
  'kubectl get nodes --selector "${selector}" --output name | sed \'s|^node/||\' > /tmp/compute_nodes.txt',
  'echo "compute hosts expected: $(wc -w < /tmp/compute_nodes.txt)"',
]);

/**
 * `bootstrap.wait_for_computes.scripts.wait_script` (inlined into nova's bootstrap script): waits
 * until WAIT_PERCENTAGE percent of the listed compute hosts run an `up` nova-compute service, then
 * at most REMAINING_WAIT more seconds for the others, so that the flavors and cell mapping that
 * follow see the compute hosts. Without a list it does not wait.
 */
export const novaWaitForComputesScript = configText([
  'wfc_expected=$(cat /tmp/compute_nodes.txt 2>/dev/null | wc -w)',
  'wfc_interval="${WAIT_INTERVAL:-10}"',
  'wfc_up() { openstack compute service list --service nova-compute -f value -c State | grep -c "^up$" || true; }',
  'if [ "${wfc_expected}" -gt 0 ]; then',
  '  wfc_needed=$(( (wfc_expected * ${WAIT_PERCENTAGE:-70} + 99) / 100 ))',
  '  until [ "$(wfc_up)" -ge "${wfc_needed}" ]; do',
  '    echo "waiting for ${wfc_needed} of ${wfc_expected} compute hosts"',
  '    sleep "${wfc_interval}"',
  '  done',
  '  wfc_deadline=$(( SECONDS + ${REMAINING_WAIT:-300} ))',
  '  while [ "${SECONDS}" -lt "${wfc_deadline}" ] && [ "$(wfc_up)" -lt "${wfc_expected}" ]; do',
  '    sleep "${wfc_interval}"',
  '  done',
  '  echo "compute hosts up: $(wfc_up) of ${wfc_expected}"',
  'fi',
]);

// ---------------------------------------------------------------------------------------------
// horizon

/**
 * `conf.horizon.local_settings.template`: Horizon's local_settings.py. The chart renders it with
 * `tpl`; ours takes `conf.horizon.local_settings.config` whole, as JSON, and turns it into
 * Django/Horizon settings in Python, so every config key (static or system value) is read the
 * same way and no value is pasted into code. StarlingX's own settings: the login lockout
 * (`lockout_retries_num`, `lockout_period_sec`), `dc_mode`, `ss_enabled`, `https_enabled`, the
 * region list, the WebSSO login through Dex (`auth.sso`, `auth.idp_mapping`) and `raw` settings
 * (e.g. `OPENSTACK_KEYSTONE_URL` to keystone's public name when Dex is on).
 */
export const horizonLocalSettings = configText([
  'import json',
  'import os',
  'import re',
  '',
  'try:',
  '    from django.utils.translation import gettext_lazy as _',
  'except ImportError:  # rendered outside a Horizon image (tests)',
  '    def _(text):',
  '        return text',
  'try:',
  '    from openstack_dashboard.settings import HORIZON_CONFIG',
  'except ImportError:',
  '    HORIZON_CONFIG = {}',
  '',
  'STX_CONFIG = json.loads({{ .Values.conf.horizon.local_settings.config | toJson | quote }})',
  'STX_KEYSTONE_URL = {{ tuple "identity" "internal" "api" . | include "helm-toolkit.endpoints.keystone_endpoint_uri_lookup" | quote }}',
  'STX_MEMCACHED = {{ tuple "oslo_cache" "internal" "memcache" . | include "helm-toolkit.endpoints.host_and_port_endpoint_uri_lookup" | quote }}',
  'STX_POLICY_SERVICES = json.loads({{ .Values.conf.horizon.policy | keys | sortAlpha | toJson | quote }})',
  '',
  '',
  'def stx_flag(name, default=False):',
  '    """A config switch: the strings True/False (any case) or a YAML boolean."""',
  '    value = STX_CONFIG.get(name, default)',
  '    if isinstance(value, str):',
  '        return value.strip().lower() == "true"',
  '    return bool(value)',
  '',
  '',
  'def stx_flags(table):',
  '    """A table of switches: True/False strings become booleans, other values stay."""',
  '    def switch(value):',
  '        if isinstance(value, str) and value.strip().lower() in ("true", "false"):',
  '            return value.strip().lower() == "true"',
  '        return value',
  '    return {key: switch(value) for key, value in (table or {}).items()}',
  '',
  '',
  'def stx_text(expression):',
  '    """Help texts may be given as a gettext call, _("..."): keep the text, translated."""',
  '    match = re.fullmatch(r\'\\s*_\\(\\s*(["\\\'])(.*)\\1\\s*\\)\\s*\', expression or "", re.S)',
  '    return _(match.group(2)) if match else expression',
  '',
  '',
  'LOCAL_PATH = os.path.dirname(os.path.abspath(__file__))',
  'DEBUG = stx_flag("debug")',
  'if STX_CONFIG.get("horizon_secret_key"):',
  '    SECRET_KEY = STX_CONFIG["horizon_secret_key"]',
  'else:',
  '    from horizon.utils import secret_key',
  '    SECRET_KEY = secret_key.generate_or_read_from_file(os.path.join(LOCAL_PATH, ".secret_key_store"))',
  'ALLOWED_HOSTS = STX_CONFIG.get("allowed_hosts", ["*"])',
  'USE_SSL = stx_flag("use_ssl")',
  'OPENSTACK_SSL_NO_VERIFY = stx_flag("ssl_no_verify")',
  'OPENSTACK_HOST = STX_KEYSTONE_URL',
  'OPENSTACK_KEYSTONE_URL = STX_KEYSTONE_URL',
  'OPENSTACK_ENDPOINT_TYPE = STX_CONFIG.get("endpoint_type", "internalURL")',
  'OPENSTACK_KEYSTONE_MULTIDOMAIN_SUPPORT = stx_flag("keystone_multidomain_support")',
  'OPENSTACK_KEYSTONE_DOMAIN_DROPDOWN = stx_flag("keystone_multidomain_dropdown")',
  'OPENSTACK_KEYSTONE_DOMAIN_CHOICES = tuple(sorted((STX_CONFIG.get("keystone_domains") or {}).items()))',
  'OPENSTACK_KEYSTONE_DEFAULT_DOMAIN = STX_CONFIG.get("keystone_default_domain", "Default")',
  'OPENSTACK_ENABLE_PASSWORD_RETRIEVE = stx_flag("openstack_enable_password_retrieve")',
  'OPENSTACK_CINDER_FEATURES = stx_flags(STX_CONFIG.get("openstack_cinder_features"))',
  'OPENSTACK_NEUTRON_NETWORK = stx_flags(STX_CONFIG.get("openstack_neutron_network"))',
  'OPENSTACK_API_VERSIONS = dict(STX_CONFIG.get("openstack_api_versions") or {})',
  'HORIZON_IMAGES_UPLOAD_MODE = STX_CONFIG.get("horizon_images_upload_mode", "legacy")',
  'SHOW_OPENRC_FILE = stx_flag("show_openrc_file", True)',
  'ENFORCE_PASSWORD_CHECK = stx_flag("enforce_password_check")',
  'DISALLOW_IFRAME_EMBED = stx_flag("disallow_iframe_embed")',
  '',
  'CSRF_COOKIE_SECURE = stx_flag("csrf_cookie_secure")',
  'CSRF_COOKIE_HTTPONLY = stx_flag("csrf_cookie_httponly")',
  'CSRF_TRUSTED_ORIGINS = list(STX_CONFIG.get("csrf_trusted_origins") or [])',
  'SESSION_COOKIE_SECURE = stx_flag("session_cookie_secure")',
  'SESSION_COOKIE_HTTPONLY = stx_flag("session_cookie_httponly")',
  'SESSION_ENGINE = STX_CONFIG.get("session_engine", "django.contrib.sessions.backends.cache")',
  'CACHES = {"default": {"BACKEND": STX_CONFIG.get("cache_backend", "django.core.cache.backends.memcached.PyMemcacheCache"),',
  '                      "LOCATION": STX_MEMCACHED}}',
  '',
  'HORIZON_CONFIG["disable_password_reveal"] = stx_flag("disable_password_reveal")',
  'HORIZON_CONFIG["password_autocomplete"] = "on" if stx_flag("password_autocomplete") else "off"',
  'if STX_CONFIG.get("help_url"):',
  '    HORIZON_CONFIG["help_url"] = STX_CONFIG["help_url"]',
  'if stx_flag("enable_pwd_validator"):',
  '    HORIZON_CONFIG["password_validator"] = {',
  '        "regex": STX_CONFIG["pwd_validator_regex"],',
  '        "help_text": stx_text(STX_CONFIG.get("pwd_validator_help_text")),',
  '    }',
  '',
  'POLICY_FILES_PATH = "/etc/openstack-dashboard"',
  'POLICY_FILES = {service: service + "_policy.yaml" for service in STX_POLICY_SERVICES}',
  'POLICY_DIRS = {}',
  '',
  '# StarlingX',
  'OPENSTACK_REGION_NAME = STX_CONFIG.get("system_region_name", "RegionOne")',
  'REGION_NAME = OPENSTACK_REGION_NAME',
  'DC_MODE = stx_flag("dc_mode")',
  'SS_ENABLED = stx_flag("ss_enabled")',
  'HTTPS_ENABLED = stx_flag("https_enabled")',
  'if "lockout_retries_num" in STX_CONFIG and "lockout_period_sec" in STX_CONFIG:',
  '    LOCKOUT_RETRIES_NUM = int(STX_CONFIG["lockout_retries_num"])',
  '    LOCKOUT_PERIOD_SEC = float(STX_CONFIG["lockout_period_sec"])',
  'if STX_CONFIG.get("openstack_keystone_url"):',
  '    OPENSTACK_KEYSTONE_URL = STX_CONFIG["openstack_keystone_url"]',
  'if STX_CONFIG.get("available_regions"):',
  '    AVAILABLE_REGIONS = [tuple(region) for region in STX_CONFIG["available_regions"]]',
  '',
  'STX_SSO = (STX_CONFIG.get("auth") or {}).get("sso") or {}',
  'if str(STX_SSO.get("enabled", False)).lower() == "true":',
  '    STX_IDPS = (STX_CONFIG.get("auth") or {}).get("idp_mapping") or []',
  '    WEBSSO_ENABLED = True',
  '    WEBSSO_INITIAL_CHOICE = STX_SSO.get("initial_choice", "credentials")',
  '    WEBSSO_CHOICES = (("credentials", _("Keystone Credentials")),) + tuple(',
  '        (idp["name"], idp["label"]) for idp in STX_IDPS)',
  '    WEBSSO_IDP_MAPPING = {idp["name"]: (idp["idp"], idp["protocol"]) for idp in STX_IDPS}',
  '    if STX_SSO.get("websso_keystone_url"):',
  '        WEBSSO_KEYSTONE_URL = STX_SSO["websso_keystone_url"]',
  '',
  'STX_LOG_LEVEL = STX_CONFIG.get("log_level", "INFO")',
  'LOGGING = {',
  '    "version": 1,',
  '    "disable_existing_loggers": False,',
  '    "handlers": {"console": {"level": STX_LOG_LEVEL, "class": "logging.StreamHandler"}},',
  '    "loggers": {name: {"handlers": ["console"], "level": STX_LOG_LEVEL, "propagate": False}',
  '                for name in ("horizon", "openstack_dashboard", "openstack_auth", "django", "keystoneauth", "novaclient")},',
  '}',
  '',
  '# Settings given as they are (`raw`), last: they win over everything above.',
  'for _name, _value in (STX_CONFIG.get("raw") or {}).items():',
  '    globals()[_name] = tuple(_value) if _name == "SECURE_PROXY_SSL_HEADER" else _value',
]);
