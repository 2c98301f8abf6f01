/**
 * What our own program texts (beside their release's static values in overrides/) must do: rendered as the chart's `tpl`
 * would render them (test/support/go-template.ts), then compiled, parsed or run against stubs.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mergeValues, Values } from '../lib/engine/values';
import { DEFAULT_IMAGE_BUILD, imageRefs } from '../overrides/images';
import { horizonLocalSettings, horizonStaticValues } from '../overrides/horizon';
import { keystoneStaticValues } from '../overrides/keystone';
import { dexBootstrapScript, keystoneApacheSite, keystoneWsgiScript, ssoCallbackPage } from '../overrides/keystone/program-texts';
import { libvirtDynamicOptionsScript, libvirtStaticValues } from '../overrides/libvirt';
import { mariadbIpv6Config, mariadbStaticValues } from '../overrides/mariadb';
import { novaComputeListScript, novaWaitForComputesScript } from '../overrides/nova';
import { renderTemplate } from './support/go-template';
import { aioSimplex, systemValuesOf } from './support/profiles';

const IMG = imageRefs(DEFAULT_IMAGE_BUILD);
const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;
if (!HAS_PYTHON) console.log('python3 not found: the Python checks of the program texts are skipped');
const itWithPython = HAS_PYTHON ? it : it.skip;

const INCLUDES = {
  'helm-toolkit.endpoints.endpoint_port_lookup': '5000',
  'helm-toolkit.endpoints.keystone_endpoint_uri_lookup': 'http://keystone-api.openstack.svc.cluster.local:5000/v3',
  'helm-toolkit.endpoints.host_and_port_endpoint_uri_lookup': 'memcached.openstack.svc.cluster.local:11211',
};

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'program-texts-'));
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options, env: { ...process.env, ...options.env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function bashSyntax(script: string): string {
  const dir = tmpDir();
  const file = path.join(dir, 'script.sh');
  fs.writeFileSync(file, script);
  const { status, stderr } = run('bash', ['-n', file]);
  return status === 0 ? 'ok' : stderr;
}

/** A stub command on PATH that logs its arguments and answers from a small shell body. */
function stub(bin: string, name: string, body: string): void {
  fs.writeFileSync(path.join(bin, name), `#!/bin/bash\necho "${name} $*" >> "$STUB_LOG"\n${body}\n`, { mode: 0o755 });
}

/** The Python module's settings, as JSON. */
function pythonSettings(source: string, names: string[]): Record<string, unknown> {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'local_settings.py'), source);
  const compiled = run('python3', ['-m', 'py_compile', 'local_settings.py'], { cwd: dir });
  expect(compiled.stderr).toBe('');
  const probe = `import json, local_settings as s\nprint(json.dumps({n: getattr(s, n, None) for n in ${JSON.stringify(names)}}, default=str))`;
  const out = run('python3', ['-c', probe], { cwd: dir });
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout);
}

