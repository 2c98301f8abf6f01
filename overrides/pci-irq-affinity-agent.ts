import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { controlPlaneTolerationList } from './common';

/** Static values of pci-irq-affinity-agent: the StarlingX settings applied over the chart defaults. */
export function pciIrqAffinityAgentStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-pci-irq-affinity-agent',
    labels: { isApplication: false },
    images: {
      tags: {
        pci_irq_affinity_agent: img.pciIrqAffinityAgent,
        dep_check: img.kubernetesEntrypoint,
      },
    },
    tolerations: controlPlaneTolerationList,
    pod: { labels: { include_app_kubernetes_io: false } },
  };
}
