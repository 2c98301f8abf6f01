/**
 * The credential scan sees every shape (issue 17, class 3): key spellings, values around or inside
 * templates, base64 PEM, `user:pw@host` without a scheme, and every file we write (README.md too),
 * at synth and in validate.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { barePasswords, hasBase64Pem, scanCredentials } from '../lib/validate/credential-scan';
import { isCredentialKey } from '../lib/engine/json';
import { toYamlFile } from '../lib/engine/yaml';
import { runSynth } from '../lib/commands/synth';
import { validateStack } from '../lib/validate/validate';
import { aioSimplex } from './support/profiles';

const yamlFile = (doc: object) => new Map([['nova/nova-user-overrides.yaml', toYamlFile([doc])]]);
const problems = (doc: object) => scanCredentials(yamlFile(doc)).map((f) => `${f.path}: ${f.problem}`);
// Fake key material, built at run time so that no key-shaped text sits in git.
const PEM_KEY = ['-----BEGIN', 'RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx\n-----END', 'RSA PRIVATE KEY-----\n'].join(' ');

describe('credential-named keys, in every spelling', () => {
  test.each([
    'dbPassword',
    'adminPassword',
    'passphrase',
    'ssl_passphrase',
    'auth_encryption_key',
    's3_store_secret_access_key',
    'secret_access_key',
    'APIToken',
    'clientSecret',
    'DB_PASSWORD',
  ])('%s holding a literal is found', (key) => {
    expect(isCredentialKey(key)).toBe(true);
    expect(problems({ conf: { x: { [key]: 'hunter2hunter2' } } })).toStrictEqual([
      `conf.x.${key}: plaintext credential (a 14-character value; only chart placeholders may be written)`,
    ]);
  });

  test.each(['password_lock_time', 'tokenize', 'keystone_authtoken', 'passthrough', 'secretariat'])('%s is not a credential key', (key) => {
    expect(isCredentialKey(key)).toBe(false);
  });
});

describe('values around or inside templates are scanned', () => {
  test.each([
    ['a literal after a variable', 'hunter2${SUFFIX}'],
    ['a command substitution that prints a literal', '$(echo hunter2)'],
    ['a template that prints a literal', '{{ "hunter2" }}'],
    ['a template with a literal around it', 'pre-{{ .Values.x }}-hunter2'],
    ['a template function', '{{ printf "%s" "hunter2" }}'],
  ])('%s under a password key is found', (_, value) => {
    expect(problems({ conf: { db_password: value } })).toHaveLength(1);
  });

  test.each(['${DB_PASSWORD}', '$DB_PASSWORD', '{{ .Values.endpoints.oslo_db.auth.admin.password }}', '"{{- .Values.x -}}"'])(
    'one reference and nothing else, %s, is no value',
    (value) => {
      expect(problems({ conf: { db_password: value } })).toStrictEqual([]);
    },
  );

  test('a URL whose password holds a variable is found', () => {
    expect(problems({ conf: { database: { connection: 'mysql+pymysql://nova:${X}hunter2@db/nova' } } })).toStrictEqual([
      'conf.database.connection: URL carries a password',
    ]);
  });

  test('an INI text inside a value is scanned by key; code and command substitutions are not values', () => {
    const override = '[database]\npassword = hunter2\n';
    expect(problems({ conf: { database: { config_override: override } } })).toStrictEqual([
      'conf.database.config_override: line 2: password holds a plaintext credential',
    ]);
    expect(problems({ script: 'token="$(openstack token issue -f value -c id)"\nSECRET_KEY = conf["x"]\n' })).toStrictEqual([]);
  });
});

describe('PEM material in base64 and credentials without a scheme', () => {
  test.each([0, 1, 2])('base64 PEM with %i bytes before it is found', (pad) => {
    const encoded = Buffer.from('x'.repeat(pad) + PEM_KEY).toString('base64');
    expect(hasBase64Pem(encoded)).toBe(true);
    expect(problems({ tls: { key: encoded } })).toStrictEqual(['tls.key: holds PEM key or certificate material']);
  });

  test('base64 of other text is not PEM', () => {
    expect(hasBase64Pem(Buffer.from('just some configuration text that is long enough').toString('base64'))).toBe(false);
  });

  test.each([
    ['a DSN', 'root:hunter2@db.example.com:3306/nova', ['hunter2']],
    ['after a space', 'connect to admin:s3cr3t@10.0.0.1 now', ['s3cr3t']],
    ['an IPv6 host', 'u:pw@[fd00::1]', ['pw']],
    ['an image digest', 'nginx:1.13@sha256:0123456789abcdef', []],
    ['an e-mail address', 'write to ops@example.com', []],
    ['a URL (found as a URL)', 'https://u:pw@h', []],
  ])('user:password@host without a scheme: %s', (_, text, expected) => {
    expect(barePasswords(text)).toStrictEqual(expected);
  });

  test('a bare user:password@host in a value is found', () => {
    expect(problems({ conf: { backend: 'nova:hunter2@db.example.com' } })).toStrictEqual([
      'conf.backend: user:password@host carries a password',
    ]);
  });
});

describe('every file we write', () => {
  test.each([
    ['a PEM key', PEM_KEY, 'holds PEM key or certificate material'],
    ['a URL with a password', 'see https://admin:hunter2@repo.example.com', 'URL carries a password'],
    ['a password line', 'password: hunter2', 'password holds a plaintext credential'],
  ])('README.md holding %s is found', (_, text, problem) => {
    const found = scanCredentials(new Map([['README.md', `# site\n\n${text}\n`]]));
    expect(found.map((f) => f.problem)).toContain(problem);
  });

  test('a generated README with the profile description is scanned at synth and by validate', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-readme-'));
    try {
      const profile = aioSimplex({ name: 'site', description: 'Mirror: https://admin:hunter2@mirror.example.com/charts' });
      fs.writeFileSync(path.join(tmp, 'site.yaml'), JSON.stringify(profile));
      const result = runSynth({ output: path.join(tmp, 'dist'), profiles: [path.join(tmp, 'site.yaml')], fleets: [] });
      expect(result.code).toBe(1);
      expect(result.messages.join('\n')).toMatch(/site\/README\.md: \(file\): URL carries a password/);
      expect(fs.existsSync(path.join(tmp, 'dist'))).toBe(false);
      // validate of a tree that holds one (written by hand, by an older version).
      const stack = path.join(tmp, 'stack');
      fs.mkdirSync(stack);
      fs.writeFileSync(
        path.join(stack, 'kustomization.yaml'),
        toYamlFile([{ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [] }]),
      );
      fs.writeFileSync(path.join(stack, 'README.md'), 'Mirror: https://admin:hunter2@mirror.example.com/charts\n');
      expect(validateStack(stack).problems).toContain('stack/README.md: (file): URL carries a password');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
