import { defineRelease, storageClassCheck } from '../define';
import { mariadbStaticValues } from '../../overrides/mariadb';
import { Values } from '../../lib/engine/values';
import { DeploymentContext } from '../../lib/profile/context';
import { identityAuth, osloDbAuth } from '../../overrides/system';
import { storageClass } from '../../lib/profile/storage';

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

export const mariadb = defineRelease({
  name: 'mariadb',
  dependsOn: ['nginx-ports-control'],
  checks: storageClassCheck('mariadb', ['volume', 'class_name'], 'storage.selection.mariadb', true),
  staticValues: mariadbStaticValues,
  systemValues: mariadbSystemValues,
});
