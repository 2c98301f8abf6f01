import { ReleaseDefinition } from '../lib/release';
import { cephRgwStaticValues } from '../overrides/ceph-rgw';

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
};