describe('horizon local_settings (§3.17)', () => {
  function settingsFor(profile = aioSimplex(), names: string[]) {
    const values = mergeValues(horizonStaticValues(IMG), systemValuesOf('horizon', profile));
    const text = renderTemplate(horizonLocalSettings, { root: { Values: values }, includes: INCLUDES });
    return pythonSettings(text, names);
  }

  itWithPython('sets the lockout policy from the profile (horizon.lockout)', () => {
    const s = settingsFor(aioSimplex({ horizon: { lockout: { retries: 7, seconds: 900 } } }), [
      'LOCKOUT_RETRIES_NUM',
      'LOCKOUT_PERIOD_SEC',
    ]);
    expect(s).toEqual({ LOCKOUT_RETRIES_NUM: 7, LOCKOUT_PERIOD_SEC: 900 });
  });

  itWithPython('keeps the static lockout defaults when the profile gives none', () => {
    const s = settingsFor(aioSimplex(), ['LOCKOUT_RETRIES_NUM', 'LOCKOUT_PERIOD_SEC']);
    expect(s).toEqual({ LOCKOUT_RETRIES_NUM: 3, LOCKOUT_PERIOD_SEC: 300 });
  });

  itWithPython('turns the config into Django and Horizon settings', () => {
    const s = settingsFor(aioSimplex({ endpoints: { domain: 'example.com' } }), [
      'DEBUG',
      'OPENSTACK_KEYSTONE_URL',
      'OPENSTACK_REGION_NAME',
      'CSRF_TRUSTED_ORIGINS',
      'CACHES',
      'OPENSTACK_NEUTRON_NETWORK',
      'SESSION_COOKIE_SECURE',
      'POLICY_FILES',
      'WEBSSO_ENABLED',
      'DC_MODE',
    ]);
    expect(s.DEBUG).toBe(false);
    expect(s.OPENSTACK_KEYSTONE_URL).toBe(INCLUDES['helm-toolkit.endpoints.keystone_endpoint_uri_lookup']);
    expect(s.OPENSTACK_REGION_NAME).toBe('RegionOne');
    expect(s.CSRF_TRUSTED_ORIGINS).toEqual(['http://horizon.example.com']);
    expect(s.CACHES).toEqual({
      default: { BACKEND: 'django.core.cache.backends.memcached.PyMemcacheCache', LOCATION: 'memcached.openstack.svc.cluster.local:11211' },
    });
    expect((s.OPENSTACK_NEUTRON_NETWORK as Values).enable_router).toBe(true);
    expect(s.SESSION_COOKIE_SECURE).toBe(true);
    expect((s.POLICY_FILES as Values).heat).toBe('heat_policy.yaml');
    expect(s.WEBSSO_ENABLED).toBeNull();
    expect(s.DC_MODE).toBe(false);
  });

  itWithPython('offers the Dex login and the public keystone URL when Dex is on', () => {
    const profile = aioSimplex({
      endpoints: { domain: 'example.com' },
      keystone: { dex: { enabled: true } },
      platform: { oidcIssuerUrl: 'https://example.com:30556/dex' },
    } as never);
    const s = settingsFor(profile, [
      'WEBSSO_ENABLED',
      'WEBSSO_INITIAL_CHOICE',
      'WEBSSO_CHOICES',
      'WEBSSO_IDP_MAPPING',
      'OPENSTACK_KEYSTONE_URL',
    ]);
    expect(s.WEBSSO_ENABLED).toBe(true);
    expect(s.WEBSSO_INITIAL_CHOICE).toBe('credentials');
    expect(s.WEBSSO_CHOICES).toEqual([
      ['credentials', 'Keystone Credentials'],
      ['dex_oidc', 'Login with DEX SSO'],
    ]);
    expect(s.WEBSSO_IDP_MAPPING).toEqual({ dex_oidc: ['dex', 'openid'] });
    expect(s.OPENSTACK_KEYSTONE_URL).toBe('http://keystone.example.com/v3');
  });

  itWithPython('sets the password validator from the config, help text without the gettext call', () => {
    const values = mergeValues(horizonStaticValues(IMG), {
      conf: { horizon: { local_settings: { config: { enable_pwd_validator: true, horizon_secret_key: 'k' } } } },
    });
    const text = renderTemplate(horizonLocalSettings, { root: { Values: values }, includes: INCLUDES });
    const s = pythonSettings(text, ['HORIZON_CONFIG']);
    const validator = (s.HORIZON_CONFIG as Values).password_validator as Values;
    expect(validator.regex).toContain('(?=.*[a-zA-Z])');
    expect(validator.help_text).toMatch(/^Your password must be at least eight/);
  });
});

