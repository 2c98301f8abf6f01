import { isImageReference, isImageRegistry, isImageRepository, isImageTag, shellQuote } from '../../lib/engine/oci';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('isImageReference', () => {
  test.each([
    'nginx',
    'library/nginx',
    'docker.io/starlingx/stx-nova:master-debian-stable-latest',
    'registry.local:9001/docker.io/starlingx/stx-nova:tag',
    'localhost:5000/a/b/c',
    '[fd00::1]:9001/starlingx/nova:1.0',
    '[::1]/nova',
    `nginx@${DIGEST}`,
    `registry.local:9001/nginx:1.25@${DIGEST}`,
    `nginx@sha256+b64.x_y-z:${'0'.repeat(32)}`,
    'a.b-c/d__e/f-----g/h.i_j:t',
    'x:_',
    `nginx:a${'b'.repeat(127)}`,
    'r/a-b.c',
    'r-1.example/x',
    `${'a'.repeat(255)}`,
    `${'a'.repeat(250)}/${'b'.repeat(4)}:tag`,
  ])('accepts %s', (text) => {
    expect(isImageReference(text)).toBe(true);
  });

  test.each([
    ['empty', ''],
    ['upper case in the path', 'docker.io/Library/nginx'],
    ['a leading separator in a path component', 'docker.io/-nginx'],
    ['a trailing separator in a path component', 'nginx_'],
    ['two dots', 'a..b'],
    ['three underscores', 'a___b'],
    ['an empty path component', 'a//b'],
    ['a trailing slash', 'nginx/'],
    ['a domain with a leading hyphen', '-bad.example/nginx'],
    ['a domain with a trailing hyphen', 'bad-.example/nginx'],
    ['a port of six digits', 'registry:123456/nginx'],
    ['an empty tag', 'nginx:'],
    ['a tag starting with a dot', 'nginx:.tag'],
    ['a tag starting with a hyphen', 'nginx:-tag'],
    ['a tag of 129 characters', `nginx:a${'b'.repeat(128)}`],
    ['a digest too short', `nginx@sha256:${'a'.repeat(31)}`],
    ['a digest without algorithm', `nginx@${'a'.repeat(64)}`],
    ['a digest algorithm starting with a digit', `nginx@1sha:${'a'.repeat(64)}`],
    ['a digest with a non-hex character', `nginx@sha256:${'g'.repeat(64)}`],
    ['a digest algorithm with a trailing separator', `nginx@sha256+:${'a'.repeat(64)}`],
    ['a digest with text after it', `nginx@${DIGEST} `],
    ['text before it', ' nginx'],
    ['a shell word', 'nginx;rm -rf /'],
    ['a newline after it', 'nginx\n'],
    ['a name of 256 characters', 'a'.repeat(256)],
    ['a name of 256 characters with a tag', `${'a'.repeat(256)}:tag`],
    ['a name of 256 characters with a digest', `${'a'.repeat(256)}@${DIGEST}`],
    ['a name of 256 characters with a tag and a digest', `${'a'.repeat(251)}/${'b'.repeat(4)}:tag@${DIGEST}`],
    ['an IPv6 domain with a non-hex character', '[fd00::g]/nginx'],
  ])('refuses %s', (_, text) => {
    expect(isImageReference(text)).toBe(false);
  });

  test('the length limit counts the name only, not the tag or the digest', () => {
    const name = 'a'.repeat(255);
    expect(isImageReference(`${name}:${'t'.repeat(100)}`)).toBe(true);
    expect(isImageReference(`${name}@${DIGEST}`)).toBe(true);
    expect(isImageReference(`${name}:tag@${DIGEST}`)).toBe(true);
    // A registry port is part of the name, not a tag.
    expect(isImageReference(`r:5000/${'a'.repeat(248)}`)).toBe(true);
    expect(isImageReference(`r:5000/${'a'.repeat(249)}`)).toBe(false);
  });
});

describe('isImageRepository', () => {
  test.each(['nginx', 'docker.io/library/nginx', 'registry.local:9001/starlingx/stx-nova', '[fd00::1]:5000/x', 'a'.repeat(255)])('accepts %s', (text) => {
    expect(isImageRepository(text)).toBe(true);
  });

  test.each(['', 'nginx:1.25', `nginx@${DIGEST}`, 'Nginx', 'nginx/', 'a'.repeat(256), ' nginx', 'nginx '])('refuses %j', (text) => {
    expect(isImageRepository(text)).toBe(false);
  });
});

describe('isImageTag', () => {
  test.each(['1.13.3', 'master-debian-trixie-amd64-stable-latest', 'v1_2', '_', 'A', `a${'b'.repeat(127)}`])('accepts %s', (text) => {
    expect(isImageTag(text)).toBe(true);
  });

  test.each(['', '.1', '-1', 'a b', 'a:b', `a${'b'.repeat(128)}`, ' a', 'a '])('refuses %j', (text) => {
    expect(isImageTag(text)).toBe(false);
  });
});

describe('isImageRegistry', () => {
  test.each(['registry.local', 'registry.local:9001', 'registry.local:9001/mirror', 'registry.local:9001/a/b', 'localhost', '[fd00::1]:9001', 'a', 'a-b.c-d'])('accepts %s', (text) => {
    expect(isImageRegistry(text)).toBe(true);
  });

  test.each(['', 'registry.local:', 'registry.local:123456', '-registry', 'registry-', 'registry.local/', 'registry.local/Mirror', 'https://registry.local', 'registry.local:9001/nginx:tag', ' a', 'a '])('refuses %j', (text) => {
    expect(isImageRegistry(text)).toBe(false);
  });
});

describe('shellQuote', () => {
  test.each(['nginx', 'registry.local:9001/a_b/c-d:1.0', 'k=v,w', 'a@b%c+d', '/abs/path', 'A-Z'])('leaves %s unquoted', (word) => {
    expect(shellQuote(word)).toBe(word);
  });

  test.each([
    ['', `''`],
    ['a b', `'a b'`],
    ['$HOME', `'$HOME'`],
    ['a;b', `'a;b'`],
    ['*', `'*'`],
    ['~', `'~'`],
    ['a\nb', `'a\nb'`],
    [`it's`, `'it'\\''s'`],
    [`''`, `''\\'''\\'''`],
  ])('quotes %j', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });

  test('a quoted word reads back as itself in a POSIX shell (by its quoting rules)', () => {
    // Single quotes: everything up to the next quote is literal; '\'' ends, adds a quote, reopens.
    const unquote = (text: string) => text.replace(/'((?:[^'])*)'|\\'/g, (m, inner: string | undefined) => (inner !== undefined ? inner : `'`));
    for (const word of ['a b', `it's`, `'`, `a'b'c`, '$(rm -rf /)', '"x"', 'tab\there']) expect(unquote(shellQuote(word))).toBe(word);
  });
});
