/**
 * The credential lifecycle never loses an operator's data: a re-run keeps every value and every
 * key it does not know, an encrypted file is never rewritten nor read as values, rotation is
 * explicit and per credential, and nothing is written into the generated tree.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveInput } from '../lib/deployment/app';
import { runCredentials, CredentialsRequest } from '../lib/commands/credentials';
import { parseYaml12 } from '../lib/engine/yaml';
import { parseCredentialsArgs } from '../scripts/credentials';
import { aioSimplex } from './support/profiles';

const deployment = resolveInput(aioSimplex(), 'aio.yaml');
const SECRET = 'stx-openstack-credentials';

describe('npm run credentials, run after run', () => {
  let tmp: string;
  let dir: string;
  let request: CredentialsRequest;
  const secretFile = () => path.join(dir, `${SECRET}.yaml`);
  const stringData = () => (parseYaml12(fs.readFileSync(secretFile(), 'utf8'))[0] as { stringData: Record<string, string> }).stringData;
  // The credentials, without the release values documents built from them (tested in credential-documents.test.ts).
  const data = () => Object.fromEntries(Object.entries(stringData()).filter(([k]) => !k.startsWith('helm-values.')));
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-creds-'));
    dir = path.join(tmp, 'credentials', 'test-aio-sx');
    fs.mkdirSync(path.join(tmp, 'dist'));
    request = { deployment, dir, generatedRoot: path.join(tmp, 'dist'), sops: { configFile: path.join(tmp, '.sops.yaml') } };
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('a second run keeps every value and the keys added by hand, and says which it kept', async () => {
    await runCredentials(request);
    const first = data();
    const text = fs
      .readFileSync(secretFile(), 'utf8')
      .replace('stringData:\n', 'stringData:\n  ceph-glance-keyring: AQB-hand-added==\n  my-own-key: mine\n');
    fs.writeFileSync(secretFile(), text);
    const { lines } = await runCredentials(request);
    expect(data()).toStrictEqual({ ...first, 'ceph-glance-keyring': 'AQB-hand-added==', 'my-own-key': 'mine' });
    expect(lines).toContain('  kept keys this deployment does not read (added by hand?): my-own-key');
    // The glance keyring is read by the deployment but made by the storage backend: it says it has it.
    expect(lines).toContain('provided by you, kept: stx-openstack-credentials/ceph-glance-keyring (Ceph keyring from the storage backend)');
    expect(lines[0]).toMatch(/: \d+ values \(0 new, 0 rotated, \d+ kept\)$/);
  });

  test('keeps labels and annotations added to the Secret by hand', async () => {
    await runCredentials(request);
    fs.writeFileSync(
      secretFile(),
      fs.readFileSync(secretFile(), 'utf8').replace('  labels:\n', '  annotations:\n    team: ops\n  labels:\n'),
    );
    await runCredentials(request);
    const doc = parseYaml12(fs.readFileSync(secretFile(), 'utf8'))[0] as { metadata: { annotations: Record<string, string> } };
    expect(doc.metadata.annotations).toStrictEqual({ team: 'ops' });
  });

  test('fails when the file is SOPS-encrypted, rewrites nothing and uses no ciphertext', async () => {
    await runCredentials(request);
    const encrypted =
      fs
        .readFileSync(secretFile(), 'utf8')
        .replace(/^ {4,}.*\n/gm, '')
        .replace(/^( {2}[a-z].*?): .*$/gm, '$1: ENC[AES256_GCM,data:abc,iv:x,tag:y,type:str]') + 'sops:\n  version: 3.9.0\n';
    fs.writeFileSync(secretFile(), encrypted);
    await expect(runCredentials(request)).rejects.toThrow(
      /is encrypted with SOPS \(it has a sops: block\).*decrypt it first \(sops --decrypt --in-place .*\) or change values with sops edit\. Nothing was written/,
    );
    expect(fs.readFileSync(secretFile(), 'utf8')).toBe(encrypted);
  });

  test('fails when the values exist only encrypted, instead of making new ones', async () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, `${SECRET}.sops.yaml`),
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${SECRET}\nstringData:\n  admin-password: ENC[...]\nsops: {}\n`,
    );
    await expect(runCredentials(request)).rejects.toThrow(
      /exist only encrypted .*sops --decrypt .*\.sops\.yaml > .*stx-openstack-credentials\.yaml/,
    );
    expect(fs.existsSync(secretFile())).toBe(false);
  });

  test('rotates only the credentials named', async () => {
    await runCredentials(request);
    const first = data();
    const { lines } = await runCredentials({ ...request, rotate: new Set(['db-password.nova']) });
    const second = data();
    expect(second['db-password.nova']).not.toBe(first['db-password.nova']);
    expect({ ...second, 'db-password.nova': 'x' }).toStrictEqual({ ...first, 'db-password.nova': 'x' });
    expect(lines).toContain('  rotated db-password.nova');
  });

  test.each(['db-admin-password', 'rabbit-admin-password', 'rabbit-erlang-cookie', 'nova-ssh-private-key'])(
    'fails to rotate %s without --force, saying what to do first',
    async (id) => {
      await runCredentials(request);
      const before = fs.readFileSync(secretFile(), 'utf8');
      await expect(runCredentials({ ...request, rotate: new Set([id]) })).rejects.toThrow(
        new RegExp(`rotating ${id} needs more than a new value, so it needs --force; before you do:\\n  ${id}: `),
      );
      expect(fs.readFileSync(secretFile(), 'utf8')).toBe(before);
    },
  );

  test('with --force, rotates the rabbit admin password and rebuilds the notification URLs from it', async () => {
    await runCredentials(request);
    const { lines } = await runCredentials({ ...request, rotate: new Set(['rabbit-admin-password']), force: true });
    const values = data();
    expect(values['notification-url.nova']).toContain(`rabbitmq-admin:${values['rabbit-admin-password']}@`);
    expect(lines.some((l) => l.startsWith('rotated rabbit-admin-password: now RabbitMQ creates its admin user at bootstrap'))).toBe(true);
  });

  test('--rotate-all needs --force (it includes the database root password)', async () => {
    await expect(runCredentials({ ...request, rotate: 'all' })).rejects.toThrow(/needs --force/);
  });

  test('fails on a credential id it does not know, suggesting close ones', async () => {
    await expect(runCredentials({ ...request, rotate: new Set(['db-pasword.nova']) })).rejects.toThrow(
      /no credential of test-aio-sx has the id "db-pasword.nova" \(did you mean .*db-password\.nova/,
    );
  });

  test('a dry run writes nothing and masks values', async () => {
    await runCredentials(request);
    const before = fs.readFileSync(secretFile(), 'utf8');
    const { lines, written } = await runCredentials({ ...request, rotate: new Set(['db-password.nova']), dryRun: true });
    expect(written).toStrictEqual([]);
    expect(fs.readFileSync(secretFile(), 'utf8')).toBe(before);
    expect(lines).toContain('  rotated db-password.nova: <32 characters> -> <32 characters>');
    expect(lines.join('\n')).not.toContain(
      parseYaml12(before).length ? (parseYaml12(before)[0] as { stringData: Record<string, string> }).stringData['db-password.nova'] : 'x',
    );
  });

  test('fails to write into the generated tree, also through a symlink', async () => {
    const link = path.join(tmp, 'innocent');
    fs.symlinkSync(path.join(tmp, 'dist'), link);
    await expect(runCredentials({ ...request, dir: path.join(link, 'site') })).rejects.toThrow(
      /refusing to write credentials to .*inside the generated tree/,
    );
    expect(fs.readdirSync(path.join(tmp, 'dist'))).toStrictEqual([]);
  });

  test('writes the site kustomization of the encrypted files, and a .sops.yaml only when there is none', async () => {
    const recipient = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
    await runCredentials({ ...request, sops: { configFile: path.join(tmp, '.sops.yaml'), ageRecipient: recipient } });
    expect(parseYaml12(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'))[0]).toStrictEqual({
      resources: [`${SECRET}.sops.yaml`],
    });
    expect(parseYaml12(fs.readFileSync(path.join(tmp, '.sops.yaml'), 'utf8'))[0]).toStrictEqual({
      creation_rules: [{ path_regex: '^credentials/.*\\.ya?ml$', encrypted_regex: '^(data|stringData)$', age: recipient }],
    });
    fs.writeFileSync(path.join(tmp, '.sops.yaml'), 'creation_rules: []\n');
    const { lines } = await runCredentials({ ...request, sops: { configFile: path.join(tmp, '.sops.yaml'), ageRecipient: recipient } });
    expect(fs.readFileSync(path.join(tmp, '.sops.yaml'), 'utf8')).toBe('creation_rules: []\n');
    expect(lines.some((l) => l.includes('add this creation rule to it yourself'))).toBe(true);
  });

  test('git ignores the plain files and keeps the encrypted ones', async () => {
    const ignore = fs.readFileSync(path.resolve(__dirname, '..', '.gitignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['credentials/*/*', '!credentials/*/*.sops.yaml', '!credentials/*/kustomization.yaml']));
  });
});

describe('the credentials command line', () => {
  test('reads per-credential rotation, --rotate-all, --force and --dry-run', async () => {
    expect(parseCredentialsArgs(['aio-sx', '--rotate', 'a,b', '--force', '--dry-run'])).toMatchObject({
      deployment: 'aio-sx',
      rotate: new Set(['a', 'b']),
      force: true,
      dryRun: true,
    });
    expect(parseCredentialsArgs(['aio-sx', '--rotate-all', '--force']).rotate).toBe('all');
  });
  test.each([
    [['aio-sx', '--rotat'], /Unknown option '--rotat'/],
    [['aio-sx', '--rotate'], /--rotate/],
    [['aio-sx', '--rotate', 'a', '--rotate-all'], /exclude each other/],
    [['aio-sx', '--rotate', ','], /needs credential ids/],
  ])('fails on %j', (argv, message) => {
    expect(() => parseCredentialsArgs(argv)).toThrow(message);
  });
});