describe('keystone WSGI, WebSSO and Dex federation (§3.7)', () => {
  const staticValues = keystoneStaticValues(IMG);
  function site(extra: Values = {}): string {
    const values = mergeValues(staticValues, mergeValues({ endpoints: { identity: { auth: { admin: { password: 'pw' } } } } }, extra));
    return renderTemplate(keystoneApacheSite, { root: { Values: values }, includes: INCLUDES });
  }
  const dexOn: Values = {
    conf: {
      federation: {
        dex_idp: { enabled: true, provider_remote_id: 'https://example.com:30556/dex' },
        external: { keystone: 'https://keystone.example.com' },
      },
    },
  };

  it('serves the keystone application on the IPv6 wildcard, without OIDC while Dex is off', () => {
    const text = site();
    expect(text).toContain('Listen :::5000');
    expect(text).toContain('WSGIScriptAlias / /var/www/cgi-bin/keystone/wsgi.py');
    expect(text).toContain('WSGIPassAuthorization On');
    expect(text).not.toContain('OIDC');
  });

  it('makes keystone an OIDC relying party of Dex when Dex is on', () => {
    const text = site(dexOn);
    expect(text).toContain('OIDCProviderMetadataURL "https://example.com:30556/dex/.well-known/openid-configuration"');
    expect(text).toContain('OIDCRedirectURI "https://keystone.example.com/v3/auth/OS-FEDERATION/websso/openid/redirect"');
    expect(text).toContain('OIDCClientID "stx-oidc-client-app"');
    expect(text).toContain('OIDCRemoteUserClaim "email"');
    expect(text).toContain('OIDCClaimPrefix "OIDC-"');
    expect(text).toContain('OIDCCacheType memcache');
    expect(text).not.toContain('OIDCEnableMemcached');
    expect(text).toMatch(/OIDCCryptoPassphrase "[0-9a-f]{64}"/);
    expect(text).not.toContain('"pw"');
    expect(text).toContain('<Location "/v3/auth/OS-FEDERATION/identity_providers/dex/protocols/openid/websso">');
    expect(text).toContain('<Location "/v3/OS-FEDERATION/identity_providers/dex/protocols/openid/auth">');
    // Every <Location> is closed and inside the virtual host.
    expect((text.match(/<Location /g) ?? []).length).toBe((text.match(/<\/Location>/g) ?? []).length);
    expect(text.lastIndexOf('</Location>')).toBeLessThan(text.indexOf('</VirtualHost>'));
  });

  itWithPython('has a WSGI entry point that compiles', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'wsgi.py'), keystoneWsgiScript);
    expect(run('python3', ['-m', 'py_compile', 'wsgi.py'], { cwd: dir }).stderr).toBe('');
    expect(keystoneWsgiScript).toMatch(/^application = .*initialize_public_application\(\)$/m);
  });

  itWithPython('returns the token to the dashboard with a form keystone can fill in', () => {
    const filled = run(
      'python3',
      [
        '-c',
        'import string, sys; print(string.Template(sys.stdin.read()).substitute(host="https://horizon.example.com/auth/websso/", token="tok123"))',
      ],
      {
        input: ssoCallbackPage,
      },
    );
    expect(filled.stderr).toBe('');
    expect(filled.stdout).toContain('action="https://horizon.example.com/auth/websso/"');
    expect(filled.stdout).toContain('method="post"');
    expect(filled.stdout).toContain('name="token" value="tok123"');
    expect(filled.stdout).toMatch(/\.submit\(\)/);
    expect(ssoCallbackPage).not.toContain('{{');
  });

  describe('Dex bootstrap', () => {
    function bootstrap(dexIdp: Values = {}): string {
      const values = mergeValues(staticValues, {
        conf: { federation: { dex_idp: { enabled: true, provider_remote_id: 'https://example.com:30556/dex', ...dexIdp } } },
      });
      return renderTemplate(dexBootstrapScript, { root: { Values: values } });
    }

    /** Runs the script against a stub `openstack` that knows the names in `existing`. */
    function runAgainstStub(script: string, existing: string[]): string[] {
      const dir = tmpDir();
      const bin = path.join(dir, 'bin');
      fs.mkdirSync(bin);
      const known = existing.map((e) => `"${e}"`).join(' ');
      stub(
        bin,
        'openstack',
        `for k in ${known}; do [[ "$*" == *"show"*"$k"* ]] && exit 0; done\n[[ "$*" == *" show "* ]] && exit 1\nexit 0`,
      );
      fs.writeFileSync(path.join(dir, 'script.sh'), script);
      const log = path.join(dir, 'log');
      fs.writeFileSync(log, '');
      const { status, stderr } = run('bash', [path.join(dir, 'script.sh')], { env: { PATH: `${bin}:${process.env.PATH}`, STUB_LOG: log } });
      expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
      return fs
        .readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l && !l.includes(' show '));
    }

    it('passes bash -n', () => {
      expect(bashSyntax(bootstrap())).toBe('ok');
      expect(bashSyntax(bootstrap({ claim_groups: true, groups: ['admins', { name: 'operators' }] }))).toBe('ok');
    });

    it('creates the group, project, identity provider, mapping and protocol on a fresh keystone', () => {
      const calls = runAgainstStub(bootstrap(), []);
      expect(calls).toEqual([
        'openstack role create --or-show member',
        'openstack group create --domain Default federated_users',
        'openstack project create --domain Default federation',
        'openstack role add --group federated_users --group-domain Default --project federation --project-domain Default member',
        'openstack identity provider create --remote-id https://example.com:30556/dex dex',
        'openstack mapping create --rules /tmp/dex_mapping.json dex_mapping',
        'openstack federation protocol create --identity-provider dex --mapping dex_mapping openid',
      ]);
    });

    it('updates rather than fails when everything exists (re-run after an upgrade)', () => {
      const calls = runAgainstStub(bootstrap(), ['federated_users', 'federation', 'dex', 'dex_mapping', 'openid']);
      expect(calls).toContain('openstack identity provider set --remote-id https://example.com:30556/dex dex');
      expect(calls).toContain('openstack mapping set --rules /tmp/dex_mapping.json dex_mapping');
      expect(calls).toContain('openstack federation protocol set --identity-provider dex --mapping dex_mapping openid');
      expect(calls.filter((c) => / create /.test(c) && !c.includes('--or-show'))).toEqual([]);
    });

    itWithPython('with the groups claim, uses the groups mapping and creates the listed groups', () => {
      const calls = runAgainstStub(bootstrap({ claim_groups: true, groups: ['admins', { name: 'operators' }] }), []);
      expect(calls).toContain('openstack group create --domain Default admins');
      expect(calls).toContain('openstack group create --domain Default operators');
      const mapping = calls.find((c) => c.startsWith('openstack mapping create'));
      expect(mapping).toMatch(/--rules \/tmp\/tmp\.\S+ dex_mapping$/);
    });
  });
});

