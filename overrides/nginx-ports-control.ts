import { Values } from '../lib/engine/values';

/** Static values of nginx-ports-control: the StarlingX settings applied over the chart defaults (no image of its own). */
export function nginxPortsControlStaticValues(): Values {
  return { release_group: 'osh-openstack-nginx-ports-control' };
}
