import { defineRelease, storageClassCheck } from '../define';
import { rabbitmqStaticValues } from '../../overrides/rabbitmq';
import { Values } from '../../lib/engine/values';
import { credential } from '../../overrides/credentials';
import { DeploymentContext } from '../../lib/profile/context';
import { storageClass } from '../../lib/profile/storage';

/** System values of rabbitmq (spec §3.4). */
function rabbitmqSystemValues(ctx: DeploymentContext): Values {
  const { aio, platformLimits } = ctx.derived;
  // Computed on Standard too, where the limits are disabled: "0000m" / "0Mi" as the original emits.
  const limits = { cpu: `${platformLimits.cpus}000m`, memory: `${platformLimits.memMiB}Mi` };
  const ioThreads = Math.min(1024, Math.max(64, platformLimits.cpus * 16));
  return {
    pod: {
      replicas: { server: ctx.derived.controllers },
      resources: {
        enabled: aio,
        server: { limits: { ...limits } },
        prometheus_rabbitmq_exporter: { limits: { ...limits } },
      },
    },
    io_thread_pool: { enabled: aio, size: String(ioThreads) },
    // Primary family only: differs from mariadb on IPv4-primary dual-stack (spec §6-6).
    manifests: { config_ipv6: ctx.derived.primaryIPv6 },
    volume: { class_name: storageClass(ctx, 'rabbitmq') },
    endpoints: {
      oslo_messaging: {
        auth: {
          user: { username: 'rabbitmq-admin', password: credential.rabbitAdminPassword() },
          // The static values publish the chart's cookie; every deployment gets its own.
          erlang_cookie: credential.rabbitErlangCookie(),
        },
      },
    },
  };
}

export const rabbitmq = defineRelease({
  name: 'rabbitmq',
  dependsOn: ['memcached'],
  checks: storageClassCheck('rabbitmq', ['volume', 'class_name'], 'storage.selection.rabbitmq', true),
  staticValues: rabbitmqStaticValues,
  systemValues: rabbitmqSystemValues,
});