describe('mariadb on IPv6 (§3.1 manifests.config_ipv6)', () => {
  function rendered(certificates: boolean): string {
    const values = mergeValues(mariadbStaticValues(IMG), { manifests: { certificates } });
    return renderTemplate(mariadbIpv6Config(), {
      root: { Values: values },
      includes: { ...INCLUDES, 'helm-toolkit.endpoints.endpoint_port_lookup': '4567' },
    });
  }
  /** Parsed my.cnf: section to key to value. */
  function ini(text: string): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    let section = '';
    for (const line of text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      const header = /^\[(.+)\]$/.exec(line);
      if (header) out[(section = header[1])] = {};
      else {
        const [key, ...value] = line.split('=');
        out[section][key.trim()] = value.join('=').trim();
      }
    }
    return out;
  }

  it('binds the server and Galera to ::', () => {
    for (const certificates of [false, true]) {
      const cnf = ini(rendered(certificates));
      expect(cnf.mysqld['bind-address']).toBe('::');
      expect(cnf.mysqld.wsrep_provider_options).toContain('gmcast.listen_addr=tcp://[::]:4567');
      expect(cnf.mysqld.wsrep_provider_options.includes('socket.ssl_ca=')).toBe(certificates);
    }
  });

  it('is the fragment the chart mounts under manifests.config_ipv6', () => {
    expect(((mariadbStaticValues(IMG).conf as Values).database as Values).config_ipv6).toBe(mariadbIpv6Config());
  });
});

