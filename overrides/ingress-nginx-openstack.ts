import { Values } from '../lib/engine/values';
import { ImageRefs, splitImage } from './images';
import { controlPlaneTolerationList } from './common';

/** Static values of ingress-nginx-openstack: the StarlingX settings applied over the chart defaults. */
export function ingressNginxOpenstackStaticValues(img: ImageRefs): Values {
  return {
    fullnameOverride: 'ingress-nginx-openstack',
    nameOverride: 'ingress-nginx-openstack',
    controller: {
      image: {
        ...splitImage(img.ingressNginxController),
        digest: null,
      },
      opentelemetry: { image: { image: null } },
      config: {
        'bind-address': '::',
        'worker-processes': '4',
        'enable-underscores-in-headers': 'true',
        'enable-vts-status': 'true',
        'proxy-connect-timeout': '30',
        'server-tokens': 'false',
      },
      dnsPolicy: 'ClusterFirst',
      hostNetwork: false,
      ingressClassResource: { name: 'nginx-openstack', controllerValue: 'k8s.io/ingress-nginx-openstack' },
      ingressClass: 'nginx-openstack',
      scope: { enabled: true, namespace: 'openstack', namespaceSelector: 'openstack' },
      labels: { app: 'ingress-api' },
      tolerations: controlPlaneTolerationList,
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            {
              labelSelector: {
                matchExpressions: [
                  {
                    key: 'app.kubernetes.io/name',
                    operator: 'In',
                    values: ['ingress-nginx-openstack'],
                  },
                  {
                    key: 'app.kubernetes.io/instance',
                    operator: 'In',
                    values: ['ingress-nginx-openstack'],
                  },
                  {
                    key: 'app.kubernetes.io/component',
                    operator: 'In',
                    values: ['controller'],
                  },
                ],
              },
              topologyKey: 'kubernetes.io/hostname',
            },
          ],
        },
      },
      nodeSelector: { 'openstack-control-plane': 'enabled' },
      service: { type: 'ClusterIP', ipFamilyPolicy: 'PreferDualStack', ipFamilies: [] },
      admissionWebhooks: { patch: { image: { image: null } }, enabled: false },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 3 } },
      resources: { requests: { cpu: '100m', 'ephemeral-storage': '2000Ki', memory: '128Mi' } },
    },
    defaultBackend: { enabled: false },
    revisionHistoryLimit: 3,
    imagePullSecrets: [{ name: 'default-registry-key' }],
  };
}
