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
const NAMED = [...TROUBLE, ...MULTILINE, ...UNICODE, 'a "quoted" word', "it's", `both ' and "`, 'x\n"y"', ' "lead', 'a'.repeat(1100), 'tail\n\n\n', 'a\n\n\nb', 'x \ny', 'x\n y', 'http://a:b@c/d', 'key=value', '---x', '...y', '%z', 'a\n%b'];

describe('the direct YAML writer equals the yaml package', () => {
  test.each(NAMED.map((s) => [JSON.stringify(s).slice(0, 40), s]))('%s as a key and a value, at every depth', (_, s) => {
    const doc = { [s]: s, top: [s, { [s]: [s], deeper: { [s]: s } }], list: [[s]] };
    expect(toYamlBody(doc)).toBe(toYamlBodyByDocument(doc));
  });

  test('property: any mapping', () => {
    fc.assert(fc.property(mapping, (doc) => expect(toYamlBody(doc)).toBe(toYamlBodyByDocument(doc))), { numRuns: 1000 });
  });

  test('property: any value, nested one level down', () => {
    fc.assert(fc.property(key, value, (k, v) => expect(toYamlBody({ [k]: v, l: [v] })).toBe(toYamlBodyByDocument({ [k]: v, l: [v] }))), { numRuns: 1000 });
  });

  test('numbers, booleans, null, empty collections', () => {
    const doc = { n: [0, -0, 1.5, -2, 1e21, 5e-324, Number.MAX_VALUE], b: [true, false], z: null, e: {}, a: [], u: undefined, m: { x: undefined }, s: [{}, [], [[]], { k: {} }] };
    expect(toYamlBody(doc)).toBe(toYamlBodyByDocument(doc));
  });

  test('what it does not cover goes through the package', () => {
    const rules = { quoteDouble: () => false, readsAsOtherType: () => false };
    for (const doc of [{ d: new Date(0) }, { m: new Map([['a', 1]]) }, { n: NaN }, { l: [undefined] }, { [('k'.repeat(1100))]: 1 }, 'scalar document']) {
      expect(() => emitYamlBody(doc, rules)).toThrow(NotPlainData);
      expect(toYamlBody(doc)).toBe(toYamlBodyByDocument(doc));
    }
  });
});

/** Strings aimed at each branch of the writer: escapes, line breaks of double-quoted text, block headers, plain-scalar rules. */
const X = 'x'.repeat(40);
const BRANCHES = [
  // Each escape YAML has a short form for, control characters at the edges of the ranges, surrogates.
  '\0', '\x07', '\x08', '\x09', '\x0b', '\x0c', '\x0d', '\x1b', '\x1f', '\x7f', '\x80', '\x85', '\x9f', '\xa0', '\xad', '\u2028', '\u2029', '\ud800', '\udfff', '\ud83d\ude00', 'a\x01b',
  // Double-quoted text with line breaks: short (no folding), at and around 40 JSON characters, breaks at the end, several in a row, spaces beside them.
  '\x01\n', '\x01a\nb', `\x01${'a'.repeat(28)}\nb`, `\x01${'a'.repeat(29)}\nb`, `\x01${'a'.repeat(30)}\nb`, `\x01${X}\n`, `\x01${X}\n\n`, `\x01${X}\n\n\ny`, `\x01${X}\n\n\n`,
  `\x01${X} \ny`, `\x01${X}\n y`, `\x01${X}\n\n y`, `\x01${X} \n \n`, `\x01${X}\\n`, `\x01${X}"\n"`, `\x01${X}\ty\nz`, `\x01${X}\u0085\nz`,
  // Quotes: double quotes only (single-quoted), both, and with line breaks.
  '"x" y', '"x"', 'a "b" c:', '"a\nb"', `it's "x"`, '"x"\n  ', '"x"\n\t', 'x "y"\n', '"x"\n"y"\n',
  // Literal blocks: leading spaces or line breaks, trailing spaces on the last line, keep and strip chomping.
  '\nx', '\n\nx\n', ' \nx', '  \n x', 'x\n\n', 'x\n\n\n', 'x\n \n', 'x\n\t', 'x\n  ', ' x\ny', '\n x\n', 'x\n\ny\n\n\nz', 'x\n\n\ny\n\n',
  // Plain or not: each rule of a plain scalar.
  'a,b', 'a[b', 'a]b', 'a{b', 'a}b', ',a', '[a', ']a', '{a', '}a', '#a', '&a', '*a', '!a', '|a', '>a', "'a", '%a', '@a', '`a', '?', '-', '? ', '- ', '?a', '-a', '?\ta', '-\ta', 'a:', 'a: b', 'a:\tb', 'a::b', 'a :b', 'a #', 'a\t#b', 'a#b', 'a\t', 'a ', 'a:\n', 'x\n: y', 'x\n#y', 'x \ny', 'x\t\ny',
  // Document markers: only a key one level down is quoted for them.
  '---', '--- x', '...', '... x', '%x', 'a\n---', 'a\n%b', '----', '-- -', '..',
];

