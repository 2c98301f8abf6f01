import { ReleaseDefinition } from '../../lib/engine/release';
import { controllerAddress, DeploymentContext, identityAuth } from '../../lib/profile/context';
import { Values } from '../../lib/engine/values';
import { cephRgwStaticValues } from '../../overrides/ceph-rgw';

/** System values of ceph-rgw (spec §3.22): the platform's radosgw, reached on the controllers. */
function cephRgwSystemValues(ctx: DeploymentContext): Values {
  const controller = controllerAddress(ctx);
  return {
    endpoints: {
      identity: { auth: identityAuth(ctx, 'swift', ['swift']) },
      object_store: {
        // Spec §6-11: the string 'null', as the original emits it.
        hosts: { default: 'null', admin: controller, internal: controller, public: ctx.profile.network.oam.floatingAddress },
      },
    },
  };
}

export const cephRgw: ReleaseDefinition = {
  name: 'ceph-rgw',
  chart: 'ceph-rgw',
  releaseName: 'osh-openstack-ceph-rgw',
  chartGroup: 'openstack-ceph-rgw',
  dependsOn: ['cinder'],
  timeout: '5m',
  install: {},
  upgrade: {},
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: cephRgwStaticValues,
  systemValues: cephRgwSystemValues,
};
