/**
 * New credentials announced (issue 18 item 3): synth, diff and validate say, per site, which
 * credentials the enabled releases read that credentials/<site>/ lacks; validate checks that folder.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runDiff } from '../lib/commands/diff';
import { runSynth } from '../lib/commands/synth';
import { toYamlFile } from '../lib/engine/yaml';
import { announceMissing, credentialNeeds, missingCredentials, readCredentialFolder } from '../lib/validate/credential-needs';
import { validateStack } from '../lib/validate/validate';
import { filesBelow } from './support/tree-snapshot';

const ROOT = path.resolve(__dirname, '..');
const PROFILE = fs.readFileSync(path.join(ROOT, 'deployments', 'aio-sx.yaml'), 'utf8');

let tmp: string;
/** The synth of aio-sx as it ships (`off`) and with barbican enabled (`on`), each in its own repository. */
const repos: Record<'off' | 'on', string> = { off: '', on: '' };

function synthInto(repo: string, profileText: string): void {
  fs.mkdirSync(repo, { recursive: true });
  const profile = path.join(repo, 'aio-sx.yaml');
  fs.writeFileSync(profile, profileText);
  const result = runSynth({ outdir: path.join(repo, 'dist'), profiles: [profile], fleets: [] });
  expect(result).toMatchObject({ code: 0 });
}

const withBarbican = (text: string) => `${text.trimEnd()}\ncharts: { enabled: { barbican: true } }\n`;

/** A credentials folder holding a plain Secret with exactly the keys the off tree reads. */
function credentialsFor(repo: string, from: string, extra: Record<string, string> = {}): string {
  const dir = path.join(repo, 'credentials', 'aio-sx');
  fs.mkdirSync(dir, { recursive: true });
  const needs = credentialNeeds(filesBelow(path.join(from, 'dist', 'aio-sx')));
  const stringData = Object.fromEntries(needs.map((n) => [n.key, 'x']));
  fs.writeFileSync(
    path.join(dir, 'stx-openstack-credentials.yaml'),
    toYamlFile([{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'stx-openstack-credentials', namespace: 'openstack' }, stringData }]),
  );
  fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - stx-openstack-credentials.sops.yaml\n');
  for (const [f, t] of Object.entries(extra)) fs.writeFileSync(path.join(dir, f), t);
  return dir;
}

/** The synth that enables barbican in a repository whose credentials folder holds what the off tree reads. */
let enabling: ReturnType<typeof runSynth>;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'credential-needs-'));
  repos.off = path.join(tmp, 'off');
  synthInto(repos.off, PROFILE);
  // The on tree is the synth that enables barbican over a copy of the off tree (a synth is
  // deterministic: the copy is what a synth of the off profile writes), credentials folder beside it.
  repos.on = path.join(tmp, 'on');
  fs.cpSync(path.join(repos.off, 'dist'), path.join(repos.on, 'dist'), { recursive: true });
  credentialsFor(repos.on, repos.off);
  const profile = path.join(repos.on, 'aio-sx.yaml');
  fs.writeFileSync(profile, withBarbican(PROFILE));
  enabling = runSynth({ outdir: path.join(repos.on, 'dist'), profiles: [profile], fleets: [] });
}, 120_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the credentials a site needs', () => {
  it('are the out-of-tree Secret keys its HelmReleases read; barbican adds its values document', () => {
    const off = credentialNeeds(filesBelow(path.join(repos.off, 'dist', 'aio-sx')));
    const on = credentialNeeds(filesBelow(path.join(repos.on, 'dist', 'aio-sx')));
    expect(off.length).toBeGreaterThan(15);
    expect(off.every((n) => n.secret === 'stx-openstack-credentials')).toBe(true);
    const added = on.filter((n) => !off.some((o) => o.key === n.key));
    expect(added.map((n) => n.key)).toEqual(['helm-values.barbican.yaml']);
    expect(added.every((n) => n.releases.includes('barbican'))).toBe(true);
    const lines = announceMissing('aio-sx', added, 'credentials/aio-sx/');
    expect(lines).toEqual([
      expect.stringMatching(
        /^aio-sx: enabling barbican needs its credentials values document that credentials\/aio-sx\/ lacks \(stx-openstack-credentials: helm-values\.barbican\.yaml\): run `npm run credentials -- aio-sx`$/,
      ),
    ]);
  });

  it('an encrypted file counts by its keys, which SOPS leaves readable', () => {
    const dir = path.join(tmp, 'sops');
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, 's.sops.yaml'),
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  a: ENC[AES256_GCM,data:xx,iv:yy,tag:zz,type:str]\nsops:\n  mac: ENC[x]\n',
    );
    const folder = readCredentialFolder(dir);
    expect(folder.secrets.get('s')).toEqual([{ file: path.join(dir, 's.sops.yaml'), keys: new Set(['a']), encrypted: true }]);
    const needs = [
      { secret: 's', key: 'a', releases: ['r'] },
      { secret: 's', key: 'b', releases: ['r'] },
    ];
    expect(missingCredentials(needs, folder).map((n) => n.key)).toEqual(['b']);
  });
});

