/**
 * garbd (docs/system-values.md §3.2): the assertions about this release's values and objects.
 */
import { garbd } from '../../releases/garbd';
import { aioDuplex, aioSimplex, controller, enablementOf, releaseValues, standard, systemController, worker } from '../support/fixtures';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const garbdValues = releaseValues(garbd);

expectReferenceFacts(garbd, {
  releaseName: 'osh-openstack-garbd',
  chartGroup: 'openstack-garbd',
  chart: 'garbd',
  dependsOn: ['mariadb'],
  install: true,
  disableWait: false,
  enabledByDefault: true,
});

describe('garbd, memcached, nginx-ports-control, openvswitch', () => {
  it('given any profile, when computing garbd, then there are no system values', () => {
    expect(garbdValues(standard())).toEqual({});
  });
});

describe('garbd enablement (spec §4.1)', () => {
  test('S02: given a Standard system with two control-plane hosts, then garbd runs', () => {
    expect(enablementOf(garbd, standard())).toEqual({ on: true });
  });

  test('given AIO-SX, AIO-DX or a Standard system with one control-plane host, then garbd is off, AIO duplex saying so (§6-8)', () => {
    expect(enablementOf(garbd, aioSimplex()).on).toBe(false);
    expect(enablementOf(garbd, aioDuplex())).toEqual({ on: false, reason: expect.stringContaining('§6-8') });
    const oneControlPlane = standard(2, { hosts: [controller(0, false), controller(1, false, { labels: {} }), worker(0), worker(1)] });
    expect(enablementOf(garbd, oneControlPlane).on).toBe(false);
  });

  test('given a system controller, then garbd runs even when the app does not ask for it', () => {
    expect(enablementOf(garbd, systemController(), false)).toEqual({ on: true });
  });

  test('given a Standard system where the app does not ask for garbd, then it is off', () => {
    expect(enablementOf(garbd, standard(), false).on).toBe(false);
  });
});
