/**
 * The synth's credential scan reads the documents a file was written from instead of parsing the
 * text again (lib/engine/yaml.ts `withWrittenDocuments`, lib/validate/credential-scan.ts). It must find
 * exactly what the scan of the text finds: on random values with credential keys, URLs and PEM
 * text; on data that is not written as itself (a Map, a class instance, toJSON), where it parses;
 * and on a text changed after it was written, where it parses too.
 */
import fc from 'fast-check';
import { scanCredentials } from '../lib/validate/credential-scan';
import { toYamlFile, withWrittenDocuments, writtenDocumentsOf } from '../lib/engine/yaml';
import { key, trickyString } from './support/yaml-arbitraries';

const PEM_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n';

/** Findings of one YAML file, from its text alone and, in a synth, from the documents it was written from. */
function both(documents: readonly unknown[], text?: string) {
  const fromText = scanCredentials(new Map([['r/r-user-overrides.yaml', text ?? toYamlFile(documents)]]));
  const fromDocuments = withWrittenDocuments(() => {
    const written = toYamlFile(documents);
    return scanCredentials(new Map([['r/r-user-overrides.yaml', text ?? written]]));
  });
  return { fromText, fromDocuments };
}

const secretish = fc.oneof(
  trickyString,
  fc.constantFrom(
    'hunter2',
    'postgres://u:p4ss@db/x',
    'user:pw@host',
    PEM_KEY,
    'password = s3cret\nother: 1',
    'changeme',
    '$VAR',
    '{{ .Values.x }}',
  ),
);
const credentialKey = fc.oneof(
  key,
  fc.constantFrom('password', 'admin_password', 'secret_key', 'token', 'keyring', 'private_key', 'identity:change_password'),
);
const values = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    secretish,
    fc.integer(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(credentialKey, tie('v'), { maxKeys: 5, noNullPrototype: true }),
  ),
})).v;

describe('the credential scan of written documents finds what the scan of the text finds', () => {
  test('a text written in the scope has its documents; outside it, none', () => {
    const docs = [{ password: 'hunter2' }];
    withWrittenDocuments(() => expect(writtenDocumentsOf(toYamlFile(docs))).toBe(docs));
    expect(writtenDocumentsOf(toYamlFile(docs))).toBeUndefined();
  });

  test('past the bound (here 32 million characters) the remembered texts are let go, and a forgotten one is parsed', () => {
    withWrittenDocuments(() => {
      const first = [{ password: 'hunter2', big: 'x'.repeat(20_000_000) }];
      const firstText = toYamlFile(first);
      expect(writtenDocumentsOf(firstText)).toBe(first);
      const second = [{ big: 'y'.repeat(20_000_000) }];
      expect(writtenDocumentsOf(toYamlFile(second))).toBe(second);
      expect(writtenDocumentsOf(firstText)).toBeUndefined();
      expect(scanCredentials(new Map([['a.yaml', firstText]])).map((f) => f.path)).toEqual(['password']);
    }, 32_000_000);
  });

  test('property: random documents with credentials', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(credentialKey, values, { maxKeys: 6, noNullPrototype: true }), { minLength: 1, maxLength: 2 }),
        (docs) => {
          const { fromText, fromDocuments } = both(docs);
          expect(fromDocuments).toStrictEqual(fromText);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a Secret manifest and PEM text in a document', () => {
    const { fromText, fromDocuments } = both([{ apiVersion: 'v1', kind: 'Secret', data: { k: 'eA==' } }, { tls: { key: PEM_KEY } }]);
    expect(fromText.map((f) => f.problem)).toEqual(
      expect.arrayContaining(['a Secret manifest in the tree (credentials belong outside git)', 'holds PEM key or certificate material']),
    );
    expect(fromDocuments).toStrictEqual(fromText);
  });

  test('data written as something else (toJSON, a Map, a class instance) is scanned from the text', () => {
    class Box {
      constructor(public readonly password: string) {}
    }
    for (const doc of [{ password: { toJSON: () => 'hunter2' } }, { b: new Box('hunter2') }]) {
      const { fromText, fromDocuments } = both([doc]);
      expect(fromText.length).toBeGreaterThan(0);
      expect(fromDocuments).toStrictEqual(fromText);
    }
    // A Map is written as `!!omap`, which reads back as a Map: the text scan does not look into it either.
    const { fromText, fromDocuments } = both([{ m: new Map([['password', 'hunter2']]) }]);
    expect(fromDocuments).toStrictEqual(fromText);
  });

  test('a text changed after it was written is scanned from the text', () => {
    const { fromText, fromDocuments } = both([{ harmless: 'x' }], toYamlFile([{ password: 'hunter2' }]));
    expect(fromText).toStrictEqual([
      {
        file: 'r/r-user-overrides.yaml',
        path: 'password',
        problem: 'plaintext credential (a 7-character value; only chart placeholders may be written)',
      },
    ]);
    expect(fromDocuments).toStrictEqual(fromText);
  });

  test('a document shared by two files is reported in each', () => {
    const shared = { password: 'hunter2' };
    const text = toYamlFile([shared]);
    const files = new Map([
      ['a.yaml', text],
      ['b.yaml', text],
    ]);
    const fromDocuments = withWrittenDocuments(() => {
      toYamlFile([shared]);
      return scanCredentials(files);
    });
    expect(fromDocuments.map((f) => f.file)).toEqual(['a.yaml', 'b.yaml']);
    expect(fromDocuments).toStrictEqual(scanCredentials(files));
  });
});