describe('synth, diff and validate announce what enabling a release needs', () => {
  it('synth: each release that needs credentials the folder lacks, with the command to run', () => {
    expect(enabling.code).toBe(0);
    const announced = enabling.messages.filter((m) => m.includes('enabling'));
    expect(announced).toEqual([
      expect.stringMatching(
        /aio-sx: enabling barbican needs its credentials values document that credentials\/aio-sx\/ lacks .*npm run credentials -- aio-sx/,
      ),
    ]);
  });

  it('diff: the change that enables barbican names its credentials values document; none once the folder holds them', () => {
    const repo = path.join(tmp, 'diff');
    fs.cpSync(path.join(repos.off, 'dist'), path.join(repo, 'dist'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'off');
    fs.rmSync(path.join(repo, 'dist'), { recursive: true });
    fs.cpSync(path.join(repos.on, 'dist'), path.join(repo, 'dist'), { recursive: true });
    const result = runDiff({ cwd: repo, stack: 'aio-sx' });
    expect(result.code).toBe(1);
    expect(result.credentials).toEqual([expect.stringMatching(/^aio-sx: enabling barbican needs its credentials values document/)]);
    expect(result.text).toContain('\n## credentials\n  aio-sx: enabling barbican needs its credentials values document');
    credentialsFor(repo, repos.on);
    expect(runDiff({ cwd: repo, stack: 'aio-sx' }).credentials).toEqual([]);
  }, 60_000);

  it('validate: the folder lists a file not made yet, a plain file not encrypted yet, a tracked plaintext Secret, a missing key', () => {
    const repo = path.join(tmp, 'validate');
    fs.cpSync(path.join(repos.on, 'dist'), path.join(repo, 'dist'), { recursive: true });
    const stack = path.join(repo, 'dist', 'aio-sx');
    // No credentials/ at all: the first install has not started, nothing to check.
    expect(validateStack(stack, { kustomize: false }).problems).toEqual([]);
    fs.mkdirSync(path.join(repo, 'credentials'));
    expect(validateStack(stack, { kustomize: false }).problems).toEqual([
      expect.stringMatching(
        /^credentials\/aio-sx\/: \(credentials\): missing: its releases read \d+ credentials: run `npm run credentials -- aio-sx`/,
      ),
    ]);
    const dir = credentialsFor(repo, repos.off);
    fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - stx-openstack-credentials.sops.yaml\n  - tls.sops.yaml\n');
    execFileSync('git', ['init', '-q'], { cwd: repo });
    execFileSync('git', ['add', 'credentials/aio-sx/stx-openstack-credentials.yaml'], { cwd: repo });
    const problems = validateStack(stack, { kustomize: false }).problems;
    expect(problems).toEqual([
      expect.stringMatching(
        /^credentials\/aio-sx\/stx-openstack-credentials\.sops\.yaml: \(credentials\): not encrypted yet: stx-openstack-credentials\.yaml holds the values/,
      ),
      expect.stringMatching(/^credentials\/aio-sx\/tls\.sops\.yaml: \(credentials\): listed by kustomization\.yaml but not created yet/),
      expect.stringMatching(/^credentials\/aio-sx\/stx-openstack-credentials\.yaml: \(credentials\): a plaintext Secret tracked by git/),
      expect.stringMatching(
        /^credentials\/aio-sx\/: \(credentials\): enabling barbican needs its credentials values document that credentials\/aio-sx\/ lacks/,
      ),
    ]);
  }, 60_000);
});