describe('libvirt start-up (§3.11)', () => {
  const staticValues = libvirtStaticValues(IMG);
  const LIBVIRTD_CONF = 'listen_tcp = 1\nlisten_addr = "${LISTEN_IP_ADDRESS}"';

  function script(libvirt: Values = {}): string {
    const values = mergeValues(staticValues, { conf: { dynamic_options: { libvirt } } });
    return renderTemplate(libvirtDynamicOptionsScript, {
      root: { Values: values },
      includes: { 'libvirt.utils.to_libvirt_conf': LIBVIRTD_CONF },
    });
  }

  function start(
    text: string,
    stubs: Record<string, string>,
    env: NodeJS.ProcessEnv = {},
  ): { status: number | null; conf?: string; stderr: string } {
    const dir = tmpDir();
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    for (const [name, body] of Object.entries(stubs)) stub(bin, name, body);
    fs.writeFileSync(path.join(dir, 'init.sh'), text);
    const out = run('bash', [path.join(dir, 'init.sh')], {
      env: { PATH: `${bin}:${process.env.PATH}`, STUB_LOG: path.join(dir, 'log'), LIBVIRT_CONF_DIR: dir, ...env },
    });
    const confFile = path.join(dir, 'libvirtd.conf');
    return { status: out.status, stderr: out.stderr, conf: fs.existsSync(confFile) ? fs.readFileSync(confFile, 'utf8') : undefined };
  }

  it('passes bash -n', () => {
    expect(bashSyntax(script())).toBe('ok');
  });

  it("on a StarlingX host (no interface, no address) listens on CLUSTER_HOST_IP, the pod's status.hostIP", () => {
    // getent would give another address: the host IP the chart passes wins, as in StarlingX's script.
    const result = start(
      script(),
      { hostname: 'echo controller-0', getent: 'echo "fd00::9  STREAM controller-0"' },
      { CLUSTER_HOST_IP: 'fd00::3' },
    );
    expect(result.status).toBe(0);
    expect(result.conf).toContain('listen_addr = "fd00::3"');
  });

  it('prefers the interface, then the address the values give', () => {
    const ip = 'echo "7: eth1    inet 192.168.206.5/24 brd 192.168.206.255 scope global eth1"';
    expect(start(script({ listen_interface: 'eth1' }), { ip }).conf).toContain('listen_addr = "192.168.206.5"');
    expect(start(script({ listen_address: '10.0.0.9' }), {}).conf).toContain('listen_addr = "10.0.0.9"');
  });

  it('fails with the reason when no address can be found', () => {
    const result = start(script(), { hostname: 'echo worker-9', getent: 'echo "10.0.0.7  STREAM worker-9"' }, { CLUSTER_HOST_IP: '' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('no listen address');
    expect(result.conf).toBeUndefined();
  });
});

describe('nova wait for computes', () => {
  it('passes bash -n', () => {
    expect(bashSyntax(novaComputeListScript)).toBe('ok');
    expect(bashSyntax(novaWaitForComputesScript)).toBe('ok');
  });

  /** Runs the init and wait scripts; the stub reports one more compute `up` at each call. */
  function runWait(env: NodeJS.ProcessEnv): { status: number | null; stdout: string; calls: number } {
    const dir = tmpDir();
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    stub(bin, 'kubectl', 'printf "node/compute-0\\nnode/compute-1\\nnode/compute-2\\nnode/compute-3\\n"');
    stub(bin, 'openstack', `n=$(grep -c "^openstack" "$STUB_LOG"); for i in $(seq 1 $(( n < 4 ? n : 4 ))); do echo up; done; echo down`);
    // The chart runs both with /tmp shared; here the scripts' /tmp paths point at the temp dir.
    const local = (text: string) => text.split('/tmp/compute_nodes.txt').join(path.join(dir, 'compute_nodes.txt'));
    fs.writeFileSync(path.join(dir, 'init.sh'), local(novaComputeListScript));
    fs.writeFileSync(path.join(dir, 'wait.sh'), `set -ex\n${local(novaWaitForComputesScript)}\necho bootstrap-continues\n`);
    const base = { PATH: `${bin}:${process.env.PATH}`, STUB_LOG: path.join(dir, 'log'), WAIT_INTERVAL: '0', ...env };
    fs.writeFileSync(path.join(dir, 'log'), '');
    expect(run('bash', [path.join(dir, 'init.sh')], { env: base }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'compute_nodes.txt'), 'utf8').trim().split('\n')).toEqual([
      'compute-0',
      'compute-1',
      'compute-2',
      'compute-3',
    ]);
    const out = run('bash', [path.join(dir, 'wait.sh')], { env: base });
    const calls = fs
      .readFileSync(path.join(dir, 'log'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('openstack')).length;
    return { status: out.status, stdout: out.stdout, calls };
  }

  it('waits for every listed compute host when the remaining wait allows it, then lets the bootstrap go on', () => {
    const result = runWait({ WAIT_PERCENTAGE: '50', REMAINING_WAIT: '60' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('compute hosts up: 4 of 4');
    expect(result.stdout).toContain('bootstrap-continues');
  });

  it('stops waiting after the percentage when no time remains', () => {
    const result = runWait({ WAIT_PERCENTAGE: '50', REMAINING_WAIT: '0' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/compute hosts up: [23] of 4/);
  });
});
