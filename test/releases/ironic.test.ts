/**
 * ironic (docs/system-values.md §3.22): the assertions about this release's values and objects.
 */
import { ironic } from '../../releases/ironic';
import { aioSimplex, DOMAIN, enablementOf, HTTPS, releaseValues, standard } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const ironicValues = releaseValues(ironic);

expectReferenceFacts(ironic, {
  releaseName: 'osh-openstack-ironic',
  chartGroup: 'openstack-ironic',
  chart: 'ironic',
  dependsOn: ['cinder'],
  install: true,
  disableWait: false,
  enabledByDefault: false,
});

describe('ironic (§3.22)', () => {
  test('given no ironic network, when computed, then replicas = C, empty pxe strings, ironic and glance identity users', () => {
    const v = ironicValues(standard(2));
    expect(at(v, 'pod.replicas')).toEqual({ api: 2, conductor: 2 });
    expect(at(v, 'network.pxe')).toEqual({
      device: '',
      neutron_provider_network: 'ironic',
      neutron_subnet_gateway: '',
      neutron_subnet_cidr: '',
      neutron_subnet_alloc_start: '',
      neutron_subnet_alloc_end: '',
    });
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'ironic', 'glance']);
    expect(credentialAt(v, 'endpoints.identity.auth.glance.password')).toBe('user-password.glance');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.ironic.password')).toBe('db-password.ironic');
    expect(credentialAt(v, 'endpoints.oslo_messaging.auth.ironic.password')).toBe('rabbit-password.ironic');
    expect(credentialAt(v, 'endpoints.oslo_cache.auth.memcache_secret_key')).toBe('memcache-secret-key');
  });

  test('given an ironic network, https and a domain, when computed, then pxe follows the network and the baremetal FQDN is set', () => {
    const base = standard(2, { https: HTTPS, endpoints: { domain: DOMAIN } });
    const profile: DeploymentProfileInput = {
      ...base,
      network: {
        ...base.network,
        ironic: { cidr: '10.10.20.0/24', gateway: '10.10.20.1', rangeStart: '10.10.20.10', rangeEnd: '10.10.20.100', portName: 'enp0s9' },
      },
    };
    const v = ironicValues(profile);
    expect(at(v, 'network.pxe')).toEqual({
      device: 'enp0s9',
      neutron_provider_network: 'ironic',
      neutron_subnet_gateway: '10.10.20.1',
      neutron_subnet_cidr: '10.10.20.0/24',
      neutron_subnet_alloc_start: '10.10.20.10',
      neutron_subnet_alloc_end: '10.10.20.100',
    });
    expect(at(v, 'endpoints.baremetal.host_fqdn_override.public.host')).toBe('ironic.openstack.example.com');
    expect(at(v, 'endpoints.baremetal.scheme')).toEqual({ public: 'https' });
  });
});

describe('ironic enablement (spec §4.1)', () => {
  test('given one control-plane host, then ironic is off even when enabled; given two, it runs when enabled', () => {
    expect(enablementOf(ironic, aioSimplex())).toEqual({
      on: false,
      reason: expect.stringContaining('2 hosts labelled openstack-control-plane'),
    });
    expect(enablementOf(ironic, standard())).toEqual({ on: true });
    expect(enablementOf(ironic, standard(), false)).toEqual({ on: false });
  });
});
