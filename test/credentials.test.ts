import { createPrivateKey, createPublicKey } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveInput } from '../lib/deployment/app';
import { parseYaml12 } from '../lib/engine/yaml';
import { credentialsOf, generateValues, randomPassword } from '../scripts/credentials';
import { aioDuplex, aioSimplex } from './support/profiles';
import { CredentialRef, splitCredentials } from '../lib/engine/credentials';
import type { Loose } from './support/loose';
import { runBin } from './support/bin';

const profile = resolveInput(aioSimplex(), 'aio.yaml');

describe('npm run credentials', () => {
  const { secrets, external } = generateValues(profile, new Map(), false);
  const values = secrets.get('stx-openstack-credentials')!;

  it('makes a value for every credential the deployment reads', () => {
    const needed = [...credentialsOf(profile).values()].filter((c) => !['tls', 'ceph-keyring', 'external'].includes(c.ref.kind));
    expect(needed.length).toBeGreaterThan(40);
    for (const { key } of needed) expect(values[key]).toEqual(expect.any(String));
    // Host ceph: glance's keyring comes from the storage backend.
    expect(external).toEqual(['stx-openstack-credentials/ceph-glance-keyring (Ceph keyring from the storage backend)']);
  });

  it('makes strong passwords: 32 letters and digits, all different', () => {
    const passwords = Object.entries(values)
      .filter(([k]) => k.includes('password'))
      .map(([, v]) => v);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
    expect(randomPassword()).not.toBe(randomPassword());
  });

  it('makes a matching nova SSH key pair', () => {
    const privateKey = createPrivateKey(values['nova-ssh-private-key']);
    const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
    const blob = Buffer.from(values['nova-ssh-public-key'].split(' ')[1], 'base64');
    expect(values['nova-ssh-public-key']).toMatch(/^ssh-rsa [A-Za-z0-9+/=]+ nova@test-aio-sx$/);
    expect(blob.includes(Buffer.from(jwk.n as string, 'base64url'))).toBe(true);
  });

  it('builds every notification URL from the rabbit admin password', () => {
    const admin = values['rabbit-admin-password'];
    expect(values['notification-url.nova']).toBe(`rabbit://rabbitmq-admin:${admin}@rabbitmq.openstack.svc.cluster.local:5672/nova`);
  });

  it('keeps existing values unless asked to rotate', () => {
    const existing = new Map([['stx-openstack-credentials', { ...values, 'admin-password': 'kept-value' }]]);
    expect(generateValues(profile, existing, false).secrets.get('stx-openstack-credentials')!['admin-password']).toBe('kept-value');
    expect(generateValues(profile, existing, true).secrets.get('stx-openstack-credentials')!['admin-password']).not.toBe('kept-value');
  });

  it('lists the TLS material it does not make', () => {
    const https = resolveInput(aioDuplex({ https: { enabled: true, certRef: { secretName: 'public-tls' } } }), 'dx.yaml');
    expect(generateValues(https, new Map(), false).external).toEqual(
      expect.arrayContaining(['public-tls/tls.crt (TLS material of https.certRef)', 'public-tls/tls.key (TLS material of https.certRef)']),
    );
  });

  it('writes a Secret manifest outside dist/, keeping values across runs', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'creds-'));
    const run = () => runBin(['credentials', 'aio-sx', '--out', out]);
    expect(run().status).toBe(0);
    const file = path.join(out, 'aio-sx', 'stx-openstack-credentials.yaml');
    const first = parseYaml12(fs.readFileSync(file, 'utf8'))[0] as Loose;
    expect(first).toMatchObject({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'stx-openstack-credentials', namespace: 'openstack', labels: { 'reconcile.fluxcd.io/watch': 'Enabled' } },
    });
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(run().status).toBe(0);
    expect((parseYaml12(fs.readFileSync(file, 'utf8'))[0] as Loose).stringData).toEqual(first.stringData);
  });
});

describe('splitCredentials', () => {
  it('moves credential leaves out, with their Helm --set paths', () => {
    const ref = new CredentialRef('x', 'password');
    const { plain, leaves } = splitCredentials({
      a: { password: ref, user: 'u' },
      list: [ref, 'keep'],
      'dotted.key': { p: ref },
      empty: {},
    });
    expect(plain).toEqual({ a: { user: 'u' }, list: [null, 'keep'], empty: {} });
    expect(leaves.map((l) => l.targetPath)).toEqual(['a.password', 'list[0]', 'dotted\\.key.p']);
  });
});
