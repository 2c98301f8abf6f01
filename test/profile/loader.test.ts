import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveLoaded } from '../../lib/deployment/app';
import { loadInventory, profileInputs, resolveSubcloud } from '../../lib/deployment/fleet';
import { formatPath, loadProfile, parsePath, ProfileError, readProfileInput } from '../../lib/profile/loader';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loader-'));
const PROFILE = [
  'name: pos',
  'system:',
  '  type: aio',
  '  mode: simplex',
  '  virtual: yes',
  'network:',
  '  clusterHost: { floatingAddress: 192.168.206.1 }',
  '  oam: { floatingAddress: 10.0.0.300 }',
  'hosts:',
  '  - hostname: controller-0',
  '    personality: controler',
  '    labelz: {}',
  'storage: {}',
  '',
].join('\n');

/** Given `text` in `file`, when `read` reads it, the lines of the ProfileError, from the file name on. */
function problemsOf(file: string, text: string, read: (file: string) => unknown = loadProfile): string[] {
  fs.writeFileSync(path.join(dir, file), text);
  try {
    read(path.join(dir, file));
  } catch (error) {
    if (error instanceof ProfileError) return error.message.split('\n').map((line) => line.slice(line.indexOf(file)));
    throw error;
  }
  throw new Error('expected a ProfileError');
}

