import { credentialValuesDocument, credentialValuesKey, CredentialRef, splitCredentials } from '../../lib/engine/credentials';

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
    expect(leaves).toStrictEqual([{ targetPath: 'endpoints.identity.auth.admin.password', segments: ['endpoints', 'identity', 'auth', 'admin', 'password'], ref: a }]);
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

describe('splitCredentials: what is kept as it is and what is copied', () => {
  class Box {
    public readonly a = 1;
  }

  test('plain values without credentials come back as the same objects', () => {
    const values = { a: { b: [1, { c: 2 }] }, d: [] };
    const { plain } = splitCredentials(values);
    expect(plain).toBe(values);
    const bare = Object.assign(Object.create(null) as object, { x: 1 });
    expect(splitCredentials(bare).plain).toBe(bare);
  });

  test('an object of a class is copied into a plain mapping, and so is what holds it', () => {
    const box = new Box();
    const values = { l: [box], m: { box } };
    const { plain } = splitCredentials(values) as { plain: { l: unknown[]; m: { box: unknown } } };
    expect(plain).not.toBe(values);
    expect(plain.l).not.toBe(values.l);
    expect(plain.l[0]).not.toBe(box);
    expect(Object.getPrototypeOf(plain.l[0])).toBe(Object.prototype);
    expect(plain).toEqual({ l: [{ a: 1 }], m: { box: { a: 1 } } });
    expect(Object.getPrototypeOf(plain.m.box)).toBe(Object.prototype);
    // An empty one too.
    class Empty {}
    const empty = splitCredentials({ e: new Empty() }).plain as { e: object };
    expect(Object.getPrototypeOf(empty.e)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(splitCredentials(new Box()).plain)).toBe(Object.prototype);
  });

  test('a mapping that holds a credential is a new mapping; the input is not changed', () => {
    const values = { a: { p: ref('x'), q: 1 }, b: { c: 2 } };
    const { plain } = splitCredentials(values) as { plain: { a: unknown; b: unknown } };
    expect(plain).toStrictEqual({ a: { q: 1 }, b: { c: 2 } });
    expect(plain.b).toBe(values.b);
    expect(values.a.p).toBeInstanceOf(CredentialRef);
  });

  test('a list whose items are all credentials, at several depths', () => {
    const { plain, leaves } = splitCredentials({ l: [[ref('a')], { p: ref('b') }], keep: [[1]] });
    expect(plain).toStrictEqual({ keep: [[1]] });
    expect(leaves.map((l) => [l.targetPath, l.segments])).toStrictEqual([
      ['l[0][0]', ['l', 0, 0]],
      ['l[1].p', ['l', 1, 'p']],
    ]);
  });

  test('the second split of a subtree is not walked again and gives the same result', () => {
    const shared = { deep: { list: [{ a: 1 }] } };
    const one = splitCredentials({ x: shared });
    const two = splitCredentials({ y: shared, z: [shared] });
    expect((one.plain as { x: unknown }).x).toBe(shared);
    expect(two.plain).toStrictEqual({ y: shared, z: [shared] });
    expect((two.plain as { z: unknown[] }).z[0]).toBe(shared);
  });
});

describe('credentialValuesKey', () => {
  test('one key per release, distinct, a valid Secret data key', () => {
    expect(credentialValuesKey('nova')).toBe('helm-values.nova.yaml');
    expect(credentialValuesKey('nova')).not.toBe(credentialValuesKey('neutron'));
  });
});

describe('credentialValuesDocument', () => {
  const all = () => true;
  const byId = (ref: CredentialRef) => `value-of-${ref.id}`;

  test('each credential at its path, nothing else', () => {
    const values = { endpoints: { identity: { auth: { admin: { password: ref('a'), username: 'admin' } } } }, replicas: 2, conf: { x: 'y' } };
    expect(credentialValuesDocument(values, all, byId)).toStrictEqual({ endpoints: { identity: { auth: { admin: { password: 'value-of-a' } } } } });
  });

  test('include selects the credentials; a mapping left empty goes', () => {
    const values = { a: { p: ref('a') }, b: { p: ref('b'), q: ref('c') } };
    expect(credentialValuesDocument(values, (r) => r.id !== 'a' && r.id !== 'c', byId)).toStrictEqual({ b: { p: 'value-of-b' } });
    expect(credentialValuesDocument(values, () => false, byId)).toStrictEqual({});
  });

  test('a credential without a value yet is left out', () => {
    expect(credentialValuesDocument({ a: { p: ref('a'), q: ref('b') } }, all, (r) => (r.id === 'a' ? undefined : 'v'))).toStrictEqual({ a: { q: 'v' } });
  });

  test('a list that holds a selected credential is written whole: plain items as they are, credentials by value or null', () => {
    const values = { l: ['plain', ref('a'), { k: ref('b'), n: 1, deep: [ref('c')] }, ref('x'), 3, null], other: ['no', 'credential'] };
    const doc = credentialValuesDocument(values, (r) => r.id !== 'x', (r) => (r.id === 'c' ? undefined : r.id.toUpperCase()));
    expect(doc).toStrictEqual({ l: ['plain', 'A', { k: 'B', n: 1, deep: [null] }, null, 3, null] });
  });

  test('a list whose credentials are all left out by include is not written', () => {
    expect(credentialValuesDocument({ l: ['plain', ref('x'), [ref('y')], { k: ref('z') }] }, () => false, byId)).toStrictEqual({});
  });

  test('a list nested in a list that holds one is written whole too', () => {
    expect(credentialValuesDocument({ l: [['p', ref('a')], ['q']] }, all, byId)).toStrictEqual({ l: [['p', 'value-of-a'], ['q']] });
  });

  test('a scalar or empty tree gives an empty document', () => {
    for (const values of [null, undefined, 'text', 1, {}, []]) expect(credentialValuesDocument(values, all, byId)).toStrictEqual({});
  });
});
