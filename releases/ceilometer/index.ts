import { defineRelease, NO_WAIT } from '../define';
import { Values } from '../../lib/engine/values';
import { ceilometerStaticValues } from '../../overrides/ceilometer';
import { CA_PATH, certificates, identityAuth, notificationUrl, osloCache, osloMessaging } from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** The vhosts whose notifications ceilometer listens to, in the original's order. */
const NOTIFICATION_VHOSTS = ['/ceilometer', '/cinder', '/glance', '/nova', '/keystone', '/neutron', '/heat'];

/** System values of ceilometer (spec §3.21). */
function ceilometerSystemValues(ctx: DeploymentContext): Values {
  const https = ctx.derived.https;
  const c = ctx.derived.controllers;
  const ceilometerConf: Values = {
    // Each URL carries the rabbit admin password: a list of credential leaves.
    notification: { messaging_urls: { values: NOTIFICATION_VHOSTS.map(notificationUrl) } },
    meter: { meter_definitions_dirs: '/etc/ceilometer/meters.d' },
  };
  if (https) ceilometerConf.service_credentials = { cafile: CA_PATH };
  return {
    // Spec §6-10 (reproduced): one central agent whatever the controller count.
    pod: { replicas: { central: 1, notification: c } },
    conf: { ceilometer: ceilometerConf },
    manifests: { daemonset_ipmi: false, ...certificates(ctx) },
    endpoints: {
      identity: { auth: identityAuth(ctx, 'ceilometer', ['ceilometer']) },
      oslo_cache: osloCache(),
      oslo_messaging: osloMessaging(ctx, ['ceilometer']),
    },
  };
}

export const ceilometer = defineRelease({
  name: 'ceilometer',
  dependsOn: ['nova', 'neutron', 'heat'],
  ...NO_WAIT,
  staticValues: ceilometerStaticValues,
  systemValues: ceilometerSystemValues,
});