describe('a field error of a YAML or JSON profile names file:line:col', () => {
  it('points at the wrong value, an unknown key, and a missing field at its mapping', () => {
    expect(problemsOf('pos.yaml', PROFILE)).toEqual([
      'pos.yaml:5:12: system.virtual: Invalid input: expected boolean, received string (got "yes")',
      'pos.yaml:8:27: network.oam.floatingAddress: expected an IPv4 or IPv6 address (got "10.0.0.300")',
      'pos.yaml:11:18: hosts[0].personality: Invalid option: expected one of "controller"|"worker"|"storage" (got "controler")',
      expect.stringMatching(/^pos\.yaml:12:13: hosts\[0\]\.labelz: unknown field \(did you mean "labels"\?/),
    ]);
    // a required field that is absent: the position of the mapping that lacks it
    expect(problemsOf('missing.yaml', PROFILE.replace('  type: aio\n', ''))).toContain(
      'missing.yaml:3:3: system.type: required field missing (expected one of "aio"|"standard") (got nothing)',
    );
  });

  it('in a JSON profile too', () => {
    const json = '{\n  "name": "pos",\n  "system": { "type": "aio", "mode": "triplex" }\n}\n';
    expect(problemsOf('pos.json', json)).toContain(
      'pos.json:3:38: system.mode: Invalid option: expected one of "simplex"|"duplex"|"duplex-direct" (got "triplex")',
    );
  });

  it('a TypeScript profile has no text positions: file: field', () => {
    const problems = problemsOf('pos.ts', 'export default { name: "pos", system: { type: "aio", mode: "triplex" } };\n');
    expect(problems).toContain('pos.ts: system.mode: Invalid option: expected one of "simplex"|"duplex"|"duplex-direct" (got "triplex")');
  });
});

describe('a rule problem of a YAML profile names file:line:col of its field', () => {
  const ruleProblems = (file: string, text: string) => problemsOf(file, text, (f) => resolveLoaded(loadProfile(f)));
  const VALID = PROFILE.replace('  virtual: yes\n', '')
    .replace('10.0.0.300', '10.0.0.3')
    .replace('    personality: controler\n    labelz: {}\n', '    personality: controller\n');

  it('a rule of the profile (duplicate host name) points at the field', () => {
    const text = VALID.replace('storage: {}\n', '  - hostname: controller-0\n    personality: controller\nstorage: {}\n');
    expect(ruleProblems('rules.yaml', text)).toContain(
      'rules.yaml:11:15: hosts[1].hostname: duplicate host name "controller-0" (also hosts[0]; expected unique names)',
    );
  });

  it('a dependsOn onto a release the profile disables points at that release in charts.enabled', () => {
    const problems = ruleProblems('charts.yaml', `${VALID}charts: { enabled: { keystone: false } }\n`);
    expect(problems).toContain(
      'charts.yaml:12:32: charts.enabled.keystone: release "glance" depends on "keystone", which is disabled (enable "keystone", disable "glance", or set charts.repairDependsOn: true)',
    );
    // a rule about a whole list points at the list
    expect(problems).toContain(
      'charts.yaml:9:3: hosts: no compute host (expected a provisioned host with the worker function labelled openstack-compute-node=enabled)',
    );
  });
});

describe('an inventory error names file:line:col', () => {
  const profiles = profileInputs([path.resolve(__dirname, '..', '..', 'deployments', 'aio-sx-subcloud.yaml')]);
  const INVENTORY = [
    'subclouds:',
    '  - name: subcloud1',
    '    extends: aio-sx-subcloud',
    '    system: { regionName: subcloud1 }',
    '    network: { oam: { floatingAddress: 10.30.1.2 } }',
    '  - name: subcloud2',
    '    extends: aio-sx-subcloud',
    '    system: { regionName: subcloud2 }',
    '    network:',
    '      oam:',
    '        floatingAddress: 10.30.2.300',
    '',
  ].join('\n');

  const inventoryProblems = (file: string, text: string) =>
    problemsOf(file, text, (f) => loadInventory(f, profiles).subclouds.forEach((site) => resolveSubcloud(site)));

  it('a field of a subcloud: the inventory file, the position, the subcloud, the field of its profile', () => {
    expect(inventoryProblems('east.yaml', INVENTORY)).toEqual([
      'east.yaml:11:26: subclouds[1] (subcloud2): network.oam.floatingAddress: expected an IPv4 or IPv6 address (got "10.30.2.300")',
    ]);
  });

  it('a field the subcloud inherits: the position of its entry', () => {
    // sc2 keeps the region of its profile (subcloud1), which sc1 has too
    expect(
      inventoryProblems(
        'regions.yaml',
        INVENTORY.replace('    system: { regionName: subcloud2 }\n', '').replace('10.30.2.300', '10.30.2.3'),
      ),
    ).toEqual([
      'regions.yaml:6:5: subclouds[1].system.regionName: subclouds "subcloud1" and "subcloud2" are both in region "subcloud1" (expected one region per subcloud)',
    ]);
  });

  it('an unknown field of the inventory, with the fields of a subcloud to choose from', () => {
    const [problem] = inventoryProblems('typo.yaml', INVENTORY.replace('    network:\n', '    networks:\n'));
    expect(problem).toMatch(
      /^typo\.yaml:10:7: subclouds\[1\]\.networks: unknown field \(did you mean "network"\? expected one of "name", "extends", /,
    );
  });

  it('a nested field of a subcloud that its profile does not know: the profile schema names the fields, the position is in the inventory', () => {
    const [problem] = inventoryProblems(
      'nested.yaml',
      INVENTORY.replace('{ regionName: subcloud1 }', '{ regionNam: subcloud1 }').replace('10.30.2.300', '10.30.2.3'),
    );
    expect(problem).toMatch(
      /^nested\.yaml:4:26: subclouds\[0\] \(subcloud1\): system\.regionNam: unknown field \(did you mean "regionName"\?/,
    );
  });

  it('in a JSON inventory too', () => {
    const json = JSON.stringify(
      {
        subclouds: [
          { name: 'sc1', extends: 'aio-sx-subcloud', system: { regionName: 'sc1' }, network: { oam: { floatingAddress: '10.0.0.300' } } },
        ],
      },
      null,
      2,
    );
    expect(inventoryProblems('east.json', json)).toEqual([
      'east.json:11:30: subclouds[0] (sc1): network.oam.floatingAddress: expected an IPv4 or IPv6 address (got "10.0.0.300")',
    ]);
  });

  it('a TypeScript inventory has no text positions: file: subcloud: field', () => {
    const ts = `export default { subclouds: [{ name: 'sc1', extends: 'aio-sx-subcloud', system: { regionName: 'sc1' }, network: { oam: { floatingAddress: '10.0.0.300' } } }] };\n`;
    expect(inventoryProblems('east.ts', ts)).toEqual([
      'east.ts: subclouds[0] (sc1): network.oam.floatingAddress: expected an IPv4 or IPv6 address (got "10.0.0.300")',
    ]);
  });
});

describe('parsePath reads back what formatPath writes', () => {
  it.each([[['hosts', 1, 'labels']], [['storage', 'esb', 0, 'secretRef', 'keys']], [['charts', 'enabled', 'ceph-rgw']], [['name']]])(
    '%j',
    (segments) => {
      expect(parsePath(formatPath(segments))).toEqual(segments);
    },
  );

  it('takes no other text for a path', () => {
    expect(parsePath('(profile)')).toBeUndefined();
    expect(parsePath('release "nova" depends on x')).toBeUndefined();
    expect(parsePath('')).toBeUndefined();
  });
});

describe('a profile file read again', () => {
  test.each(['yaml', 'json'])(
    '%s: the same text gives the input read before; an edit is read anew; a bad edit is refused, not answered from before',
    (ext) => {
      const file = path.join(dir, `again.${ext}`);
      const write = (mtu: number) =>
        fs.writeFileSync(file, ext === 'json' ? JSON.stringify({ name: 'again', mtu }) : `name: again\nmtu: ${mtu}\n`);
      write(1500);
      const first = readProfileInput(file).input;
      expect(first).toStrictEqual({ name: 'again', mtu: 1500 });
      expect(readProfileInput(file).input).toBe(first);
      write(9000);
      expect(readProfileInput(file).input).toStrictEqual({ name: 'again', mtu: 9000 });
      fs.writeFileSync(file, ext === 'json' ? '{"name": "again", "name": "twice"}' : 'name: again\nname: twice\n');
      expect(() => readProfileInput(file)).toThrow(/appears twice/);
    },
  );
});
