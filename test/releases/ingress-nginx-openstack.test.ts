/**
 * ingress-nginx-openstack (docs/system-values.md §3.5): the assertions about this release's values and objects.
 */
import { ingressNginxOpenstack } from '../../releases/ingress-nginx-openstack';
import { aioDuplex, controller, releaseValues, standard } from '../support/fixtures';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const ingressNginxOpenstackValues = releaseValues(ingressNginxOpenstack);

expectReferenceFacts(ingressNginxOpenstack, {
  releaseName: 'ingress-nginx-openstack',
  chartGroup: 'ingress-nginx-openstack',
  chart: 'ingress-nginx-openstack',
  dependsOn: [],
  install: true,
  disableWait: false,
  enabledByDefault: true,
});

describe('ingress-nginx-openstack', () => {
  it('given AIO with platform limits, then replicas are C and both pods are limited to the platform reservation', () => {
    const profile = aioDuplex({
      hosts: [
        controller(0, true, {
          cpus: { platform: [0, 1], application: [] },
          numa: [
            { node: 0, platformReservedMiB: 4000 },
            { node: 1, platformReservedMiB: 2000 },
          ],
        }),
        controller(1, true),
      ],
    });
    expect(ingressNginxOpenstackValues(profile)).toEqual({
      controller: { replicaCount: 2, resources: { limits: { cpu: '2000m', memory: '6000Mi' } } },
      defaultBackend: { replicaCount: 2, resources: { limits: { cpu: '2000m', memory: '6000Mi' } } },
    });
  });

  it('given Standard, then only the replica counts are set', () => {
    expect(ingressNginxOpenstackValues(standard())).toEqual({ controller: { replicaCount: 2 }, defaultBackend: { replicaCount: 2 } });
  });
});
