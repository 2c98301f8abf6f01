import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadProfile, ProfileError } from '../../lib/profile/loader';

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

function problemsOf(file: string, text: string): string[] {
  fs.writeFileSync(path.join(dir, file), text);
  try {
    loadProfile(path.join(dir, file));
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
    expect(problemsOf('missing.yaml', PROFILE.replace('  type: aio\n', ''))).toContain('missing.yaml:3:3: system.type: required field missing (expected one of "aio"|"standard") (got nothing)');
  });

  it('in a JSON profile too', () => {
    const json = '{\n  "name": "pos",\n  "system": { "type": "aio", "mode": "triplex" }\n}\n';
    expect(problemsOf('pos.json', json)).toContain('pos.json:3:38: system.mode: Invalid option: expected one of "simplex"|"duplex"|"duplex-direct" (got "triplex")');
  });

  it('a TypeScript profile has no text positions: file: field', () => {
    const problems = problemsOf('pos.ts', 'export default { name: "pos", system: { type: "aio", mode: "triplex" } };\n');
    expect(problems).toContain('pos.ts: system.mode: Invalid option: expected one of "simplex"|"duplex"|"duplex-direct" (got "triplex")');
  });
});
