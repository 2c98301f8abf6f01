/**
 * The shared tree helpers (lib/engine/json.ts): Helm `--set` paths formatted and parsed as one
 * pair, the mapping test, own-property writes, and the one credential-key rule.
 */
import fc from 'fast-check';
import {
  escapeSetKey,
  formatSetPath,
  isCredentialKey,
  isMap,
  isMapping,
  JsonMap,
  parseSetPath,
  PathSegment,
  setOwn,
} from '../../lib/engine/json';

/** Keys with every character `--set` treats specially, and plain ones. */
const key = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.stringMatching(/^[a-z.,=[\]\\]{1,6}$/));
const keySegment = key.map((k): PathSegment => ({ key: k }));
const segment: fc.Arbitrary<PathSegment> = fc.oneof(
  keySegment,
  fc.nat(65536).map((index): PathSegment => ({ index })),
);
/** A path Helm can address: it starts with a key (an index needs a key before it). */
const setPath = fc.tuple(keySegment, fc.array(segment, { maxLength: 6 })).map(([first, rest]) => [first, ...rest]);

describe('--set paths', () => {
  test('parse(format(p)) = p for any path', () => {
    fc.assert(
      fc.property(setPath, (p) => expect(parseSetPath(formatSetPath(p))).toStrictEqual(p)),
      { numRuns: 500 },
    );
  });

  test('format(parse(s)) = s for a path written in the canonical form', () => {
    for (const s of ['a', 'a.b', 'a\\.b.c', 'list[0].name', 'm[1][2]', 'k\\,v\\=w\\[x\\]\\\\'])
      expect(formatSetPath(parseSetPath(s))).toBe(s);
  });

  test('escaping: exactly . , = [ ] and backslash are escaped', () => {
    expect(escapeSetKey('a.b,c=d[e]f\\g-h_i/j')).toBe('a\\.b\\,c\\=d\\[e\\]f\\\\g-h_i/j');
    expect(formatSetPath([{ key: 'conf' }, { key: 'nova.conf' }, { index: 3 }])).toBe('conf.nova\\.conf[3]');
  });

  test('a malformed path is refused, saying where', () => {
    expect(() => parseSetPath('a..b')).toThrow('targetPath "a..b": empty key at character 3');
    expect(() => parseSetPath('[0]')).toThrow('index without a key at character 1');
    expect(() => parseSetPath('a[x]')).toThrow('list index "x" is not a non-negative integer');
    expect(() => parseSetPath('a\\')).toThrow('ends with a backslash');
    expect(() => parseSetPath('a[65537]')).toThrow("above Helm's limit 65536");
  });
});

describe('isMapping / isMap / setOwn', () => {
  test('a mapping is an object that is not a list', () => {
    expect([{}, { a: 1 }, Object.create(null)].every(isMapping)).toBe(true);
    expect([null, undefined, [], 'a', 1, true].some(isMapping)).toBe(false);
    expect(isMap).toBe(isMapping);
  });

  test('setOwn keeps a __proto__ key as data', () => {
    const map: JsonMap = {};
    setOwn(map, '__proto__', { polluted: true });
    expect(Object.keys(map)).toStrictEqual(['__proto__']);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });
});

describe('isCredentialKey', () => {
  test.each([
    'password',
    'db_password',
    'dbPassword',
    'secret_key',
    'SECRET_KEY',
    'apiKey',
    'APIToken',
    'fernet_keys',
    'rbd.keyring',
    'cookie',
    'pass',
  ])('%s names a credential', (k) => {
    expect(isCredentialKey(k)).toBe(true);
  });
  test.each(['username', 'password_rules', 'tokens_enabled', 'secretName', 'keyring_path', 'passthrough'])('%s does not', (k) => {
    expect(isCredentialKey(k)).toBe(false);
  });
});
