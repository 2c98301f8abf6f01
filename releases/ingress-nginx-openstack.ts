import { ReleaseDefinition } from '../lib/release';
import { ingressNginxOpenstackStaticValues } from '../overrides/ingress-nginx-openstack';

export const ingressNginxOpenstack: ReleaseDefinition = {
  name: 'ingress-nginx-openstack',
  chart: 'ingress-nginx-openstack',
  releaseName: 'ingress-nginx-openstack',
  chartGroup: 'ingress-nginx-openstack',
  dependsOn: [],
  chartInterval: '1m',
  install: {},
  upgrade: {},
  overridesName: 'ingress-nginx',
  commonLabels: { chart_group: 'openstack-ingress-nginx' },
  staticValues: ingressNginxOpenstackStaticValues,
};
