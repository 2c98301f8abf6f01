/**
 * `credentials <inventory>` (issue 18, item 2): every subcloud gets its own Secret in the folder
 * its Flux entry point reads (`./credentials/<subcloud>`), never values shared with another;
 * `inventory/subcloud` or a unique subcloud name picks one.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultProfileLocations } from '../lib/deployment/app';
import { defaultFleetLocations } from '../lib/deployment/fleet';
import { runCredentials } from '../lib/commands/credentials';
import { parseYaml12 } from '../lib/engine/yaml';
import { resolveTargets } from '../scripts/credentials';
import { runBin } from './support/bin';

const profiles = defaultProfileLocations();
const fleets = defaultFleetLocations();
const fleet = resolveTargets('sample', profiles, fleets);

describe('credentials of a fleet', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-fleet-creds-'));
    fs.mkdirSync(path.join(tmp, 'dist'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('an inventory names every subcloud of deployments/fleets/sample.yaml', () => {
    const inventory = parseYaml12(fs.readFileSync(path.join(fleets[0], 'sample.yaml'), 'utf8'))[0] as {
      subclouds: Array<{ name: string }>;
    };
    expect(fleet.map((t) => t.shown)).toStrictEqual(inventory.subclouds.map((s) => `sample/${s.name}`));
  });

  test('one run writes each subcloud its own values, where its credentials entry point points Flux', async () => {
    const seen = new Map<string, string>();
    for (const { deployment } of fleet) {
      const name = deployment.profile.name;
      await runCredentials({ deployment, dir: path.join(tmp, 'credentials', name), generatedRoot: path.join(tmp, 'dist') });
      // The subcloud's entry points are one file; its credentials Kustomization is one of its documents.
      const entry = (
        parseYaml12(fs.readFileSync(path.join('dist', 'fleet', 'sample', 'clusters', name, `${name}.yaml`), 'utf8')) as Array<{
          metadata: { name: string };
          spec: { path: string };
        }>
      ).find((d) => d.metadata.name === `${name}-credentials`)!;
      expect(entry.spec.path).toBe(`./credentials/${name}`);
      const files = fs.readdirSync(path.join(tmp, entry.spec.path)).filter((f) => f !== 'kustomization.yaml');
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const doc = parseYaml12(fs.readFileSync(path.join(tmp, entry.spec.path, file), 'utf8'))[0] as {
          metadata: { name: string };
          stringData: Record<string, string>;
        };
        expect(doc.metadata.name).toBe(deployment.credentialSources.values().next().value!.name);
        // Generated values (not those derived from another, like notification URLs) are never shared.
        for (const [key, value] of Object.entries(doc.stringData).filter(([k]) => !k.startsWith('notification-url.'))) {
          expect(seen.get(value)).toBeUndefined();
          seen.set(value, `${name}/${key}`);
        }
      }
    }
    // subcloud3 moves its credentials to its own Secret name.
    expect(fs.readdirSync(path.join(tmp, 'credentials', 'subcloud3'))).toContain('subcloud3-credentials.yaml');
  });

  test.each([['sample/subcloud2'], ['subcloud2']])('%s is that subcloud alone', (name) => {
    expect(resolveTargets(name, profiles, fleets).map((t) => [t.shown, t.deployment.profile.name])).toStrictEqual([
      ['sample/subcloud2', 'subcloud2'],
    ]);
  });

  test.each([
    ['subcloud9', /no site, inventory or subcloud named "subcloud9" \(did you mean .*sample\/subcloud1/],
    ['sampel', /did you mean sample/],
  ])('%s is refused with the closest names', (name, message) => {
    expect(() => resolveTargets(name, profiles, fleets)).toThrow(message);
  });

  test('the command on an inventory writes every subcloud in one run, or none when one refuses', () => {
    const out = path.join(tmp, 'cli');
    const run = (...args: string[]) => runBin(['credentials', 'sample', '--out', out, ...args]);
    // subcloud2 disables aodh: rotating its password is refused there, before subcloud1 is written.
    const refused = run('--rotate', 'db-password.aodh');
    expect(refused.stderr).toMatch(
      /sample\/subcloud2: --rotate: no credential of subcloud2 has the id "db-password.aodh".*\(no subcloud was written\)/,
    );
    expect(refused.status).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
    const ok = run();
    expect(ok.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toStrictEqual(fleet.map((t) => t.deployment.profile.name).sort());
  });
});
