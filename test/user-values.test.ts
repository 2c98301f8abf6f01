/**
 * User values are checked at synth: one that would overwrite a routed credential is an error, and
 * keys that neither the static nor the system values have are listed in the summary (a typo such
 * as DEFALT is seen before Helm silently ignores it).
 */
import { resolveInput } from '../lib/deployment/app';
import { aioSimplex } from './support/profiles';

describe('user values', () => {
  test('fails when a user value sets the path of a routed credential, naming the path and the fix', () => {
    const input = aioSimplex({ userOverrides: { nova: { endpoints: { oslo_db: { auth: { nova: { password: 'plain' } } } } } } });
    expect(() => resolveInput(input, 'p.yaml')).toThrow(
      'p.yaml: userOverrides.nova.endpoints.oslo_db.auth.nova.password: sets the value of the credential "db-password.nova", which comes from its Secret; change it there',
    );
  });

  test('accepts user values beside a credential (same parent, other key)', () => {
    const input = aioSimplex({ userOverrides: { nova: { endpoints: { oslo_db: { auth: { nova: { username: 'nova2' } } } } } } });
    expect(() => resolveInput(input, 'p.yaml')).not.toThrow();
  });

  test('lists keys that no layer below has, first missing key of each branch', () => {
    const input = aioSimplex({
      userOverrides: {
        nova: { conf: { nova: { DEFALT: { cpu_allocation_ratio: 2 }, DEFAULT: { cpu_allocation_ratio: 2 } } }, brandnew: 1 },
      },
    });
    const { notes } = resolveInput(input, 'p.yaml');
    expect(notes).toContain(
      "nova: user values add keys the chart's static and system values do not have (a typo?): conf.nova.DEFALT, brandnew",
    );
  });

  test('lists nothing when every user key exists below', () => {
    const input = aioSimplex({ userOverrides: { nova: { conf: { nova: { DEFAULT: { cpu_allocation_ratio: 2 } } } } } });
    expect(resolveInput(input, 'p.yaml').notes.filter((n) => n.startsWith('nova:'))).toStrictEqual([]);
  });
});
