/**
 * rabbitmq (docs/system-values.md §3.4): the assertions about this release's values and objects.
 */
import { rabbitmq } from '../../releases/rabbitmq';
import { aioDuplex, aioSimplex, controller, releaseValues, standard } from '../support/fixtures';
import { at, credentialLeaves } from '../support/values-path';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const rabbitmqValues = releaseValues(rabbitmq);

expectReferenceFacts(rabbitmq, {
  releaseName: 'osh-openstack-rabbitmq',
  chartGroup: 'openstack-rabbitmq',
  chart: 'rabbitmq',
  dependsOn: ['memcached'],
  install: true,
  disableWait: false,
  enabledByDefault: true,
});

describe('rabbitmq', () => {
  const cpus = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('S05: given AIO with 20 platform CPUs and 30 MiB platform memory on controller-0 and C = 2, then limits, io threads and replicas follow', () => {
    const profile = aioDuplex({
      hosts: [
        controller(0, true, { cpus: { platform: cpus(20), application: [] }, numa: [{ node: 0, platformReservedMiB: 30 }] }),
        controller(1, true),
      ],
    });
    const v = rabbitmqValues(profile);
    expect(at(v, 'pod.resources')).toEqual({
      enabled: true,
      server: { limits: { cpu: '20000m', memory: '30Mi' } },
      prometheus_rabbitmq_exporter: { limits: { cpu: '20000m', memory: '30Mi' } },
    });
    expect(at(v, 'io_thread_pool')).toEqual({ enabled: true, size: '320' });
    expect(at(v, 'pod.replicas.server')).toBe(2);
  });

  it('S06: given AIO with 3 platform CPUs, then the io thread pool is enabled and clamped up to "64"', () => {
    const v = rabbitmqValues(aioSimplex({ hosts: [controller(0, true, { cpus: { platform: cpus(3), application: [] } })] }));
    expect(at(v, 'io_thread_pool')).toEqual({ enabled: true, size: '64' });
  });

  it('given AIO with 100 platform CPUs, then the io thread pool is clamped down to "1024"', () => {
    const v = rabbitmqValues(aioSimplex({ hosts: [controller(0, true, { cpus: { platform: cpus(100), application: [] } })] }));
    expect(at(v, 'io_thread_pool.size')).toBe('1024');
  });

  it('given Standard, then resources and io threads are disabled with the zero limits the platform computes', () => {
    const v = rabbitmqValues(standard());
    expect(at(v, 'pod.resources')).toEqual({
      enabled: false,
      server: { limits: { cpu: '0000m', memory: '0Mi' } },
      prometheus_rabbitmq_exporter: { limits: { cpu: '0000m', memory: '0Mi' } },
    });
    expect(at(v, 'io_thread_pool')).toEqual({ enabled: false, size: '64' });
    expect(at(v, 'pod.replicas.server')).toBe(2);
  });

  it('S07: given ceph with storageClass ceph-rbd and the default priority, then volume.class_name is ceph-rbd', () => {
    const v = rabbitmqValues(aioSimplex({ storage: { ceph: { kind: 'host', storageClass: 'ceph-rbd' } } }));
    expect(at(v, 'volume.class_name')).toBe('ceph-rbd');
  });

  it('S08: given no ceph and a netapp-nfs class netapp-nas-backend, then volume.class_name is netapp-nas-backend', () => {
    const v = rabbitmqValues(aioSimplex({ storage: { ceph: { kind: 'none' }, netapp: { nfs: { storageClass: 'netapp-nas-backend' } } } }));
    expect(at(v, 'volume.class_name')).toBe('netapp-nas-backend');
  });

  it('S09: given a rabbitmq priority of unknown backends only, then volume.class_name is null', () => {
    const v = rabbitmqValues(aioSimplex({ storage: { ceph: { kind: 'host' }, selection: { rabbitmq: { priority: ['foo', 'bar'] } } } }));
    expect(at(v, 'volume')).toEqual({ class_name: null });
  });

  it('S10: given a primary IPv6 cluster-service family, then manifests.config_ipv6 is true (false for IPv4-primary dual-stack)', () => {
    const families = (f: Array<'ipv4' | 'ipv6'>) => aioSimplex({ network: { ...aioSimplex().network, clusterService: { families: f } } });
    expect(at(rabbitmqValues(families(['ipv6', 'ipv4'])), 'manifests.config_ipv6')).toBe(true);
    expect(at(rabbitmqValues(families(['ipv6'])), 'manifests.config_ipv6')).toBe(true);
    expect(at(rabbitmqValues(families(['ipv4', 'ipv6'])), 'manifests.config_ipv6')).toBe(false);
  });

  it('given any profile, then the messaging user is rabbitmq-admin with the shared admin password, and the Erlang cookie is a credential', () => {
    const v = rabbitmqValues(aioSimplex());
    expect(at(v, 'endpoints.oslo_messaging.auth.user.username')).toBe('rabbitmq-admin');
    expect(credentialLeaves(v)).toEqual({
      'endpoints.oslo_messaging.auth.user.password': 'rabbit-admin-password',
      'endpoints.oslo_messaging.auth.erlang_cookie': 'rabbit-erlang-cookie',
    });
  });
});
