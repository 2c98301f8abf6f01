/**
 * The SOPS files written without the sops binary are read by an independent decoder (npm
 * sops-age): every value decrypts to the original and the MAC verifies; any change fails.
 */
import { Decrypter, armor } from 'age-encryption';
import { createDecipheriv, createHash } from 'crypto';
import { decryptSops } from 'sops-age';
import { checkAgeRecipient, newAgeKey, sopsDecrypt, sopsEncrypt } from '../lib/commands/sops';
import { parseYaml12, toYamlFile } from '../lib/engine/yaml';

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'stx-openstack-credentials', namespace: 'openstack', labels: { 'reconcile.fluxcd.io/watch': 'Enabled' } },
  type: 'Opaque',
  stringData: {
    'admin-password': 'pa:ss,w=rd',
    'nova-ssh-private-key': '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n',
    'notification-url.nova': 'rabbit://u:p@host:5672/nova',
  },
  data: { 'ca.crt': Buffer.from('not really a cert').toString('base64') },
};

/**
 * sops-age does not check the MAC, so the test checks it itself, the way sops does, from the
 * values sops-age decrypted: SHA-512 over every leaf in document order, upper-case hex, equal to
 * sops.mac decrypted with the data key and the additional data lastmodified.
 */
async function macHolds(text: string, identity: string): Promise<boolean> {
  const plain = (await decryptSops(text, { secretKey: identity, fileType: 'yaml' })) as Record<string, unknown>;
  const sops = (parseYaml12(text)[0] as { sops: { age: Array<{ enc: string }>; mac: string; lastmodified: string } }).sops;
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  const dataKey = await decrypter.decrypt(armor.decode(sops.age[0].enc));
  const [, data, iv, tag] = /^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:str\]$/.exec(sops.mac)!;
  const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(sops.lastmodified));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  const stored = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString();
  const hash = createHash('sha512');
  const leaves = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(leaves);
    else if (node && typeof node === 'object') Object.values(node).forEach(leaves);
    else if (node !== null && node !== undefined) hash.update(String(node));
  };
  leaves(plain);
  return hash.digest('hex').toUpperCase() === stored;
}

describe('SOPS encryption for age', () => {
  let key: { identity: string; recipient: string };
  let other: { identity: string; recipient: string };
  let text: string;
  beforeAll(async () => {
    key = await newAgeKey();
    other = await newAgeKey();
    text = toYamlFile([await sopsEncrypt(secret, [key.recipient, other.recipient], '^(data|stringData)$')], 'test');
  });

  test('an independent decoder (sops-age) decrypts every value and verifies the MAC', async () => {
    const decoded = await decryptSops(text, { secretKey: key.identity, fileType: 'yaml' });
    expect(decoded).toStrictEqual(secret);
    expect(await macHolds(text, key.identity)).toBe(true);
    // The second recipient opens it too.
    expect(await decryptSops(text, { secretKey: other.identity, fileType: 'yaml' })).toStrictEqual(secret);
  });

  test('only data and stringData are encrypted; each value is AES256_GCM with a 32-byte IV', () => {
    const doc = parseYaml12(text)[0] as Record<string, Record<string, string>>;
    expect(doc.metadata.name).toBe('stx-openstack-credentials');
    expect(doc.kind).toBe('Secret');
    for (const v of [...Object.values(doc.stringData), ...Object.values(doc.data)]) {
      const m = /^ENC\[AES256_GCM,data:[A-Za-z0-9+/=]+,iv:([A-Za-z0-9+/=]+),tag:([A-Za-z0-9+/=]+),type:str\]$/.exec(v);
      expect(m).not.toBeNull();
      expect(Buffer.from(m![1], 'base64')).toHaveLength(32);
      expect(Buffer.from(m![2], 'base64')).toHaveLength(16);
    }
    expect(text).not.toContain('pa:ss,w=rd');
    const sops = doc.sops as unknown as {
      age: Array<{ recipient: string; enc: string }>;
      encrypted_regex: string;
      mac: string;
      lastmodified: string;
    };
    expect(sops.encrypted_regex).toBe('^(data|stringData)$');
    expect(sops.age.map((a) => a.recipient)).toStrictEqual([key.recipient, other.recipient]);
    expect(sops.age[0].enc).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n[\s\S]+\n-----END AGE ENCRYPTED FILE-----\n?$/);
    expect(sops.lastmodified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  test('our own decryption reads it back', async () => {
    const doc = parseYaml12(text)[0] as Record<string, unknown>;
    expect(await sopsDecrypt(doc, [other.identity], 'f')).toStrictEqual(secret);
  });

  const flips: Array<[string, (t: string) => string]> = [
    ['a flipped byte in a value', (t) => t.replace(/(admin-password: ENC\[AES256_GCM,data:)(.)/, (_, p, c) => p + (c === 'A' ? 'B' : 'A'))],
    ['a changed unencrypted field (the MAC covers it)', (t) => t.replace('namespace: openstack', 'namespace: kube-system')],
    [
      'two values swapped (the path is the additional data)',
      (t) => {
        const a = /admin-password: (ENC\[[^\]]+\])/.exec(t)![1];
        const b = /notification-url\.nova: (ENC\[[^\]]+\])/.exec(t)![1];
        return t.replace(a, 'A_PLACEHOLDER').replace(b, a).replace('A_PLACEHOLDER', b);
      },
    ],
    ['a removed value', (t) => t.replace(/^ {2}notification-url\.nova: .*\n/m, '')],
  ];
  test.each(flips)('%s fails: in sops-age or its MAC, and in our reading', async (_, change) => {
    const changed = change(text);
    expect(changed).not.toBe(text);
    expect(await macHolds(changed, key.identity).catch(() => false)).toBe(false);
    await expect(sopsDecrypt(parseYaml12(changed)[0] as Record<string, unknown>, [key.identity], 'f')).rejects.toThrow(
      /MAC|does not decrypt/,
    );
  });

  test('a wrong identity is refused naming the recipients', async () => {
    const stranger = await newAgeKey();
    await expect(sopsDecrypt(parseYaml12(text)[0] as Record<string, unknown>, [stranger.identity], 'f.yaml')).rejects.toThrow(
      /f\.yaml: none of the given age identities opens it \(recipients: age1/,
    );
  });
});

describe('age recipients', () => {
  test('a real key passes; a typo, a made-up key or a wrong length fails the Bech32 checksum', async () => {
    const { recipient } = await newAgeKey();
    expect(checkAgeRecipient(recipient)).toBeUndefined();
    const typo = recipient.slice(0, 10) + (recipient[10] === 'q' ? 'p' : 'q') + recipient.slice(11);
    expect(checkAgeRecipient(typo)).toMatch(/checksum/);
    expect(checkAgeRecipient('age1xxxxxxxxxxxxxxxxxxxx')).toMatch(/62/);
    expect(checkAgeRecipient('age1' + 'x'.repeat(58))).toMatch(/checksum/);
    expect(checkAgeRecipient(recipient.toUpperCase())).toMatch(/lower case/);
    expect(checkAgeRecipient('age1' + 'b'.repeat(58))).toMatch(/Bech32/);
  });
});
