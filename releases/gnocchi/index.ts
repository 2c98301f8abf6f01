import { defineRelease } from '../define';
import { Values } from '../../lib/engine/values';
import { gnocchiStaticValues } from '../../overrides/gnocchi';
import { CA_PATH, certificates, identityAuth, osloCache, osloDbAuth, publicEndpoint, rookImageTags } from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** System values of gnocchi (spec §3.21). */
function gnocchiSystemValues(ctx: DeploymentContext): Values {
  const values: Values = {
    pod: { replicas: { api: ctx.derived.controllers } },
    endpoints: {
      metric: publicEndpoint(ctx, 'gnocchi'),
      identity: { auth: identityAuth(ctx, 'gnocchi', ['gnocchi']) },
      oslo_cache: osloCache(),
      oslo_db: { auth: osloDbAuth(['gnocchi']) },
    },
    ceph_client: { user_secret_name: 'ceph-admin' },
  };
  if (ctx.derived.https) {
    values.conf = { gnocchi: { keystone_authtoken: { cafile: CA_PATH } } };
    values.manifests = certificates(ctx);
  }
  // Spec §2.7: the storage init job needs rook's ceph-config-helper image.
  const tags = rookImageTags(ctx, ['gnocchi_storage_init']);
  if (Object.keys(tags).length > 0) values.images = { tags };
  return values;
}

export const gnocchi = defineRelease({
  name: 'gnocchi',
  dependsOn: ['horizon'],
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: gnocchiStaticValues,
  systemValues: gnocchiSystemValues,
});