describe('the direct YAML writer on each of its branches equals the yaml package', () => {
  test.each(BRANCHES.map((s) => [JSON.stringify(s).slice(0, 40), s]))('%s as a key and a value, at the top and nested', (_, s) => {
    const docs = [{ [s]: s }, { top: { [s]: s, l: [s, [s], { [s]: [s] }] } }, [s], [[s]], [{ [s]: { [s]: s } }]];
    for (const doc of docs) expect(toYamlBody(doc)).toBe(toYamlBodyByDocument(doc));
  });

  test('a string met first as a value, then as a key, then as a key deeper, is written for each place', () => {
    for (const s of ['---', '%x', 'a: b', 'a\nb', '"x"']) {
      const doc = { v: s, [s]: { [s]: s }, l: [{ [s]: 1 }] };
      expect(toYamlBody(doc)).toBe(toYamlBodyByDocument(doc));
    }
  });

  test('a key of exactly 1,024 characters as written is still written directly', () => {
    const rules = { quoteDouble: () => false, readsAsOtherType: () => false };
    expect(emitYamlBody({ ['k'.repeat(1024)]: 1 }, rules)).toBe(`${'k'.repeat(1024)}: 1\n`);
    expect(() => emitYamlBody({ ['k'.repeat(1025)]: 1 }, rules)).toThrow(NotPlainData);
    // Written with quotes, a key of 1,023 characters is over the limit.
    expect(() => emitYamlBody({ ['"'.repeat(1023)]: 1 }, rules)).toThrow(NotPlainData);
  });

  test('what it refuses, said', () => {
    const rules = { quoteDouble: () => false, readsAsOtherType: () => false };
    const refusal = (doc: unknown) => {
      try {
        emitYamlBody(doc, rules);
      } catch (error) {
        expect(error).toBeInstanceOf(NotPlainData);
        return (error as Error).message;
      }
      return 'nothing';
    };
    expect(refusal('text')).toBe('a document that is not a mapping or sequence');
    expect(refusal(null)).toBe('a document that is not a mapping or sequence');
    expect(refusal({ n: Infinity })).toBe('a number that is not finite');
    expect(refusal({ d: new Date(0) })).toBe('an object that is not plain data');
    expect(refusal({ j: { toJSON: () => 1 } })).toBe('an object that is not plain data');
    expect(refusal([1n])).toBe('a value of type bigint');
    expect(refusal({ f: () => 1 })).toBe('a value of type function');
    expect(refusal([1, undefined])).toBe('an undefined sequence item');
    expect(refusal({ ['k'.repeat(1100)]: 1 })).toBe('a key longer than 1,024 characters');
    // A mapping without a prototype is plain data.
    expect(refusal(Object.assign(Object.create(null) as object, { a: 1 }))).toBe('nothing');
  });

  test('the rules decide: quoteDouble forces double quotes, readsAsOtherType forces quotes on a plain word', () => {
    const plain = { quoteDouble: () => false, readsAsOtherType: () => false };
    expect(emitYamlBody({ k: 'word' }, plain)).toBe('k: word\n');
    expect(emitYamlBody({ k: 'word' }, { ...plain, quoteDouble: (v) => v === 'word' })).toBe('k: "word"\n');
    expect(emitYamlBody({ k: 'word' }, { ...plain, readsAsOtherType: (v) => v === 'word' })).toBe('k: "word"\n');
    // Single quotes only for a string with double quotes and no single ones.
    expect(emitYamlBody({ k: 'a"b' }, { ...plain, readsAsOtherType: (v) => v === 'a"b' })).toBe(`k: 'a"b'\n`);
    // Rules are remembered apart: the same string under other rules is decided again.
    expect(emitYamlBody({ k: 'word' }, { ...plain })).toBe('k: word\n');
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
    fc.assert(fc.property(word, (s) => expect(readsAsSameString(s)).toBe(parsedSame(s))), { numRuns: 2000 });
  });
  test.each(['y', 'Yes', 'NO', 'off', 'False', 'null', 'Null', 'nulls', 'nova', 'yes-please', 'n1', 'on.off', 'true_', 'tRUE', 'FALSEY', 'e9', 'E-5', 'e1x', 'filter:cache', 'a: b', 'a:', 'open id', 'no ', 'n #x', 'OS::Nova']) ('%s', (s) => {
    expect(readsAsSameString(s)).toBe(parsedSame(s));
  });
});
