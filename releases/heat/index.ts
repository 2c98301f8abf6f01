import { defineRelease, NO_WAIT } from '../define';
import { Values } from '../../lib/engine/values';
import { heatStaticValues } from '../../overrides/heat';
import {
  CA_PATH,
  httpsServiceValues,
  identityAuth,
  notificationUrl,
  osloDbAuth,
  osloMessaging,
  publicEndpoint,
} from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** heat's OpenStack client sections that verify the public CA behind https. */
const CLIENT_SECTIONS = [
  'clients',
  ...['aodh', 'neutron', 'cinder', 'glance', 'nova', 'swift', 'heat', 'keystone'].map((s) => `clients_${s}`),
];

/** System values of heat (spec §3.18). */
function heatSystemValues(ctx: DeploymentContext): Values {
  const https = ctx.derived.https;
  const c = ctx.derived.controllers;
  const heatConf: Values = { oslo_messaging_notifications: { transport_url: notificationUrl('/heat') } };
  if (https) {
    heatConf.keystone_authtoken = { cafile: CA_PATH };
    heatConf.ssl = { ca_file: CA_PATH };
    for (const section of CLIENT_SECTIONS) heatConf[section] = { ca_file: CA_PATH };
  }
  return {
    pod: { replicas: { api: c, cfn: c, cloudwatch: c, engine: c } },
    conf: { heat: heatConf },
    endpoints: {
      identity: { auth: identityAuth(ctx, 'heat', ['heat', 'heat_trustee', 'heat_stack_user']) },
      cloudformation: publicEndpoint(ctx, 'cloudformation'),
      orchestration: publicEndpoint(ctx, 'heat'),
      oslo_db: { auth: osloDbAuth(['heat']) },
      oslo_messaging: osloMessaging(ctx, ['heat']),
    },
    ...httpsServiceValues(ctx, {
      tls: {
        orchestration: { api: { internal: 'heat-tls-public' } },
        cloudformation: { cfn: { internal: 'cloudformation-tls-public' } },
      },
    }),
  };
}

export const heat = defineRelease({
  name: 'heat',
  dependsOn: ['placement'],
  ...NO_WAIT,
  staticValues: heatStaticValues,
  systemValues: heatSystemValues,
});
