import { CredentialRef } from '../../lib/engine/credentials';
import { isValues, mergeValues, Values } from '../../lib/engine/values';

describe('isValues', () => {
  test.each([
    ['an empty mapping', {}, true],
    ['a mapping', { a: 1 }, true],
    ['a list', [], false],
    ['null', null, false],
    ['a string', 'a', false],
    ['a number', 1, false],
    ['undefined', undefined, false],
    ['a credential', new CredentialRef('admin-password', 'password'), false],
  ])('%s', (_, value, expected) => {
    expect(isValues(value)).toBe(expected);
  });
});

describe('mergeValues', () => {
  test('mappings merge key by key, at every depth', () => {
    const base: Values = { a: { b: 1, c: { d: 2, e: 3 } }, f: 4 };
    const overlay: Values = { a: { c: { e: 30, g: 5 } }, h: 6 };
    expect(mergeValues(base, overlay)).toStrictEqual({ a: { b: 1, c: { d: 2, e: 30, g: 5 } }, f: 4, h: 6 });
  });

  test('lists are replaced, not merged', () => {
    expect(mergeValues({ l: [1, 2, 3] }, { l: [9] })).toStrictEqual({ l: [9] });
  });

  test('null in the overlay removes the key (no undefined-valued key is left)', () => {
    const merged = mergeValues({ a: 1, b: { c: 2, d: 3 } }, { a: null, b: { c: null } });
    expect(merged).toStrictEqual({ b: { d: 3 } });
    expect(Object.keys(merged)).toEqual(['b']);
  });

  test('a scalar replaces a mapping and a mapping replaces a scalar', () => {
    expect(mergeValues({ a: { b: 1 } }, { a: 'x' })).toStrictEqual({ a: 'x' });
    expect(mergeValues({ a: 'x' }, { a: { b: 1 } })).toStrictEqual({ a: { b: 1 } });
    expect(mergeValues({ a: [1] }, { a: { b: 1 } })).toStrictEqual({ a: { b: 1 } });
    expect(mergeValues({ a: { b: 1 } }, { a: [1] })).toStrictEqual({ a: [1] });
  });

  test('a credential in the overlay replaces a mapping rather than merging into it', () => {
    const ref = new CredentialRef('admin-password', 'password');
    const merged = mergeValues({ a: { b: 1 } }, { a: ref });
    expect(merged.a).toBe(ref);
  });

  test('false, 0 and the empty string are values, not removals', () => {
    expect(mergeValues({ a: 1, b: 1, c: 1 }, { a: false, b: 0, c: '' })).toStrictEqual({ a: false, b: 0, c: '' });
  });

  test('neither input is modified', () => {
    const base: Values = { a: { b: 1 }, k: 1 };
    const overlay: Values = { a: { c: 2 }, k: null };
    mergeValues(base, overlay);
    expect(base).toStrictEqual({ a: { b: 1 }, k: 1 });
    expect(overlay).toStrictEqual({ a: { c: 2 }, k: null });
  });

  test('nothing to merge gives the base itself; an overlay with a key gives a new mapping', () => {
    const base: Values = { a: { b: 1 } };
    expect(mergeValues(base, {})).toBe(base);
    const merged = mergeValues(base, { c: 2 });
    expect(merged).not.toBe(base);
    expect(merged).toStrictEqual({ a: { b: 1 }, c: 2 });
    // One level down too: an empty overlay mapping leaves the base's mapping as it is.
    expect(mergeValues(base, { a: {} }).a).toBe(base.a);
  });
});
