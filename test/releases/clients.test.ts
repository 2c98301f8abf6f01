/**
 * clients (docs/system-values.md §3.19): the assertions about this release's values and objects.
 */
import { clients } from '../../releases/clients';
import { aioSimplex, controller, DOMAIN, HTTPS, releaseValues, standard, worker } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const clientsValues = releaseValues(clients);

expectReferenceFacts(clients, {
  releaseName: 'osh-openstack-clients',
  chartGroup: 'clients',
  chart: 'clients',
  dependsOn: ['heat'],
  install: true,
  disableWait: false,
  enabledByDefault: true,
});

describe('clients (§3.19)', () => {
  test('S38: given controllers provisioned, provisioning and unprovisioned and a provisioned worker, when clients values are computed, then only the provisioned and provisioning controllers are listed', () => {
    const profile = standard(0, {
      hosts: [
        controller(0, false),
        controller(1, false, { provisioned: false, provisioning: true }),
        controller(2, false, { provisioned: false }),
        worker(0),
      ],
    });
    const hosts = at(clientsValues(profile), 'conf.overrides.clients_clients.hosts') as Values[];
    expect(hosts.map((h) => h.name)).toEqual(['controller-0', 'controller-1']);
    expect(hosts[0]).toEqual({ name: 'controller-0', conf: {} });
  });

  test('given http, when computed, then a clients-private nova password, null ceph helper images and no manifests', () => {
    const v = clientsValues(aioSimplex());
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'nova']);
    expect(credentialAt(v, 'endpoints.identity.auth.nova.password')).toBe('chart-user-password.clients.nova');
    expect(at(v, 'endpoints.clients.host_fqdn_override')).toEqual({ public: {} });
    expect(at(v, 'images.tags')).toEqual({ host_ceph_config_helper: null, rook_ceph_config_helper: null });
    expect(v.manifests).toBeUndefined();
  });

  test('given https and a domain, when computed, then certificates, the bootstrap job and the public FQDN are set', () => {
    const v = clientsValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'manifests')).toEqual({ certificates: true, job_bootstrap: true });
    expect(at(v, 'endpoints.clients.host_fqdn_override.public.host')).toBe('clients.openstack.example.com');
    expect(credentialAt(v, 'endpoints.clients.host_fqdn_override.public.tls.ca')).toBe('tls.ca');
  });
});
