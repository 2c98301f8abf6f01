/**
 * Credentials never lose data (issue 17, class 1): every form Kubernetes accepts is read and kept
 * in its form; what cannot be read whole is refused with nothing written; files behind symlinks
 * stay symlinks; nothing blocks on a FIFO or a device; plaintext goes only where git ignores it;
 * two runs never interleave.
 */
import { spawnSync } from 'child_process';
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
const b64 = (s: string) => Buffer.from(s).toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64').toString();

type Doc = {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
};

describe('credential files in every form', () => {
  let tmp: string;
  let dir: string;
  let request: CredentialsRequest;
  /** The values of a first run, as a plain object. */
  let values: Record<string, string>;
  const file = () => path.join(dir, `${SECRET}.yaml`);
  const docs = (f = file()) => parseYaml12(fs.readFileSync(f, 'utf8')) as Doc[];
  /** Every file of the folder with its content, to prove a refusal touched nothing. */
  const snapshot = () =>
    Object.fromEntries(
      fs
        .readdirSync(dir)
        .sort()
        .map((f) => [f, fs.lstatSync(path.join(dir, f)).isFile() ? fs.readFileSync(path.join(dir, f), 'utf8') : 'not a file']),
    );
  beforeAll(async () => {
    const t = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-forms-'));
    fs.mkdirSync(path.join(t, 'dist'));
    await runCredentials({ deployment, dir: path.join(t, 'c'), generatedRoot: path.join(t, 'dist') });
    values = (parseYaml12(fs.readFileSync(path.join(t, 'c', `${SECRET}.yaml`), 'utf8'))[0] as Doc).stringData!;
    fs.rmSync(t, { recursive: true, force: true });
  });
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-forms-'));
    dir = path.join(tmp, 'credentials', 'test-aio-sx');
    fs.mkdirSync(path.join(tmp, 'dist'));
    fs.mkdirSync(dir, { recursive: true });
    request = { deployment, dir, generatedRoot: path.join(tmp, 'dist') };
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const secretText = (body: string) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${SECRET}\n  namespace: openstack\n  labels:\n    reconcile.fluxcd.io/watch: Enabled\ntype: Opaque\n${body}`;
  const dataForm = (v: Record<string, string>) =>
    secretText(
      'data:\n' +
        Object.entries(v)
          .map(([k, x]) => `  ${k}: ${b64(x)}\n`)
          .join(''),
    );

  describe('data: (base64), as kubectl get secret -o yaml exports it', () => {
    test('a re-run keeps every value and leaves the file as it is (no stringData beside data)', async () => {
      fs.writeFileSync(file(), dataForm(values));
      const before = fs.readFileSync(file(), 'utf8');
      const { lines } = await runCredentials(request);
      expect(fs.readFileSync(file(), 'utf8')).toBe(before);
      expect(lines[0]).toMatch(/\(0 new, 0 rotated, \d+ kept\)$/);
    });

    test('a rotation changes only that key, in data, base64', async () => {
      fs.writeFileSync(file(), dataForm(values));
      await runCredentials({ ...request, rotate: new Set(['db-password.nova']) });
      const [doc] = docs();
      expect(doc.stringData).toBeUndefined();
      const after = Object.fromEntries(Object.entries(doc.data!).map(([k, v]) => [k, unb64(v)]));
      expect(after['db-password.nova']).not.toBe(values['db-password.nova']);
      // The values documents are rebuilt from the values: only nova's carries the rotated password.
      const withoutDocuments = (m: Record<string, string>) =>
        Object.fromEntries(Object.entries(m).filter(([k]) => !/^helm-values\./.test(k)));
      expect({ ...withoutDocuments(after), 'db-password.nova': 'x' }).toStrictEqual({
        ...withoutDocuments(values),
        'db-password.nova': 'x',
      });
      const changedDocuments = Object.keys(after).filter((k) => /^helm-values\./.test(k) && after[k] !== values[k]);
      expect(changedDocuments).toEqual(['helm-values.nova.yaml']);
      expect(after['helm-values.nova.yaml']).toContain(after['db-password.nova']);
    });

    test('a missing key is added in data when the Secret keeps its values there', async () => {
      const { 'db-password.nova': _gone, ...rest } = values;
      void _gone;
      fs.writeFileSync(file(), dataForm(rest));
      await runCredentials(request);
      const [doc] = docs();
      expect(doc.stringData).toBeUndefined();
      expect(unb64(doc.data!['db-password.nova'])).toHaveLength(32);
      expect(unb64(doc.data!['admin-password'])).toBe(values['admin-password']);
    });

    test('data and stringData merged as Kubernetes does: stringData wins, each key stays where it was', async () => {
      const { 'admin-password': admin, ...rest } = values;
      fs.writeFileSync(
        file(),
        dataForm(rest).replace('\ndata:\n', `\nstringData:\n  admin-password: ${admin}\n  db-password.nova: winner\ndata:\n`),
      );
      await runCredentials(request);
      const [doc] = docs();
      expect(doc.stringData).toStrictEqual({ 'admin-password': admin, 'db-password.nova': 'winner' });
      expect(unb64(doc.data!['db-password.nova'])).toBe(values['db-password.nova']);
    });
  });

  describe('what cannot be read whole is refused, touching nothing', () => {
    const bad: Array<[string, () => string, RegExp]> = [
      [
        'a misspelled metadata',
        () => secretText('stringData:\n  a: b\n').replace('metadata:', 'metdata:'),
        /metdata: not a field of a Secret \(did you mean metadata\?\)/,
      ],
      ['no metadata', () => 'apiVersion: v1\nkind: Secret\nstringData:\n  a: b\n', /metadata: expected a mapping/],
      ['another kind', () => secretText('data: {}\n').replace('kind: Secret', 'kind: ConfigMap'), /kind: expected Secret, got "ConfigMap"/],
      ['a list at the top', () => '- a\n- b\n', /expected a Secret manifest \(a mapping\), got a list/],
      [
        'a numeric value',
        () => secretText('stringData:\n  admin-password: 12345\n'),
        /stringData\.admin-password: expected a string, got a number \(12345\); quote it/,
      ],
      ['an empty value', () => secretText('stringData:\n  admin-password: ""\n'), /stringData\.admin-password: empty/],
      ['a null value', () => secretText('stringData:\n  admin-password:\n'), /stringData\.admin-password: expected a string, got nothing/],
      ['invalid base64', () => secretText('data:\n  admin-password: "not base64!"\n'), /data\.admin-password: not valid base64/],
      [
        'a sops: block in a second document',
        () => secretText('stringData:\n  a: b\n') + '---\nsops:\n  version: 3.9.0\n',
        /an encrypted file with 2 documents/,
      ],
    ];
    test.each(bad)('%s', async (_, text, message) => {
      fs.writeFileSync(file(), text());
      const before = snapshot();
      await expect(runCredentials(request)).rejects.toThrow(message);
      await expect(runCredentials(request)).rejects.toThrow(/Nothing was written/);
      expect(snapshot()).toStrictEqual(before);
    });

    test('two files holding the same Secret', async () => {
      fs.writeFileSync(file(), dataForm(values));
      fs.writeFileSync(path.join(dir, 'copy.yaml'), dataForm(values));
      const before = snapshot();
      await expect(runCredentials(request)).rejects.toThrow(
        /two files hold Secret stx-openstack-credentials: .*copy\.yaml and .*stx-openstack-credentials\.yaml/,
      );
      expect(snapshot()).toStrictEqual(before);
    });

    test.each(['.sops.yaml', '.sops.yml', '.sops.json'])('values that exist only in %s are not replaced by new ones', async (suffix) => {
      const encrypted =
        suffix === '.sops.json'
          ? JSON.stringify({
              apiVersion: 'v1',
              kind: 'Secret',
              metadata: { name: SECRET },
              stringData: { a: 'ENC[...]' },
              sops: { version: '3.9.0' },
            })
          : secretText('stringData:\n  admin-password: ENC[...]\n') + 'sops:\n  version: 3.9.0\n';
      fs.writeFileSync(path.join(dir, SECRET + suffix), encrypted);
      const before = snapshot();
      await expect(runCredentials(request)).rejects.toThrow(/exist only encrypted/);
      expect(snapshot()).toStrictEqual(before);
    });
  });

  describe('several documents in a file', () => {
    test('a TLS Secret after --- is kept whole through a rotation', async () => {
      const tls = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: openstack-tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${b64('CERT')}\n  tls.key: ${b64('KEY')}\n`;
      fs.writeFileSync(file(), dataForm(values) + '---\n' + tls);
      await runCredentials({ ...request, rotate: new Set(['db-password.nova']) });
      const all = docs();
      expect(all).toHaveLength(2);
      expect(all[1]).toStrictEqual(parseYaml12(tls)[0]);
      expect(unb64(all[0].data!['db-password.nova'])).not.toBe(values['db-password.nova']);
    });
  });

  describe('files that are not plain files', () => {
    test('--rotate on a symlinked file writes through it: the link stays a link', async () => {
      const real = path.join(tmp, 'elsewhere.yaml');
      fs.writeFileSync(real, dataForm(values));
      fs.symlinkSync(real, file());
      await runCredentials({ ...request, rotate: new Set(['db-password.nova']) });
      expect(fs.lstatSync(file()).isSymbolicLink()).toBe(true);
      expect(unb64((parseYaml12(fs.readFileSync(real, 'utf8'))[0] as Doc).data!['db-password.nova'])).not.toBe(values['db-password.nova']);
    });

    test('a symlink to /dev/zero is refused at once', async () => {
      fs.symlinkSync('/dev/zero', file());
      await expect(runCredentials(request)).rejects.toThrow(/not a regular file \(a symlink to \/dev\/zero\)/);
    });

    test('a FIFO is refused without blocking', async () => {
      expect(spawnSync('mkfifo', [file()]).status).toBe(0);
      await expect(runCredentials(request)).rejects.toThrow(/not a regular file/);
    });

    test('a file over 1 MiB is refused unread', async () => {
      fs.writeFileSync(file(), secretText('stringData:\n  a: ' + 'x'.repeat(1024 * 1024) + '\n'));
      await expect(runCredentials(request)).rejects.toThrow(/more than a Secret holds/);
    });
  });

  describe('where plaintext may go', () => {
    test('not on /proc', async () => {
      await expect(runCredentials({ ...request, dir: '/proc/test-aio-sx' })).rejects.toThrow(/on the kernel's \/proc file system/);
    });

    test('not where git would keep it; yes where git ignores it', async () => {
      const repo = path.join(tmp, 'repo');
      fs.mkdirSync(repo);
      expect(spawnSync('git', ['init', '-q', repo]).status).toBe(0);
      const out = path.join(repo, 'test-aio-sx');
      await expect(runCredentials({ ...request, dir: out })).rejects.toThrow(
        /refusing to write plaintext credentials to .*: git does not ignore test-aio-sx\/stx-openstack-credentials\.yaml/,
      );
      expect(fs.existsSync(out)).toBe(false);
      fs.writeFileSync(path.join(repo, '.gitignore'), 'credentials/*/*\n');
      const { written } = await runCredentials({ ...request, dir: path.join(repo, 'credentials', 'test-aio-sx') });
      expect(written.map((f) => path.basename(f))).toContain(`${SECRET}.yaml`);
    });

    test.each([[['aio-sx', '--out', '']], [['aio-sx', '--out', ' ']]])('--out without a folder: %j', (argv) => {
      expect(() => parseCredentialsArgs(argv)).toThrow(/--out needs a folder/);
    });
  });

  describe('one run at a time', () => {
    test('a run holding the folder makes another refuse, writing nothing', async () => {
      fs.writeFileSync(path.join(dir, '.credentials.lock'), String(process.pid));
      await expect(runCredentials(request)).rejects.toThrow(new RegExp(`in use by another credentials run \\(pid ${process.pid}`));
      expect(fs.existsSync(file())).toBe(false);
    });

    test('a lock left by a process that is gone is taken over, and released after the run', async () => {
      const gone = spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim();
      fs.writeFileSync(path.join(dir, '.credentials.lock'), gone);
      await runCredentials(request);
      expect(fs.existsSync(file())).toBe(true);
      expect(fs.existsSync(path.join(dir, '.credentials.lock'))).toBe(false);
    });

    test('runs started together never lose a rotation', async () => {
      await runCredentials(request);
      const old = docs()[0].stringData!['db-password.nova'];
      const results = await Promise.allSettled([
        runCredentials({ ...request, rotate: new Set(['db-password.nova']) }),
        runCredentials(request),
      ]);
      const first = (docs()[0].stringData ?? {})['db-password.nova'];
      // The first holds the folder until its last write: the re-run is refused instead of writing back the old value.
      expect(results[0].status).toBe('fulfilled');
      expect(results[1]).toMatchObject({
        status: 'rejected',
        reason: expect.objectContaining({ message: expect.stringMatching(/in use by another credentials run/) }),
      });
      expect(first).not.toBe(old);
      await runCredentials(request);
      expect((docs()[0].stringData ?? {})['db-password.nova']).toBe(first);
    });
  });

  test('an age recipient with a wrong Bech32 checksum is refused before anything is written', async () => {
    await expect(
      runCredentials({ ...request, sops: { configFile: path.join(tmp, '.sops.yaml'), ageRecipient: 'age1xxxxxxxxxxxxxxxxxxxx' } }),
    ).rejects.toThrow(/--age-recipient "age1x+": it has 24 characters/);
    await expect(
      runCredentials({
        ...request,
        sops: { configFile: path.join(tmp, '.sops.yaml'), ageRecipient: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8q' },
      }),
    ).rejects.toThrow(/checksum/);
    expect(fs.readdirSync(dir)).toStrictEqual([]);
  });
});
