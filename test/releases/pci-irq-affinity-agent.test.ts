/**
 * pci-irq-affinity-agent (docs/system-values.md §3.16): the assertions about this release's values and objects.
 */
import { pciIrqAffinityAgent } from '../../releases/pci-irq-affinity-agent';
import { aioSimplex, CA, HTTPS, releaseValues } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const pciIrqAffinityAgentValues = releaseValues(pciIrqAffinityAgent);

expectReferenceFacts(pciIrqAffinityAgent, {
  releaseName: 'osh-openstack-pci-irq-affinity-agent',
  chartGroup: 'openstack-pci-irq-affinity-agent',
  chart: 'pci-irq-affinity-agent',
  dependsOn: ['nova'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

describe('pci-irq-affinity-agent (§3.16)', () => {
  test("given any system, when computed, then identity and rabbit sit under conf.endpoints with nova's rabbit account", () => {
    const v = pciIrqAffinityAgentValues(aioSimplex());
    expect(Object.keys(v)).toEqual(['conf']);
    expect(Object.keys(at(v, 'conf.endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'pci-irq-affinity-agent']);
    expect(credentialAt(v, 'conf.endpoints.identity.auth.pci-irq-affinity-agent.password')).toBe('user-password.pci-irq-affinity-agent');
    expect(at(v, 'conf.endpoints.rabbit.rabbit_userid')).toBe('nova-rabbitmq-user');
    expect(credentialAt(v, 'conf.endpoints.rabbit.rabbit_password')).toBe('rabbit-password.nova');
  });

  test('given https, when computed, then identity entries carry the CA', () => {
    const v = pciIrqAffinityAgentValues(aioSimplex({ https: HTTPS }));
    expect(at(v, 'conf.endpoints.identity.auth.admin.cacert')).toBe(CA);
  });
});
