/**
 * Fleets (deployments/fleets/*.yaml -> dist/fleet/<inventory>/): inventory errors, inheritance,
 * each overlay equal to the standalone stack of its merged profile (our own rebuild always;
 * `kubectl kustomize`, object by object, where kubectl exists), and a one-subcloud change
 * rewriting only that subcloud's files.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { defaultFleetLocations, loadInventory, profileInputs, renderFleet, resolveSubcloud } from '../lib/deployment/fleet';
import { deploymentStack } from '../lib/deployment/stack';
import { fleetSites, materializeSite } from '../lib/engine/fleet';
import { outputFiles } from '../lib/engine/files';
import { parseYaml12 } from '../lib/engine/yaml';
import { runSynth } from '../lib/commands/synth';
import { kubectlAvailable } from '../lib/validate/validate';

const ROOT = path.resolve(__dirname, '..');
const SAMPLE = path.join(ROOT, 'deployments', 'fleets', 'sample.yaml');
const profiles = profileInputs([path.join(ROOT, 'deployments')]);

function tmpInventory(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-'));
  const file = path.join(dir, 'east.yaml');
  fs.writeFileSync(file, text);
  return file;
}

const sample = loadInventory(SAMPLE, profiles);
const fleet = renderFleet(sample);

function standalone(label: string): Map<string, string> {
  const deployment = resolveSubcloud(sample.subclouds.find((s) => s.label.includes(`(${label})`))!);
  return new Map(outputFiles(deploymentStack(new App(), deployment)).map((f) => [f.path, f.render()]));
}

describe('inventory', () => {
  test('an error names the inventory file, the subcloud and the field', () => {
    const file = tmpInventory(`subclouds:
  - { name: sc1, extends: aio-sx-subcloud }
  - { name: sc2, extends: aio-sx-subcloud, system: { regionName: sc2 }, network: { oam: { floatingAddress: 10.0.0.300 } } }
`);
    const inv = loadInventory(file, profiles);
    expect(() => renderFleet(inv)).toThrow(
      /east\.yaml:3:108: subclouds\[1\] \(sc2\): network\.oam\.floatingAddress: expected an IPv4 or IPv6 address/,
    );
  });

  test('unknown profile, duplicate name and unknown field are refused with their place', () => {
    const file = tmpInventory(`subclouds:
  - { name: sc1, extends: nope }
  - { name: sc1, extends: aio-sx-subcloud }
`);
    expect(() => loadInventory(file, profiles)).toThrow(
      /subclouds\[0\]\.extends: no profile named "nope"[\s\S]*subclouds\[1\]\.name: duplicate subcloud "sc1"/,
    );
    const bad = tmpInventory('subclouds:\n  - { name: sc1, extends: aio-sx-subcloud, hostz: [] }\n');
    expect(() => loadInventory(bad, profiles)).toThrow(/east\.yaml:2:51: subclouds\[0\]\.hostz: unknown field \(did you mean "hosts"\?/);
  });

  test('a real subcloud, named and regioned as distributed cloud names new subclouds (32 hexadecimal characters), resolves', () => {
    const region = '2ec93dfb654846909efe61d1b39dd2ce';
    const file = tmpInventory(`subclouds:\n  - { name: ${region}, extends: aio-sx-subcloud, system: { regionName: ${region} } }\n`);
    const [site] = loadInventory(file, profiles).subclouds;
    const deployment = resolveSubcloud(site);
    expect(deployment.profile.name).toBe(region);
    expect(deployment.profile.system.regionName).toBe(region);
  });

  test('inheritance is a deep merge with lists replaced', () => {
    const sc2 = resolveSubcloud(sample.subclouds[1]).profile;
    expect(sc2.name).toBe('subcloud2');
    expect(sc2.system.regionName).toBe('subcloud2');
    expect(sc2.system.distributedCloudRole).toBe('subcloud'); // kept from aio-sx-subcloud
    expect(sc2.network.oam.floatingAddress).toBe('10.30.2.2');
    expect(sc2.network.clusterHost.floatingAddress).toBe('192.168.206.1');
    expect(sc2.datanetworks).toEqual([{ name: 'physnet0', type: 'vlan', mtu: 9000 }]);
  });
});

describe('overlay equals standalone', () => {
  const parsed = (files: ReadonlyMap<string, string>) =>
    new Map(
      [...files]
        .filter(([f]) => !['README.md', 'metadata.yaml'].includes(f))
        .map(([f, t]) => [f, f.endsWith('.yaml') ? parseYaml12(t, f) : t]),
    );

  test.each(['subcloud1', 'subcloud2', 'subcloud3'])(
    '%s: the fleet folder rebuilds its standalone stack file by file (our check)',
    (site) => {
      expect(parsed(materializeSite(fleet.files, site))).toEqual(parsed(standalone(site)));
    },
  );

  test('shared parts are written once: static values only under base/<profile>/', () => {
    expect(fleetSites(fleet.files)).toEqual(['subcloud1', 'subcloud2', 'subcloud3']);
    const statics = [...fleet.files.keys()].filter((f) => f.endsWith('-static-overrides.yaml'));
    expect(statics.length).toBeGreaterThan(0);
    expect(statics.every((f) => f.startsWith('base/aio-sx-subcloud/'))).toBe(true);
  });

  test('a subcloud is one kustomization and one file of entry points', () => {
    for (const site of ['subcloud1', 'subcloud2', 'subcloud3']) {
      expect([...fleet.files.keys()].filter((f) => f.startsWith(`${site}/`) || f.startsWith(`clusters/${site}/`))).toEqual(
        [`${site}/kustomization.yaml`, `clusters/${site}/${site}.yaml`].sort(),
      );
    }
    const sc2 = parseYaml12(fleet.files.get('subcloud2/kustomization.yaml')!, 'sc2')[0] as {
      secretGenerator: Array<{ name: string; behavior?: string }>;
      patches: Array<{ target: { name: string } }>;
    };
    // the values that differ replace the base's; the user values are new; nova's HelmRelease reads them.
    expect(sc2.secretGenerator.find((g) => g.name === 'nova-system-overrides')?.behavior).toBe('replace');
    expect(sc2.secretGenerator.find((g) => g.name === 'nova-user-overrides')?.behavior).toBeUndefined();
    expect(sc2.patches.map((p) => p.target.name)).toContain('nova');
    const entry = parseYaml12(fleet.files.get('clusters/subcloud2/subcloud2.yaml')!, 'entry') as Array<{
      metadata: { name: string };
      spec: { path: string };
    }>;
    expect(entry.map((d) => [d.metadata.name, d.spec.path])).toEqual([
      ['subcloud2-namespace', './dist/fleet/sample/base/aio-sx-subcloud/namespace'],
      ['subcloud2-credentials', './credentials/subcloud2'],
      ['subcloud2-openstack', './dist/fleet/sample/subcloud2'],
    ]);
  });

  const kubectl = kubectlAvailable();
  if (!kubectl)
    console.warn(
      'fleet.test: kubectl not found; the object-by-object kubectl kustomize comparison is skipped (our own rebuild check above still runs)',
    );
  (kubectl ? test : test.skip)('kubectl kustomize of each overlay gives the objects of the standalone stack', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-kz-'));
    const write = (root: string, files: ReadonlyMap<string, string>) => {
      for (const [f, t] of files) {
        fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
        fs.writeFileSync(path.join(root, f), t);
      }
    };
    write(path.join(dir, 'fleet'), fleet.files);
    const objects = (folder: string) => {
      const run = spawnSync('kubectl', ['kustomize', folder], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(run.stderr).toBe('');
      const docs = parseYaml12(run.stdout, folder) as Array<{ kind: string; metadata: { name: string } }>;
      return new Map(docs.map((d) => [`${d.kind}/${d.metadata.name}`, d]));
    };
    const compare = (root: string, files: ReadonlyMap<string, string>, site: string, alone: ReadonlyMap<string, string>) => {
      write(path.join(root, 'alone', site), alone);
      expect(materializeSite(files, site).size).toBeGreaterThan(0);
      const fromFleet = objects(path.join(root, 'fleet', site));
      const standaloneObjects = objects(path.join(root, 'alone', site));
      expect([...fromFleet.keys()].sort()).toEqual([...standaloneObjects.keys()].sort());
      for (const [key, object] of standaloneObjects) expect([key, fromFleet.get(key)]).toEqual([key, object]);
      return fromFleet;
    };
    for (const site of ['subcloud2', 'subcloud3']) compare(dir, fleet.files, site, standalone(site));
    // stx.11: Secrets get content-hash names, which kustomize computes at the top, after the
    // subcloud's values replaced the base's, and follows into the HelmRelease (nameReference).
    const profiles11 = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-sx11-'));
    fs.writeFileSync(
      path.join(profiles11, 'sx11.yaml'),
      fs.readFileSync(path.join(ROOT, 'deployments', 'aio-sx-subcloud.yaml'), 'utf8').replace('name: aio-sx-subcloud', 'name: sx11') +
        'flux: { target: stx.11 }\n',
    );
    const inv11 = loadInventory(
      tmpInventory(`subclouds:
  - { name: sc11, extends: sx11, system: { regionName: sc11 }, network: { oam: { floatingAddress: 10.40.0.2 } }, userOverrides: { nova: { conf: { nova: { DEFAULT: { debug: true } } } } } }
`),
      profileInputs([profiles11]),
    );
    const fleet11 = renderFleet(inv11);
    write(path.join(dir, 'f11', 'fleet'), fleet11.files);
    expect(fleet11.files.get('sc11/kustomization.yaml')).toMatch(/behavior: replace/);
    const alone11 = new Map(outputFiles(deploymentStack(new App(), resolveSubcloud(inv11.subclouds[0]))).map((f) => [f.path, f.render()]));
    const objects11 = compare(path.join(dir, 'f11'), fleet11.files, 'sc11', alone11);
    expect([...objects11.keys()].some((k) => /^Secret\/nova-system-overrides-[a-z0-9]{10}$/.test(k))).toBe(true);
    fs.rmSync(profiles11, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('incremental', () => {
  test("a one-subcloud change rewrites only that subcloud's files", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-out-'));
    const inventory = path.join(out, 'fleets', 'east.yaml');
    fs.mkdirSync(path.dirname(inventory));
    const text = fs.readFileSync(SAMPLE, 'utf8');
    fs.writeFileSync(inventory, text);
    const target = path.join(out, 'dist');
    const synth = (told?: string, also: string[] = []) => {
      const r = runSynth({
        output: target,
        profiles: [...also, 'aio-sx-subcloud.yaml'].map((p) => path.join(ROOT, 'deployments', p)),
        fleets: [inventory],
      });
      expect(r.messages.join('\n')).toMatch(/fleet\/east/);
      if (told) expect(r.messages).toContain(`    ${told}`);
      // A partial synth names what it kept, and only that (not the folders it rewrote: clusters/, fleet/).
      if (also.length === 0)
        expect(r.messages.filter((m) => m.includes('kept as they were'))).toEqual([
          expect.stringMatching(/kept as they were: aio-sx, clusters\/aio-sx \(/),
        ]);
      expect(r.code).toBe(0);
    };
    const stamps = () => {
      const out = new Map<string, string>();
      const walk = (rel: string) => {
        for (const e of fs.readdirSync(path.join(target, rel), { withFileTypes: true })) {
          const child = path.join(rel, e.name);
          if (e.isDirectory()) walk(child);
          else {
            const st = fs.statSync(path.join(target, child));
            out.set(child, `${st.ino}:${st.mtimeMs}`);
          }
        }
      };
      walk('fleet/east');
      return out;
    };
    synth('3 of 3 subclouds rebuilt, 0 kept', ['aio-sx.yaml']);
    const before = stamps();
    fs.writeFileSync(inventory, text.replace('floatingAddress: 10.30.2.2', 'floatingAddress: 10.30.2.9'));
    synth('1 of 3 subclouds rebuilt, 2 kept');
    const after = stamps();
    const changed = [...after].filter(([f, s]) => before.get(f) !== s).map(([f]) => f);
    expect(changed).toEqual(['fleet/east/subcloud2/kustomization.yaml']);
    expect([...before.keys()].sort()).toEqual([...after.keys()].sort());
    expect(fs.readFileSync(path.join(target, changed[0]), 'utf8')).toContain('10.30.2.9');
    // Nothing changed: nothing rebuilt, nothing rewritten.
    synth('0 of 3 subclouds rebuilt, 3 kept');
    expect(stamps()).toEqual(after);
    // A kept file edited since (its stat differs) is rebuilt, not trusted.
    const edited = path.join(target, 'fleet/east/subcloud3/kustomization.yaml');
    const text3 = fs.readFileSync(edited, 'utf8');
    fs.writeFileSync(edited, text3.replace('subcloud3', 'subcloudX'));
    synth('1 of 3 subclouds rebuilt, 2 kept');
    expect(fs.readFileSync(edited, 'utf8')).toBe(text3);
    fs.rmSync(out, { recursive: true, force: true });
  });
});

describe('STX_FLEETS', () => {
  test('fails when it names an inventory that does not exist, instead of rendering no fleet', () => {
    const saved = process.env.STX_FLEETS;
    process.env.STX_FLEETS = '/nonexistent/east.yaml';
    try {
      expect(() => defaultFleetLocations()).toThrow('STX_FLEETS: /nonexistent/east.yaml: no such inventory file or folder');
    } finally {
      if (saved === undefined) delete process.env.STX_FLEETS;
      else process.env.STX_FLEETS = saved;
    }
  });
});
