import { ReleaseDefinition } from '../lib/release';
import { pciIrqAffinityAgentStaticValues } from '../overrides/pci-irq-affinity-agent';

export const pciIrqAffinityAgent: ReleaseDefinition = {
  name: 'pci-irq-affinity-agent',
  chart: 'pci-irq-affinity-agent',
  releaseName: 'osh-openstack-pci-irq-affinity-agent',
  chartGroup: 'openstack-pci-irq-affinity-agent',
  dependsOn: ['nova'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: pciIrqAffinityAgentStaticValues,
};
