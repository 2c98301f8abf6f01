import { defineRelease } from '../define';
import { Values } from '../../lib/engine/values';
import { cephRgwStaticValues } from '../../overrides/ceph-rgw';
import { controllerAddress, DeploymentContext } from '../../lib/profile/context';
import { identityAuth } from '../../overrides/system';

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

export const cephRgw = defineRelease({
  name: 'ceph-rgw',
  dependsOn: ['cinder'],
  timeout: '5m',
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: cephRgwStaticValues,
  systemValues: cephRgwSystemValues,
});
