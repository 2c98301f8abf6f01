/**
 * `credentials --encrypt` (issue 18, item 4): the SOPS file is written directly for the age
 * recipients of .sops.yaml, no plaintext ever written; an independent decoder (sops-age) reads
 * every value; re-runs and rotations decrypt in memory with the age identity, and without it
 * the command refuses and touches nothing.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decryptSops } from 'sops-age';
import { resolveInput } from '../lib/deployment/app';
import { runCredentials, CredentialsRequest } from '../lib/commands/credentials';
import { newAgeKey } from '../lib/commands/sops';
import { parseYaml12 } from '../lib/engine/yaml';
import { aioSimplex } from './support/profiles';
import { filesBelow } from './support/tree-snapshot';

// Every text the command writes goes through writeAtomically: record them all.
const mockWritten: string[] = [];
jest.mock('../lib/commands/secret-files', () => {
  const actual = jest.requireActual('../lib/commands/secret-files');
  return {
    ...actual,
    writeAtomically: (target: string, text: string, mode: number) => (mockWritten.push(text), actual.writeAtomically(target, text, mode)),
  };
});

const deployment = resolveInput(aioSimplex(), 'aio.yaml');
const SECRET = 'stx-openstack-credentials';

describe('credentials --encrypt', () => {
  let tmp: string;
  let dir: string;
  let request: CredentialsRequest;
  let key: { identity: string; recipient: string };
  const encryptedFile = () => path.join(dir, `${SECRET}.sops.yaml`);
  const decrypt = async (identity = key.identity) =>
    (await decryptSops(fs.readFileSync(encryptedFile(), 'utf8'), { secretKey: identity, fileType: 'yaml' })) as {
      stringData: Record<string, string>;
    };
  beforeAll(async () => {
    key = await newAgeKey();
  });
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-encrypt-'));
    dir = path.join(tmp, 'credentials', 'test-aio-sx');
    fs.mkdirSync(path.join(tmp, 'dist'));
    request = {
      deployment,
      dir,
      generatedRoot: path.join(tmp, 'dist'),
      encrypt: true,
      sops: { configFile: path.join(tmp, '.sops.yaml'), ageRecipient: key.recipient },
    };
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('a first install writes only the encrypted file, which sops-age decrypts; no plaintext is written at any moment', async () => {
    mockWritten.length = 0;
    const { written, lines } = await runCredentials(request);
    expect(written.map((f) => path.relative(tmp, f)).sort()).toStrictEqual([
      '.sops.yaml',
      'credentials/test-aio-sx/kustomization.yaml',
      `credentials/test-aio-sx/${SECRET}.sops.yaml`,
    ]);
    expect(fs.readdirSync(dir).sort()).toStrictEqual(['kustomization.yaml', `${SECRET}.sops.yaml`]);
    const { stringData } = await decrypt();
    expect(Object.keys(stringData).length).toBeGreaterThan(20);
    expect(stringData['db-password.nova']).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(mockWritten).toHaveLength(3);
    const texts = [...mockWritten, ...filesBelow(tmp).values()];
    for (const value of Object.values(stringData)) for (const text of texts) expect(text).not.toContain(value);
    expect(lines[0]).toMatch(/^wrote .*\.sops\.yaml \(encrypted for 1 age recipient\): \d+ values \(\d+ new, 0 rotated, 0 kept\)$/);
  });

  test('a re-run with the identity keeps the file byte for byte; a rotation changes only that value', async () => {
    await runCredentials(request);
    const before = fs.readFileSync(encryptedFile(), 'utf8');
    const values = (await decrypt()).stringData;
    const { lines } = await runCredentials({ ...request, ageIdentities: [key.identity] });
    expect(fs.readFileSync(encryptedFile(), 'utf8')).toBe(before);
    expect(lines[0]).toMatch(/^kept .*: \d+ values, nothing new or rotated$/);
    await runCredentials({ ...request, ageIdentities: [key.identity], rotate: new Set(['db-password.nova']) });
    const after = (await decrypt()).stringData;
    expect(after['db-password.nova']).not.toBe(values['db-password.nova']);
    // The values documents are rebuilt from the values: only nova's carries the rotated password.
    const withoutDocuments = (m: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(m).filter(([k]) => !/^helm-values\./.test(k)));
    expect({ ...withoutDocuments(after), 'db-password.nova': '' }).toStrictEqual({ ...withoutDocuments(values), 'db-password.nova': '' });
    expect(Object.keys(after).filter((k) => /^helm-values\./.test(k) && after[k] !== values[k])).toEqual(['helm-values.nova.yaml']);
  });

  test('without the identity a re-run refuses with the reason and touches nothing', async () => {
    await runCredentials(request);
    const before = fs.readFileSync(encryptedFile(), 'utf8');
    await expect(runCredentials({ ...request, rotate: new Set(['db-password.nova']) })).rejects.toThrow(
      /is encrypted: to keep its values, re-encrypting needs the age key that opens it \(--age-identity FILE or SOPS_AGE_KEY_FILE\)\. Nothing was written/,
    );
    const stranger = await newAgeKey();
    await expect(runCredentials({ ...request, ageIdentities: [stranger.identity] })).rejects.toThrow(
      /none of the given age identities opens it/,
    );
    expect(fs.readFileSync(encryptedFile(), 'utf8')).toBe(before);
  });

  test('a flipped byte in the encrypted file is refused, touching nothing', async () => {
    await runCredentials(request);
    const text = fs.readFileSync(encryptedFile(), 'utf8');
    const flipped = text.replace(/(admin-password: ENC\[AES256_GCM,data:)(.)/, (_, p, c) => p + (c === 'A' ? 'B' : 'A'));
    fs.writeFileSync(encryptedFile(), flipped);
    await expect(runCredentials({ ...request, ageIdentities: [key.identity] })).rejects.toThrow(/admin-password: does not decrypt/);
    expect(fs.readFileSync(encryptedFile(), 'utf8')).toBe(flipped);
  });

  test('an existing plaintext file is encrypted with its values, kept and named for deletion', async () => {
    await runCredentials({ ...request, encrypt: false });
    const plain = (parseYaml12(fs.readFileSync(path.join(dir, `${SECRET}.yaml`), 'utf8'))[0] as { stringData: Record<string, string> })
      .stringData;
    const { lines } = await runCredentials(request);
    expect((await decrypt()).stringData).toStrictEqual(plain);
    expect(lines).toContain(
      `  the plaintext ${path.join(dir, `${SECRET}.yaml`)} is no longer needed: delete it (rm ${path.join(dir, `${SECRET}.yaml`)})`,
    );
  });

  test('recipients come from the creation rule of .sops.yaml matching the file; every recipient opens it', async () => {
    const second = await newAgeKey();
    fs.writeFileSync(
      path.join(tmp, '.sops.yaml'),
      `creation_rules:\n  - path_regex: ^other/\n    age: ${key.recipient}\n  - path_regex: ^credentials/.*\\.ya?ml$\n    encrypted_regex: ^(data|stringData)$\n    age: ${key.recipient},${second.recipient}\n`,
    );
    await runCredentials({ ...request, sops: { configFile: path.join(tmp, '.sops.yaml') } });
    expect(Object.keys((await decrypt(second.identity)).stringData).length).toBeGreaterThan(20);
    expect((parseYaml12(fs.readFileSync(encryptedFile(), 'utf8'))[0] as { sops: { age: unknown[] } }).sops.age).toHaveLength(2);
  });

  test('no .sops.yaml and no recipient: refused, nothing written', async () => {
    await expect(runCredentials({ ...request, sops: { configFile: path.join(tmp, '.sops.yaml') } })).rejects.toThrow(
      /--encrypt: there is no .*\.sops\.yaml/,
    );
    expect(fs.existsSync(dir)).toBe(false);
  });
});
