import { CredentialRef, splitCredentials } from '../../lib/engine/credentials';

const ref = (id: string) => new CredentialRef(id, 'password');

describe('CredentialRef', () => {
  test.each(['admin-password', 'db-password.nova', 'tls.crt', 'A_b-9', 'x'])('accepts the Secret data key %j', (id) => {
    expect(ref(id).id).toBe(id);
  });

  test.each(['', 'a b', ' a', 'a ', 'a/b', 'a:b', 'pw\n'])('refuses %j', (id) => {
    expect(() => ref(id)).toThrow(`credential id "${id}" is not a valid Secret data key`);
  });

  test('keeps kind and detail', () => {
    const r = new CredentialRef('notification-url.nova', 'rabbit-url', '/nova');
    expect([r.kind, r.detail]).toStrictEqual(['rabbit-url', '/nova']);
  });
});

describe('splitCredentials', () => {
  test('a credential leaf moves to leaves with its --set path; its mapping goes when left empty', () => {
    const a = ref('a');
    const { plain, leaves } = splitCredentials({ endpoints: { identity: { auth: { admin: { password: a } } }, keep: 1 } });
    expect(plain).toStrictEqual({ endpoints: { keep: 1 } });
    expect(leaves).toStrictEqual([
      { targetPath: 'endpoints.identity.auth.admin.password', segments: ['endpoints', 'identity', 'auth', 'admin', 'password'], ref: a },
    ]);
    expect(leaves[0].ref).toBe(a);
  });

  test('special characters of keys are escaped in the path', () => {
    const { leaves } = splitCredentials({ 'a.b': { 'c,d': { 'e=f': { 'g[0]': { 'h\\i': ref('x') } } } } });
    expect(leaves.map((l) => l.targetPath)).toStrictEqual(['a\\.b.c\\,d.e\\=f.g\\[0\\].h\\\\i']);
  });

  test('a list made only of credentials is removed from the plain values and set item by item', () => {
    const { plain, leaves } = splitCredentials({ keys: [ref('a'), ref('b')], other: 'x' });
    expect(plain).toStrictEqual({ other: 'x' });
    expect(leaves.map((l) => [l.targetPath, l.ref.id])).toStrictEqual([
      ['keys[0]', 'a'],
      ['keys[1]', 'b'],
    ]);
  });

  test('a list mixing credentials and values keeps the values and a null where each credential goes', () => {
    const { plain, leaves } = splitCredentials({ l: ['x', ref('a'), { k: 1 }, { p: ref('b') }] });
    expect(plain).toStrictEqual({ l: ['x', null, { k: 1 }, null] });
    expect(leaves.map((l) => l.targetPath)).toStrictEqual(['l[1]', 'l[3].p']);
  });

  test('lists and mappings without credentials pass unchanged; empty ones are kept', () => {
    const values = { l: [1, [2, 3], { a: 'b' }], e: {}, el: [], n: null, f: false, z: 0 };
    const { plain, leaves } = splitCredentials(values);
    expect(plain).toStrictEqual(values);
    expect(leaves).toStrictEqual([]);
  });

  test('a tree made only of credentials leaves an empty mapping', () => {
    const { plain, leaves } = splitCredentials({ a: { b: ref('x') }, c: ref('y') });
    expect(plain).toStrictEqual({});
    expect(leaves.map((l) => l.targetPath)).toStrictEqual(['a.b', 'c']);
  });

  test('a credential at the root', () => {
    const { plain, leaves } = splitCredentials(ref('x'));
    expect(plain).toStrictEqual({});
    expect(leaves).toStrictEqual([{ targetPath: '', segments: [], ref: ref('x') }]);
  });

  test('a scalar root passes through', () => {
    expect(splitCredentials('text')).toStrictEqual({ plain: 'text', leaves: [] });
    expect(splitCredentials({})).toStrictEqual({ plain: {}, leaves: [] });
  });

  test('a subtree shared by two values trees: the second split gives the same plain subtree and finds the credentials beside it', () => {
    const shared = { conf: { debug: true, hosts: ['a', 'b'] } };
    const first = splitCredentials({ nova: shared, auth: { password: ref('admin-password') } });
    const second = splitCredentials({ neutron: shared, db: [ref('db-password.neutron'), 'plain'] });
    expect((first.plain as { nova: unknown }).nova).toBe(shared);
    expect((second.plain as { neutron: unknown }).neutron).toBe(shared);
    expect(second.plain).toStrictEqual({ neutron: shared, db: [null, 'plain'] });
    expect(second.leaves.map((l) => l.targetPath)).toStrictEqual(['db[0]']);
    expect(splitCredentials(shared)).toStrictEqual({ plain: shared, leaves: [] });
  });

  test('a values tree split again gives the first split (the same plain values and leaves); a caller changing its list of leaves changes no later split', () => {
    const values = { auth: { password: ref('admin-password'), user: 'admin' }, db: [ref('db-password.nova')] };
    const first = splitCredentials(values);
    first.leaves.pop();
    const second = splitCredentials(values);
    expect(second.plain).toBe(first.plain);
    expect(second.plain).toStrictEqual({ auth: { user: 'admin' } });
    expect(second.leaves.map((l) => l.targetPath)).toStrictEqual(['auth.password', 'db[0]']);
    expect(splitCredentials(values).leaves).toHaveLength(2);
  });
});
