import { defineRelease } from '../define';
import { ingressNginxOpenstackStaticValues } from '../../overrides/ingress-nginx-openstack';
import { Values } from '../../lib/engine/values';
import { DeploymentContext } from '../../lib/profile/context';

/** System values of ingress-nginx-openstack (spec §3.5). */
function ingressNginxSystemValues(ctx: DeploymentContext): Values {
  const replicas = ctx.derived.controllers;
  const controller: Values = { replicaCount: replicas };
  const defaultBackend: Values = { replicaCount: replicas };
  // On AIO the ingress shares the platform cores, so it is capped at the platform reservation.
  if (ctx.derived.aio) {
    const { cpus, memMiB } = ctx.derived.platformLimits;
    controller.resources = { limits: { cpu: `${cpus}000m`, memory: `${memMiB}Mi` } };
    defaultBackend.resources = { limits: { cpu: `${cpus}000m`, memory: `${memMiB}Mi` } };
  }
  return { controller, defaultBackend };
}

export const ingressNginxOpenstack = defineRelease({
  name: 'ingress-nginx-openstack',
  releaseName: 'ingress-nginx-openstack',
  chartGroup: 'ingress-nginx-openstack',
  chartInterval: '1m',
  overridesName: 'ingress-nginx',
  commonLabels: { chart_group: 'openstack-ingress-nginx' },
  staticValues: ingressNginxOpenstackStaticValues,
  systemValues: ingressNginxSystemValues,
});
