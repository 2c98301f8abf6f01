import { ReleaseDefinition } from '../../lib/engine/release';
import { rabbitmqStaticValues } from '../../overrides/rabbitmq';
import { credential } from '../../lib/engine/credentials';
import { DeploymentContext, storageClass } from '../../lib/profile/context';
import { Values } from '../../lib/engine/values';

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

export const rabbitmq: ReleaseDefinition = {
  name: 'rabbitmq',
  chart: 'rabbitmq',
  releaseName: 'osh-openstack-rabbitmq',
  chartGroup: 'openstack-rabbitmq',
  dependsOn: ['memcached'],
  install: {},
  upgrade: {},
  staticValues: rabbitmqStaticValues,
  systemValues: rabbitmqSystemValues,
};
