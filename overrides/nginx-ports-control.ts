import { Values } from '../lib/engine/values';
import type { ImageRefs } from './images';

/** Static values of nginx-ports-control: the StarlingX settings applied over the chart defaults. */
export function nginxPortsControlStaticValues(_img: ImageRefs): Values {
  return { release_group: 'osh-openstack-nginx-ports-control' };
}
