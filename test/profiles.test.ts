import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { validateProfile } from '../lib/deployment/app';
import { loadProfile } from '../lib/profile/loader';
import { DeploymentProfileInput } from '../lib/profile/profile';
import { renderSchema, SCHEMA_FILE } from '../scripts/schema';
import { aioDuplex, aioSimplex, controller, parseProfile, problemsOf, standard, systemValuesOf, worker } from './support/profiles';
import { RELEASES } from '../releases';
import { RELEASE_NAMES } from '../releases/names';

/** An ajv validator of the published JSON Schema (what YAML editors check a profile against). */
function publishedSchemaValidator(): ((data: unknown) => boolean) & { errors?: unknown } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv2020 = require('ajv/dist/2020').default;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addFormats = require('ajv-formats').default;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
}

describe('profile validation: the rules of spec §1.3', () => {
  it('accepts the fixtures', () => {
    expect(problemsOf(aioSimplex())).toEqual([]);
    expect(problemsOf(aioDuplex())).toEqual([]);
    expect(problemsOf(standard(3))).toEqual([]);
  });

  it('fails when the deployment is a distributed-cloud system controller (rule 1)', () => {
    const problems = problemsOf(aioSimplex({ system: { type: 'aio', mode: 'simplex', distributedCloudRole: 'systemcontroller' } }));
    expect(problems).toContainEqual(
      expect.stringMatching(/^system\.distributedCloudRole: stx-openstack cannot be deployed on a distributed-cloud system controller/),
    );
  });

  it('fails when there is no compute host (rule 2)', () => {
    const problems = problemsOf(standard(0));
    expect(problems).toContainEqual(expect.stringMatching(/^hosts: no compute host/));
  });

  it('fails when compute hosts disagree on the vswitch labels (rule 2, S39)', () => {
    const unlabelled = worker(1, { labels: { 'openstack-compute-node': 'enabled' } });
    const problems = problemsOf(standard(0, { hosts: [controller(0, false), controller(1, false), worker(0), unlabelled] }));
    expect(problems).toContainEqual(
      expect.stringMatching(/^hosts: compute hosts do not agree on one vswitch label set \(got worker-0=ovs, worker-1=none/),
    );
  });

  it('fails when a compute host has no interface with a datanetwork (rule 3)', () => {
    const problems = problemsOf(standard(0, { hosts: [controller(0, false), controller(1, false), worker(0, { interfaces: [] })] }));
    expect(problems).toContainEqual(
      'hosts[2].interfaces: compute host "worker-0" has no interface with a datanetwork (expected at least one)',
    );
  });

  it('fails when an interface carries more than one datanetwork (rule 3)', () => {
    const w = worker(0);
    w.interfaces![0].datanetworks = ['data0', 'data1'];
    const problems = problemsOf(standard(0, { hosts: [controller(0, false), controller(1, false), w] }));
    expect(problems).toContainEqual(
      'hosts[2].interfaces[0].datanetworks: an interface carries at most one datanetwork (got ["data0","data1"])',
    );
  });

  it('fails when no storage backend is available (rule 4)', () => {
    const problems = problemsOf(aioSimplex({ storage: { ceph: { kind: 'host' } } }));
    expect(problems).toContainEqual(expect.stringMatching(/^storage: no storage backend available/));
  });

  it('fails when a PVC of mariadb or rabbitmq resolves no StorageClass (rule 5, S09)', () => {
    const problems = problemsOf(
      aioSimplex({
        storage: {
          ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897', monitors: ['192.168.204.2'] },
          selection: { rabbitmq: { priority: ['unknown-backend'] } },
        },
      }),
    );
    expect(problems).toEqual([
      'storage.selection.rabbitmq: no StorageClass resolves for the rabbitmq volume (priority ["unknown-backend"]; expected an available backend)',
    ]);
  });

  it('fails when glance stores images on a PVC that resolves no StorageClass (rule 5)', () => {
    const problems = problemsOf(
      aioSimplex({
        storage: {
          ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897', monitors: ['192.168.204.2'] },
          selection: { glance: { priority: ['pvc'], pvc: { priority: ['netapp-nfs'] } } },
        },
      }),
    );
    expect(problems).toEqual([
      'storage.selection.glance.pvc: no StorageClass resolves for the glance volume (priority ["pvc"]; expected an available backend)',
    ]);
  });

  it('fails when nova keeps instances on a PVC that resolves no StorageClass (rule 5)', () => {
    const problems = problemsOf(
      aioSimplex({
        storage: {
          ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897', monitors: ['192.168.204.2'] },
          selection: { nova: { priority: ['pvc'] } },
        },
      }),
    );
    expect(problems).toEqual([
      'storage.selection.nova.pvc: no StorageClass resolves for the nova volume (priority ["pvc"]; expected an available backend)',
    ]);
  });

  it('fails when DEX is enabled without an endpoint domain and an issuer (rule 6)', () => {
    const problems = problemsOf(aioSimplex({ keystone: { dex: { enabled: true } } }));
    expect(problems).toContain('endpoints.domain: required when keystone.dex.enabled is true');
    expect(problems).toContain('platform.oidcIssuerUrl: required when keystone.dex.enabled is true');
  });

  it('fails when no controller is available (rule 7)', () => {
    const problems = problemsOf(aioSimplex({ hosts: [controller(0, true, { available: false })] }));
    expect(problems).toContainEqual(expect.stringMatching(/^hosts: no available controller/));
  });
});

describe('profile validation: schema errors name the field, the value and what was expected', () => {
  it('fails when a field is misspelt', () => {
    const input = { ...aioSimplex(), sytem: {} } as unknown;
    expect(problemsOf(input)).toContainEqual(expect.stringMatching(/^sytem: unknown field/));
  });

  it('fails when a required field is missing', () => {
    const input = aioSimplex() as Record<string, unknown>;
    delete input.hosts;
    expect(problemsOf(input)).toContainEqual(expect.stringMatching(/^hosts: required field missing/));
  });

  it('fails when an address is not an IP address', () => {
    const input = aioSimplex({
      network: { clusterHost: { subnet: '192.168.206.0/24', floatingAddress: '192.168.300.1' }, oam: { floatingAddress: '10.10.10.2' } },
    });
    expect(problemsOf(input)).toEqual(['network.clusterHost.floatingAddress: expected an IPv4 or IPv6 address (got "192.168.300.1")']);
  });

  it('fails when a host name repeats, naming both entries', () => {
    const input = aioDuplex({ hosts: [controller(0, true), controller(0, true)] });
    expect(problemsOf(input)).toContain('hosts[1].hostname: duplicate host name "controller-0" (also hosts[0]; expected unique names)');
  });

  it('fails when a simplex system has two controllers', () => {
    const input = aioSimplex({ hosts: [controller(0, true), controller(1, true)] });
    expect(problemsOf(input)).toContain('hosts: 2 controllers for system mode "simplex" (expected at most 1)');
  });

  it('fails when user values target a release that is not deployed', () => {
    const input = aioSimplex({ userOverrides: { ironic: { pod: { replicas: { api: 1 } } } } });
    expect(problemsOf(input)).toEqual([
      'userOverrides.ironic: user values for release "ironic", which is not deployed (enable it in charts.enabled or remove the values)',
    ]);
  });

  it('fails when a release others depend on is disabled, unless asked to repair', () => {
    const input = aioSimplex({ charts: { enabled: { heat: false } } });
    expect(problemsOf(input)).toContain(
      'charts.enabled.heat: release "clients" depends on "heat", which is disabled (enable "heat", disable "clients", or set charts.repairDependsOn: true)',
    );
    expect(problemsOf(aioSimplex({ charts: { enabled: { heat: false }, repairDependsOn: true } }))).toEqual([]);
  });
});

describe('profile files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profiles-'));

  it('reads a YAML profile and a TypeScript profile into the same validated profile', () => {
    const input: DeploymentProfileInput = aioSimplex({ name: 'same' });
    fs.writeFileSync(path.join(dir, 'same.yaml'), stringify(input));
    fs.writeFileSync(path.join(dir, 'same.ts'), `export default ${JSON.stringify(input)};\n`);
    const fromYaml = loadProfile(path.join(dir, 'same.yaml'));
    const fromTs = loadProfile(path.join(dir, 'same.ts'));
    expect(fromYaml.profile).toEqual(fromTs.profile);
    expect(fromYaml.profile.system.regionName).toBe('RegionOne'); // defaults applied
  });

  it('fails with the line and column of malformed YAML', () => {
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'name: x\nsystem: [\n');
    expect(() => loadProfile(path.join(dir, 'bad.yaml'))).toThrow(/bad\.yaml:\d+:\d+: malformed YAML/);
  });

  it('reads YAML as YAML 1.2: an unquoted yes is a string, refused where a boolean is expected', () => {
    fs.writeFileSync(path.join(dir, 'yes.yaml'), stringify(aioSimplex()).replace('type: aio', 'type: aio\n  virtual: yes'));
    expect(() => loadProfile(path.join(dir, 'yes.yaml'))).toThrow(
      /system\.virtual: Invalid input: expected boolean, received string \(got "yes"\)/,
    );
  });
});

