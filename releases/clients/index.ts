import { defineRelease } from '../define';
import { Values } from '../../lib/engine/values';
import { clientsStaticValues } from '../../overrides/clients';
import { DeploymentContext } from '../../lib/profile/context';
import { fqdnOverride, identityAuth } from '../../overrides/system';

/** System values of clients (spec §3.19). */
function clientsSystemValues(ctx: DeploymentContext): Values {
  // The client pods run on controllers that are provisioned or being provisioned.
  const hosts = ctx.profile.hosts
    .filter((h) => h.personality === 'controller' && (h.provisioned || h.provisioning))
    .map((h) => ({ name: h.hostname, conf: {} }));
  const values: Values = {
    endpoints: {
      // The clients chart has its own `nova` user, with a password private to it.
      identity: { auth: identityAuth(ctx, 'clients', ['nova'], [], { privateUsers: ['nova'] }) },
      clients: { host_fqdn_override: fqdnOverride(ctx, 'clients') },
    },
    conf: { overrides: { clients_clients: { hosts } } },
  };
  if (ctx.derived.https) values.manifests = { certificates: true, job_bootstrap: true };
  if (ctx.profile.system.distributedCloudRole !== 'systemcontroller') {
    // Real nulls: they remove the chart's ceph config helper images outside a central cloud.
    values.images = { tags: { host_ceph_config_helper: null, rook_ceph_config_helper: null } };
  }
  return values;
}

export const clients = defineRelease({
  name: 'clients',
  chartGroup: 'clients',
  dependsOn: ['heat'],
  staticValues: clientsStaticValues,
  systemValues: clientsSystemValues,
});
