import { defineRelease } from '../define';
import { nginxPortsControlStaticValues } from '../../overrides/nginx-ports-control';

export const nginxPortsControl = defineRelease({
  name: 'nginx-ports-control',
  // StarlingX leaves spec.install out for this release.
  install: null,
  staticValues: nginxPortsControlStaticValues,
  systemValues: () => ({ manifests: { global_network_policy: true } }),
});
