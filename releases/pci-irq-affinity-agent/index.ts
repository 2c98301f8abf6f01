import { defineRelease, NO_WAIT } from '../define';
import { Values } from '../../lib/engine/values';
import { pciIrqAffinityAgentStaticValues } from '../../overrides/pci-irq-affinity-agent';
import { credential } from '../../overrides/credentials';
import { DeploymentContext } from '../../lib/profile/context';
import { identityAuth } from '../../overrides/system';

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

export const pciIrqAffinityAgent = defineRelease({
  name: 'pci-irq-affinity-agent',
  dependsOn: ['nova'],
  ...NO_WAIT,
  staticValues: pciIrqAffinityAgentStaticValues,
  systemValues: pciIrqAffinityAgentSystemValues,
});
