import { credential } from '../../lib/engine/credentials';
import { ReleaseDefinition } from '../../lib/engine/release';
import { DeploymentContext, identityAuth } from '../../lib/profile/context';
import { Values } from '../../lib/engine/values';
import { pciIrqAffinityAgentStaticValues } from '../../overrides/pci-irq-affinity-agent';

/** System values of pci-irq-affinity-agent (spec §3.16): the chart reads its endpoints under `conf`. */
function pciIrqAffinityAgentSystemValues(ctx: DeploymentContext): Values {
  return {
    conf: {
      endpoints: {
        identity: { auth: identityAuth(ctx, 'pci-irq-affinity-agent', ['pci-irq-affinity-agent']) },
        // The agent listens to nova's notifications with nova's RabbitMQ account.
        rabbit: { rabbit_userid: 'nova-rabbitmq-user', rabbit_password: credential.rabbitPassword('nova') },
      },
    },
  };
}

export const pciIrqAffinityAgent: ReleaseDefinition = {
  name: 'pci-irq-affinity-agent',
  chart: 'pci-irq-affinity-agent',
  releaseName: 'osh-openstack-pci-irq-affinity-agent',
  chartGroup: 'openstack-pci-irq-affinity-agent',
  dependsOn: ['nova'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: pciIrqAffinityAgentStaticValues,
  systemValues: pciIrqAffinityAgentSystemValues,
};
