/**
 * garbd (docs/system-values.md §3.2): the assertions about this release's values and objects.
 */
import { garbd } from '../../releases/garbd';
import { releaseValues, standard } from '../support/fixtures';

const garbdValues = releaseValues(garbd);

describe('garbd, memcached, nginx-ports-control, openvswitch', () => {
  it('given any profile, when computing garbd, then there are no system values', () => {
    expect(garbdValues(standard())).toEqual({});
  });
});
