import { ReleaseDefinition } from '../../lib/engine/release';
import { mariadbStaticValues } from '../../overrides/mariadb';
import { DeploymentContext, identityAuth, osloDbAuth, storageClass } from '../../lib/profile/context';
import { Values } from '../../lib/engine/values';

/** System values of mariadb (spec §3.1). */
function mariadbSystemValues(ctx: DeploymentContext): Values {
  const replicas = ctx.derived.controllers;
  const volumeClass = storageClass(ctx, 'mariadb');
  const values: Values = {
    pod: { replicas: { server: replicas, controller: replicas } },
    // "Not IPv4-only": true for any dual-stack, unlike rabbitmq (spec §6-6).
    manifests: { config_ipv6: !ctx.derived.ipv4Only },
    volume: { class_name: volumeClass, backup: { class_name: volumeClass } },
    endpoints: {
      oslo_db: { auth: osloDbAuth([]) },
      identity: { auth: identityAuth(ctx, 'mariadb', ['mariadb']) },
    },
  };
  // The AIO plugin clears the chart's my.cnf override; Standard keeps the chart's.
  if (ctx.profile.system.type !== 'standard') values.conf = { database: { config_override: '' } };
  return values;
}

export const mariadb: ReleaseDefinition = {
  name: 'mariadb',
  chart: 'mariadb',
  releaseName: 'osh-openstack-mariadb',
  chartGroup: 'openstack-mariadb',
  dependsOn: ['nginx-ports-control'],
  install: {},
  upgrade: {},
  staticValues: mariadbStaticValues,
  systemValues: mariadbSystemValues,
};