describe('the published JSON Schema', () => {
  it('is what the profile schema generates (run npm run schema after changing lib/profile/profile.ts)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderSchema());
  });

  it('describes the profile fields and refuses unknown ones', () => {
    const schema = JSON.parse(renderSchema());
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'system', 'network', 'hosts', 'storage']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.system.properties.mode.enum).toEqual(['simplex', 'duplex', 'duplex-direct']);
  });
});

describe('the documentation and the schema agree with the profiles', () => {
  const root = path.resolve(__dirname, '..');

  it('the README YAML example is a valid profile, the same as deployments/aio-sx.yaml', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const example = /A complete YAML profile[^\n]*\n\n```yaml\n([\s\S]*?)```/.exec(readme);
    expect(example).not.toBeNull();
    const documented = validateProfile(parse(example![1]), 'README.md');
    expect(documented).toEqual(loadProfile(path.join(root, 'deployments', 'aio-sx.yaml')).profile);
  });

  it('the published JSON Schema accepts every built-in YAML profile and refuses a typo', () => {
    const validate = publishedSchemaValidator();
    for (const file of fs.readdirSync(path.join(root, 'deployments')).filter((f) => f.endsWith('.yaml'))) {
      const profile = parse(fs.readFileSync(path.join(root, 'deployments', file), 'utf8'));
      expect({ file, ok: validate(profile), errors: validate.errors }).toEqual({ file, ok: true, errors: null });
      expect(validate({ ...profile, sytem: profile.system })).toBe(false);
    }
  });
});

