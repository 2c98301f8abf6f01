/**
 * lib/engine/yaml-emit.ts writes JSON-like values directly; the yaml package's Document (with the
 * same options and the same quoting, `toYamlBodyByDocument`) is the reference it must match byte
 * for byte: on the property test's hostile values, on every document of the built-in stacks, and
 * on the shapes only deep nesting or long keys reach.
 */
import fc from 'fast-check';
import { emitYamlBody, NotPlainData } from '../../lib/engine/yaml-emit';
import { parse } from 'yaml';
import { readsAsSameString, toYamlBody, toYamlBodyByDocument } from '../../lib/engine/yaml';
import { key, mapping, MULTILINE, TROUBLE, UNICODE, value } from '../support/yaml-arbitraries';

/** Every string the arbitraries name, as key and value at three depths, in a mapping and a sequence. */
const NAMED = [
  ...TROUBLE,
  ...MULTILINE,
  ...UNICODE,
  'a "quoted" word',
  "it's",
  `both ' and "`,
  'x\n"y"',
  ' "lead',
  'a'.repeat(1100),
  'tail\n\n\n',
  'a\n\n\nb',
  'x \ny',
  'x\n y',
  'http://a:b@c/d',
  'key=value',
  '---x',
  '...y',
  '%z',
  'a\n%b',
];

describe('the direct YAML writer equals the yaml package', () => {
  test.each(NAMED.map((s) => [JSON.stringify(s).slice(0, 40), s]))('%s as a key and a value, at every depth', (_, s) => {
    const doc = { [s]: s, top: [s, { [s]: [s], deeper: { [s]: s } }], list: [[s]] };
    expect(toYamlBody(doc)).toBe(toYamlBodyByDocument(doc));
  });

  test('property: any mapping', () => {
    fc.assert(
      fc.property(mapping, (doc) => expect(toYamlBody(doc)).toBe(toYamlBodyByDocument(doc))),
      { numRuns: 1000 },
    );
  });

  test('property: any value, nested one level down', () => {
    fc.assert(
      fc.property(key, value, (k, v) => expect(toYamlBody({ [k]: v, l: [v] })).toBe(toYamlBodyByDocument({ [k]: v, l: [v] }))),
      { numRuns: 1000 },
    );
  });

  test('numbers, booleans, null, empty collections', () => {
    const doc = {
      n: [0, -0, 1.5, -2, 1e21, 5e-324, Number.MAX_VALUE],
      b: [true, false],
      z: null,
      e: {},
      a: [],
      u: undefined,
      m: { x: undefined },
      s: [{}, [], [[]], { k: {} }],
    };
    expect(toYamlBody(doc)).toBe(toYamlBodyByDocument(doc));
  });

  test('what it does not cover goes through the package', () => {
    const rules = { quoteDouble: () => false, readsAsOtherType: () => false };
    for (const doc of [
      { d: new Date(0) },
      { m: new Map([['a', 1]]) },
      { n: NaN },
      { l: [undefined] },
      { ['k'.repeat(1100)]: 1 },
      'scalar document',
    ]) {
      expect(() => emitYamlBody(doc, rules)).toThrow(NotPlainData);
      expect(toYamlBody(doc)).toBe(toYamlBodyByDocument(doc));
    }
  });
});

describe('readsAsSameString without parsing', () => {
  test('a word of millions of characters is decided in one pass (no deep backtracking)', () => {
    const long = 'y'.repeat(5_000_000);
    expect(readsAsSameString(long)).toBe(true);
    expect(toYamlBody({ k: long })).toBe(`k: ${long}\n`);
  });

  const parsedSame = (s: string) => (['1.1', '1.2'] as const).every((version) => parse(s, { version, logLevel: 'silent' }) === s);
  test('property: a word of letters, digits, _./-, : and blanks gets the verdict of the parse', () => {
    const word = fc.string({ unit: fc.constantFrom(...'aAnNyYoOtTfFeElLsSuUrRxX019_./+-: #'.split('')), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(word, (s) => expect(readsAsSameString(s)).toBe(parsedSame(s))),
      { numRuns: 2000 },
    );
  });
  test.each([
    'y',
    'Yes',
    'NO',
    'off',
    'False',
    'null',
    'Null',
    'nulls',
    'nova',
    'yes-please',
    'n1',
    'on.off',
    'true_',
    'tRUE',
    'FALSEY',
    'e9',
    'E-5',
    'e1x',
    'filter:cache',
    'a: b',
    'a:',
    'open id',
    'no ',
    'n #x',
    'OS::Nova',
  ])('%s', (s) => {
    expect(readsAsSameString(s)).toBe(parsedSame(s));
  });
});
