import { defineRelease } from '../define';
import { Values } from '../../lib/engine/values';
import { aodhStaticValues } from '../../overrides/aodh';
import {
  CA_PATH,
  httpsServiceValues,
  identityAuth,
  notificationUrl,
  osloCache,
  osloDbAuth,
  osloMessaging,
  publicEndpoint,
  serviceRegion,
} from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** Where the notifier finds the CA of REST alarm targets (`aodh.restNotifierCaCert`). */
const REST_NOTIFIER_CA_PATH = '/var/lib/openstack/certs/aodh-rest-notifier-ca.crt';
const REST_NOTIFIER_CA_SECRET = 'aodh-rest-notifier-ca-cert';

/** System values of aodh (spec §3.21). */
function aodhSystemValues(ctx: DeploymentContext): Values {
  const c = ctx.derived.controllers;
  const caCert = ctx.profile.aodh.restNotifierCaCert;
  const aodhConf: Values = {
    DEFAULT: caCert ? { rest_notifier_ca_bundle_certificate_path: REST_NOTIFIER_CA_PATH } : {},
    service_credentials: { region_name: serviceRegion(ctx, 'aodh') },
    // Sic: aodh publishes on the ceilometer vhost, as the original does.
    oslo_messaging_notifications: { transport_url: notificationUrl('/ceilometer') },
  };
  if (ctx.derived.https) aodhConf.keystone_authtoken = { cafile: CA_PATH };
  const volumes: Values[] = caCert
    ? [{ name: REST_NOTIFIER_CA_SECRET, secret: { secretName: REST_NOTIFIER_CA_SECRET, items: [{ key: 'ca.crt', path: 'ca.crt' }] } }]
    : [];
  const volumeMounts: Values[] = caCert
    ? [{ name: REST_NOTIFIER_CA_SECRET, mountPath: REST_NOTIFIER_CA_PATH, subPath: 'ca.crt', readOnly: true }]
    : [];
  return {
    pod: {
      replicas: { api: c, evaluator: c, listener: c, notifier: c },
      mounts: { aodh_notifier: { aodh_notifier: { volumes, volumeMounts } } },
    },
    conf: { aodh: aodhConf },
    endpoints: {
      alarming: publicEndpoint(ctx, 'aodh'),
      identity: { auth: identityAuth(ctx, 'aodh', ['aodh']) },
      oslo_cache: osloCache(),
      oslo_db: { auth: osloDbAuth(['aodh']) },
      oslo_messaging: osloMessaging(ctx, ['aodh']),
    },
    ...httpsServiceValues(ctx),
  };
}

export const aodh = defineRelease({
  name: 'aodh',
  dependsOn: ['ceilometer'],
  staticValues: aodhStaticValues,
  systemValues: aodhSystemValues,
});