describe('normalized input: what StarlingX accepts and normalizes, the schema accepts and normalizes (spec §1.2, §2.2)', () => {
  const MIXED_CASE = ['Example.COM', 'OpenStack.Example.com', 'EXAMPLE.ORG', 'Cloud-1.Example.Net'];
  const withDomain = (domain: string) =>
    aioDuplex({
      endpoints: { domain },
      https: { enabled: true, certRef: { secretName: 'openstack-tls', caKey: 'ca.crt' } },
      keystone: { dex: { enabled: true } },
      platform: { oidcIssuerUrl: 'https://oam.example.com:30556/dex' },
    });

  it.each(MIXED_CASE)('given the endpoint domain %p, then the profile is valid and its domain is lower-cased', (domain) => {
    expect(problemsOf(withDomain(domain))).toEqual([]);
    expect(parseProfile(withDomain(domain)).endpoints.domain).toBe(domain.toLowerCase());
    expect(publishedSchemaValidator()(parse(stringify(withDomain(domain))))).toBe(true);
  });

  it.each(MIXED_CASE)(
    'given the endpoint domain %p, then every release computes the same system values as with it lower-cased',
    (domain) => {
      for (const name of RELEASE_NAMES.filter((n) => RELEASES[n].systemValues)) {
        expect({ name, values: systemValuesOf(name, withDomain(domain)) }).toEqual({
          name,
          values: systemValuesOf(name, withDomain(domain.toLowerCase())),
        });
      }
    },
  );

  const casedLabels = (value: string) => ({
    'openstack-control-plane': 'enabled',
    'openstack-compute-node': value,
    openvswitch: value,
    'remote-storage': value,
  });
  const withLabels = (value: string) =>
    standard(0, {
      hosts: [
        controller(0, false),
        controller(1, false),
        worker(0, { labels: casedLabels(value) }),
        worker(1, { labels: { ...casedLabels(value), dpdk: value } }),
      ],
      vswitch: 'ovs',
    });

  it.each(['Enabled', 'ENABLED', 'eNaBlEd'])(
    'given the switch labels set to %p, then they are lower-cased, other labels kept, and every release computes the same system values as with enabled',
    (value) => {
      const hosts = parseProfile(withLabels(value)).hosts;
      expect(hosts[2].labels).toEqual(casedLabels('enabled'));
      expect(hosts[3].labels.dpdk).toBe('enabled');
      expect(
        parseProfile(standard(0, { hosts: [controller(0, false, { labels: { 'openstack-control-plane': 'Yes', 'Custom': 'MiXed' } })] }))
          .hosts[0].labels,
      ).toEqual({ 'openstack-control-plane': 'Yes', Custom: 'MiXed' });
      for (const name of RELEASE_NAMES.filter((n) => RELEASES[n].systemValues)) {
        expect({ name, values: systemValuesOf(name, withLabels(value)) }).toEqual({
          name,
          values: systemValuesOf(name, withLabels('enabled')),
        });
      }
    },
  );

  it.each(['example..com', '-example.com', 'exa mple.com', ' example.com', 'example.com.', 'example_com'])(
    'fails when the endpoint domain %p is not a DNS name',
    (domain) => {
      expect(problemsOf(withDomain(domain))).toContainEqual(expect.stringMatching(/^endpoints\.domain: /));
    },
  );
});
