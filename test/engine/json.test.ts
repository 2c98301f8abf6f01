/**
 * The shared tree helpers (lib/engine/json.ts): Helm `--set` paths formatted and parsed as one
 * pair, the mapping test, own-property writes, and the one credential-key rule.
 */
import fc from 'fast-check';
import { escapeSetKey, formatSetPath, isCredentialKey, isMap, isMapping, JsonMap, parseSetPath, PathSegment, setOwn } from '../../lib/engine/json';

/** Keys with every character `--set` treats specially, and plain ones. */
const key = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.stringMatching(/^[a-z.,=[\]\\]{1,6}$/));
const keySegment = key.map((k): PathSegment => ({ key: k }));
const segment: fc.Arbitrary<PathSegment> = fc.oneof(keySegment, fc.nat(65536).map((index): PathSegment => ({ index })));
/** A path Helm can address: it starts with a key (an index needs a key before it). */
const setPath = fc.tuple(keySegment, fc.array(segment, { maxLength: 6 })).map(([first, rest]) => [first, ...rest]);

describe('--set paths', () => {
  test('parse(format(p)) = p for any path', () => {
    fc.assert(fc.property(setPath, (p) => expect(parseSetPath(formatSetPath(p))).toStrictEqual(p)), { numRuns: 500 });
  });

  test('format(parse(s)) = s for a path written in the canonical form', () => {
    for (const s of ['a', 'a.b', 'a\\.b.c', 'list[0].name', 'm[1][2]', 'k\\,v\\=w\\[x\\]\\\\']) expect(formatSetPath(parseSetPath(s))).toBe(s);
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
    expect(() => parseSetPath('a[65537]')).toThrow('targetPath "a[65537]": list index 65537 is above Helm\'s limit 65536');
    expect(() => parseSetPath('.a')).toThrow('targetPath ".a": empty key at character 1');
    expect(() => parseSetPath('a.')).toThrow('targetPath "a.": empty key at the end');
    expect(() => parseSetPath('')).toThrow('targetPath "": empty key at the end');
    expect(() => parseSetPath('a[0')).toThrow('targetPath "a[0": unclosed [');
    expect(() => parseSetPath('a[0].')).toThrow('targetPath "a[0].": ends with a dot');
    expect(() => parseSetPath('a[0]b')).toThrow('targetPath "a[0]b": expected . or [ after ] at character 5');
    expect(() => parseSetPath('a[]')).toThrow('targetPath "a[]": list index "" is not a non-negative integer');
    expect(() => parseSetPath('a[-1]')).toThrow('list index "-1" is not a non-negative integer');
    expect(() => parseSetPath('a[1x]')).toThrow('list index "1x" is not a non-negative integer');
    expect(() => parseSetPath('a[x1]')).toThrow('list index "x1" is not a non-negative integer');
    expect(() => parseSetPath('a.[0]')).toThrow('targetPath "a.[0]": index without a key at character 3');
  });

  test('paths Helm takes, segment by segment', () => {
    expect(parseSetPath('a[65536]')).toStrictEqual([{ key: 'a' }, { index: 65536 }]);
    expect(parseSetPath('a[0][1]')).toStrictEqual([{ key: 'a' }, { index: 0 }, { index: 1 }]);
    expect(parseSetPath('a[0].b[2].c')).toStrictEqual([{ key: 'a' }, { index: 0 }, { key: 'b' }, { index: 2 }, { key: 'c' }]);
    expect(parseSetPath('a\\\\.b')).toStrictEqual([{ key: 'a\\' }, { key: 'b' }]);
    expect(parseSetPath('\\.')).toStrictEqual([{ key: '.' }]);
    expect(parseSetPath('a.b]c')).toStrictEqual([{ key: 'a' }, { key: 'b]c' }]);
    expect(parseSetPath('a[007]')).toStrictEqual([{ key: 'a' }, { index: 7 }]);
    // The ] searched for is the one after the [, not an earlier one in a key.
    expect(parseSetPath('x]y[1]')).toStrictEqual([{ key: 'x]y' }, { index: 1 }]);
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
  test.each(['password', 'db_password', 'dbPassword', 'secret_key', 'SECRET_KEY', 'apiKey', 'APIToken', 'fernet_keys', 'rbd.keyring', 'cookie', 'pass'])('%s names a credential', (k) => {
    expect(isCredentialKey(k)).toBe(true);
  });
  test.each([
    'passwd', 'db-passphrase', 'x.secret', 'secret_access_key', 'access_secret', 'token', 'private_key', 'privatekey', 'api_key', 'apikey', 'encryption_key',
    'signing_key', 'hmac_key', 'hmac_keys', 'fernet_key', 'auth_key', 'credential', 'credentials', 'PASSWORD', 'Password', 'adminPassword', 'DBPassword', 'awsSecretAccessKey', 'oauthToken', 'a1Token',
  ])('%s names a credential too', (k) => {
    expect(isCredentialKey(k)).toBe(true);
  });
  test.each(['username', 'password_rules', 'tokens_enabled', 'secretName', 'keyring_path', 'passthrough', 'bypass', 'xpassword', 'mytoken', 'cookies', 'fernet_keyss', 'hmac_keyx', 'passwordx', 'Tokenizer', 'compass', 'Passes'])('%s does not', (k) => {
    expect(isCredentialKey(k)).toBe(false);
  });
});
