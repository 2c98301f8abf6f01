/**
 * Given the built-in deployment stacks, when synthesized, then every credential leaf of the spec's
 * catalogue (§2.8) that an emitted release uses reaches Helm from the right logical credential:
 * the release reads its values document from the credentials Secret, and the document that
 * `npm run credentials` writes holds that credential at that path — an oracle written from the
 * spec's table, not from the code that routes them.
 */
import { parseYaml11 } from '../lib/engine/yaml';
import { defaultProfileLocations, loadDeployments } from '../lib/deployment/app';
import { valuesDocuments } from '../lib/commands/credentials';
import { renderStacks } from './support/synth';
import type { Loose } from './support/loose';

interface Wiring {
  readonly releases: readonly string[];
  readonly targetPath: string;
  readonly key: string | ((release: string) => string);
}

/** The spec §2.8 table, as leaves per release. */
const CATALOGUE: readonly Wiring[] = [
  {
    releases: [
      'mariadb',
      'keystone',
      'cinder',
      'glance',
      'nova',
      'neutron',
      'placement',
      'heat',
      'clients',
      'fm-rest-api',
      'ceilometer',
      'aodh',
      'prometheus-openstack-exporter',
    ],
    targetPath: 'endpoints.identity.auth.admin.password',
    key: 'admin-password',
  },
  {
    releases: ['keystone', 'cinder', 'nova', 'neutron', 'heat'],
    targetPath: 'endpoints.identity.auth.stx_admin.password',
    key: 'stx-admin-password',
  },
  {
    releases: ['keystone', 'cinder', 'nova', 'neutron'],
    targetPath: 'endpoints.identity.auth.test.password',
    key: (r) => `test-password.${r}`,
  },
  { releases: ['glance'], targetPath: 'conf.glance.cinder.cinder_store_password', key: 'admin-password' },
  {
    releases: ['mariadb', 'keystone', 'nova', 'placement', 'neutron', 'cinder', 'glance', 'heat', 'horizon', 'aodh'],
    targetPath: 'endpoints.oslo_db.auth.admin.password',
    key: 'db-admin-password',
  },
  {
    releases: ['keystone', 'placement', 'neutron', 'cinder', 'glance', 'heat', 'horizon', 'aodh'],
    targetPath: `endpoints.oslo_db.auth.{release}.password`,
    key: (r) => `db-password.${r}`,
  },
  { releases: ['nova'], targetPath: 'endpoints.oslo_db_api.auth.nova.password', key: 'db-password.nova' },
  { releases: ['nova'], targetPath: 'endpoints.oslo_db_cell0.auth.nova.password', key: 'db-password.nova' },
  {
    releases: ['keystone', 'nova', 'neutron', 'cinder', 'glance', 'heat', 'aodh', 'ceilometer'],
    targetPath: 'endpoints.oslo_messaging.auth.admin.password',
    key: 'rabbit-admin-password',
  },
  { releases: ['rabbitmq'], targetPath: 'endpoints.oslo_messaging.auth.user.password', key: 'rabbit-admin-password' },
  {
    releases: ['keystone', 'nova', 'neutron', 'cinder', 'glance', 'heat', 'aodh', 'ceilometer'],
    targetPath: `endpoints.oslo_messaging.auth.{release}.password`,
    key: (r) => `rabbit-password.${r}`,
  },
  { releases: ['pci-irq-affinity-agent'], targetPath: 'conf.endpoints.rabbit.rabbit_password', key: 'rabbit-password.nova' },
  {
    releases: ['nova', 'neutron', 'cinder', 'glance', 'aodh', 'ceilometer'],
    targetPath: 'endpoints.oslo_cache.auth.memcache_secret_key',
    key: 'memcache-secret-key',
  },
  { releases: ['horizon'], targetPath: 'conf.horizon.local_settings.config.horizon_secret_key', key: 'horizon-secret-key' },
  { releases: ['horizon'], targetPath: 'endpoints.identity.auth.admin.password', key: 'chart-user-password.horizon.admin' },
  { releases: ['clients'], targetPath: 'endpoints.identity.auth.nova.password', key: 'chart-user-password.clients.nova' },
  { releases: ['nova'], targetPath: 'network.ssh.private_key', key: 'nova-ssh-private-key' },
  { releases: ['nova', 'neutron'], targetPath: 'endpoints.identity.auth.placement.password', key: 'user-password.placement' },
  { releases: ['keystone'], targetPath: 'conf.keystone.oslo_messaging_notifications.transport_url', key: 'notification-url.keystone' },
  { releases: ['nova'], targetPath: 'conf.nova.oslo_messaging_notifications.transport_url', key: 'notification-url.nova' },
  { releases: ['cinder'], targetPath: 'conf.cinder.oslo_messaging_notifications.transport_url', key: 'notification-url.cinder' },
  { releases: ['glance'], targetPath: 'conf.glance.oslo_messaging_notifications.transport_url', key: 'notification-url.glance' },
  { releases: ['heat'], targetPath: 'conf.heat.oslo_messaging_notifications.transport_url', key: 'notification-url.heat' },
  { releases: ['aodh'], targetPath: 'conf.aodh.oslo_messaging_notifications.transport_url', key: 'notification-url.ceilometer' },
  { releases: ['ceilometer'], targetPath: 'conf.ceilometer.notification.messaging_urls.values[6]', key: 'notification-url.heat' },
];

const DEPLOYMENTS = loadDeployments(defaultProfileLocations());

describe.each(['aio-sx', 'aio-dx', 'standard', 'aio-sx-subcloud'])('credential wiring of dist/%s (spec §2.8)', (name) => {
  const stack = renderStacks().find((s) => s.name === name)!;
  const emitted = new Set([...stack.files.keys()].filter((f) => f.endsWith('/helmrelease.yaml')).map((f) => f.split('/')[0]));
  const cases = CATALOGUE.flatMap((w) =>
    w.releases
      .filter((r) => emitted.has(r))
      .map((r) => [r, w.targetPath.replace('{release}', r), typeof w.key === 'string' ? w.key : w.key(r)] as const),
  );

  // Each credential's value is its own key: the document then says which key sits at each path.
  const deployment = DEPLOYMENTS.find((d) => d.profile.name === name)!;
  const data = Object.fromEntries(
    deployment.credentials.map((ref) => [deployment.credentialSources.get(ref.id)!.key, deployment.credentialSources.get(ref.id)!.key]),
  );
  const documents = valuesDocuments(deployment, 'stx-openstack-credentials', data).data;

  it.each(cases)('%s reads %s from %s', (release, targetPath, key) => {
    const hr = parseYaml11(stack.files.get(`${release}/helmrelease.yaml`)!)[0] as Loose;
    expect(hr.spec.valuesFrom).toContainEqual({
      kind: 'Secret',
      name: 'stx-openstack-credentials',
      valuesKey: `helm-values.${release}.yaml`,
    });
    const document = parseYaml11(documents[`helm-values.${release}.yaml`])[0] as Loose;
    const at = targetPath
      .split(/\.|\[(\d+)\]/)
      .filter((s) => s !== undefined && s !== '')
      .reduce((node: Loose, s: string) => node?.[s], document);
    expect(at).toBe(key);
  });

  it('covers the catalogue: at least 80 wired leaves in this stack', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });
});
