import { parseDocument } from 'yaml';
import {
  DEFAULT_MAX_ALIAS_COUNT,
  DEFAULT_MAX_DEPTH,
  depthOf,
  firstDuplicateKey,
  GENERATED_HEADER,
  lineColumn,
  nestingBound,
  parseYaml11,
  parseYaml12,
  readsAsSameString,
  toYamlBody,
  toYamlFile,
  withWrittenDocuments,
  withoutWrittenDocuments,
  withYamlCache,
  writtenDocumentsOf,
} from '../../lib/engine/yaml';

/** The string reads back as itself under YAML 1.1 and 1.2, as the value and as a key. */
function roundTrips(value: string): void {
  const body = toYamlBody({ v: value });
  expect(parseYaml11(body)).toStrictEqual([{ v: value }]);
  expect(parseYaml12(body)).toStrictEqual([{ v: value }]);
}

describe('readsAsSameString', () => {
  test.each(['nova', 'abc def', 'o', 't', 'f', '=', ':a', '<<', '~a', '+'])('%j reads as itself', (v) => {
    expect(readsAsSameString(v)).toBe(true);
  });
  test.each(['yes', 'y', 'On', 'null', '~', '0', '1e3', '12:30', '0o17', '0b1', '2001-12-14', '.', '-'])('%j does not', (v) => {
    expect(readsAsSameString(v)).toBe(false);
  });
  test('YAML 1.2-only and 1.1-only types both count', () => {
    expect(readsAsSameString('0o17')).toBe(false); // int in 1.2, string in 1.1
    expect(readsAsSameString('0b101')).toBe(false); // int in 1.1, string in 1.2
    // Asked twice (the answer is cached), the same answer.
    expect(readsAsSameString('0o17')).toBe(false);
    expect(readsAsSameString('nova')).toBe(true);
    expect(readsAsSameString('nova')).toBe(true);
  });
});

describe('toYamlBody: single-line strings', () => {
  test('0o17 is an int in YAML 1.2 only and is quoted (as value and key)', () => {
    expect(toYamlBody({ v: '0o17' })).toBe('v: "0o17"\n');
    expect(toYamlBody({ '0o17': 1 })).toBe('"0o17": 1\n');
    roundTrips('0o17');
  });

  test.each([
    'nova',
    'on-call',
    'yes-please',
    'true story',
    'null-ish',
    'o',
    't',
    'f',
    'n1',
    '=',
    ':a',
    '+',
    '~a',
    '<a',
    '.hidden',
    '-x',
    '0a',
    'tcp://h:1',
  ])('the ordinary string %j is written plain', (v) => {
    expect(toYamlBody({ v })).toBe(`v: ${v}\n`);
    roundTrips(v);
  });

  test('the string << is quoted as a value and as a key; no merge key appears', () => {
    const body = toYamlBody({ '<<': { a: 1 }, b: '<<' });
    expect(body).toBe('"<<":\n  a: 1\nb: "<<"\n');
    expect(parseYaml11(body)).toStrictEqual([{ '<<': { a: 1 }, b: '<<' }]);
    expect(parseYaml12(body)).toStrictEqual([{ '<<': { a: 1 }, b: '<<' }]);
  });

  test('a leading byte order mark is kept inside double quotes', () => {
    expect(toYamlBody({ v: '\ufeffabc' })).toMatch(/^v: "/);
    roundTrips('\ufeffabc');
    roundTrips('\ufeffa\nb');
  });

  test('a long string is not folded', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    expect(toYamlBody({ v: long })).toBe(`v: ${long}\n`);
  });

  test('non-strings keep their type', () => {
    expect(toYamlBody({ a: 1, b: true, c: null, d: 1.5 })).toBe('a: 1\nb: true\nc: null\nd: 1.5\n');
  });
});

describe('toYamlBody: multi-line strings', () => {
  test('safe text is a literal block', () => {
    expect(toYamlBody({ v: 'line one\nline two\n' })).toBe('v: |\n  line one\n  line two\n');
    expect(toYamlBody({ v: 'a\n\nb\n' })).toBe('v: |\n  a\n\n  b\n');
    expect(toYamlBody({ v: 'a\n  indented\n' })).toBe('v: |\n  a\n    indented\n');
    roundTrips('a\n\nb\n');
  });

  test('a long multi-line text stays a literal block (never folded)', () => {
    const line = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(toYamlBody({ v: `${line}\n${line}\n` })).toBe(`v: |\n  ${line}\n  ${line}\n`);
  });

  test.each([
    ['a blank-only line in the middle', 'a\n  \nb'],
    ['a tab-only line in the middle', 'a\n\t\nb'],
    ['a blank-only last line', 'a\n  '],
    ['a blank-only first line', '  \na'],
    ['a leading blank', ' a\nb'],
    ['a leading tab', '\ta\nb'],
    ['empty lines, then a leading blank', '\n\n a'],
    ['an empty line, then a leading blank', '\n a'],
    ['empty lines, then a leading tab', '\n\n\ta'],
  ])('%s is double-quoted and reads back', (_, v) => {
    expect(toYamlBody({ v })).toMatch(/^v: "/);
    roundTrips(v);
  });

  test('leading empty lines without a blank after them are a block', () => {
    expect(toYamlBody({ v: '\n\na' })).toMatch(/^v: \|/);
    roundTrips('\n\na');
  });
});

describe('toYamlBody: structure', () => {
  test('lists are indented under their key', () => {
    expect(toYamlBody({ a: [1, { b: 2 }] })).toBe('a:\n  - 1\n  - b: 2\n');
  });

  test('a shared object is written twice, without anchors', () => {
    const shared = { k: 1 };
    expect(toYamlBody({ a: shared, b: shared })).toBe('a:\n  k: 1\nb:\n  k: 1\n');
  });

  test('strings inside lists and nested keys are protected too', () => {
    const body = toYamlBody({ l: ['0o17', 'ok'], m: { '0o17': '0o17' } });
    expect(body).toBe('l:\n  - "0o17"\n  - ok\nm:\n  "0o17": "0o17"\n');
  });
});

describe('toYamlFile', () => {
  test('the generated header by default, then --- before each document', () => {
    expect(toYamlFile([])).toBe(`# ${GENERATED_HEADER}\n`);
    expect(toYamlFile([{ a: 1 }, 'x'])).toBe(`# ${GENERATED_HEADER}\n---\na: 1\n---\nx\n`);
    expect(toYamlFile([{ a: 1 }], 'custom')).toBe('# custom\n---\na: 1\n');
  });
  test('the header names the generator', () => {
    expect(GENERATED_HEADER).toMatch(/^Generated by stx-openstack-gitops/);
  });
});

describe('parseYaml11 and parseYaml12', () => {
  test('every document, in order; an empty text has none', () => {
    expect(parseYaml11('a: 1\n---\nb: 2\n')).toStrictEqual([{ a: 1 }, { b: 2 }]);
    expect(parseYaml12('a: 1\n---\nb: 2\n')).toStrictEqual([{ a: 1 }, { b: 2 }]);
    expect(parseYaml11('')).toStrictEqual([]);
    expect(parseYaml12('')).toStrictEqual([]);
  });

  test('YAML 1.1 types for Helm, YAML 1.2 types for kustomize and Flux', () => {
    const text = 'a: yes\nb: 0o17\nc: 0b11\nd: 12:30\ne: ~\n';
    expect(parseYaml11(text)).toStrictEqual([{ a: true, b: '0o17', c: 3, d: 750, e: null }]);
    expect(parseYaml12(text)).toStrictEqual([{ a: 'yes', b: 15, c: '0b11', d: '12:30', e: null }]);
  });

  test('merge keys are expanded by the 1.1 reader only', () => {
    const text = 'base: &b\n  p: 1\n  q: 2\nderived:\n  <<: *b\n  q: 3\n';
    expect(parseYaml11(text)).toStrictEqual([{ base: { p: 1, q: 2 }, derived: { p: 1, q: 3 } }]);
    expect(parseYaml12(text)).toStrictEqual([{ base: { p: 1, q: 2 }, derived: { '<<': { p: 1, q: 2 }, q: 3 } }]);
  });

  test('duplicate keys are refused, naming the file', () => {
    expect(() => parseYaml11('a: 1\na: 2\n', 'x/values.yaml')).toThrow(/^x\/values\.yaml: invalid YAML: Map keys must be unique/);
    expect(() => parseYaml12('a: 1\na: 2\n', 'y.yaml')).toThrow(/^y\.yaml: invalid YAML: Map keys must be unique/);
  });

  test('invalid YAML is refused, in any document, as <input> by default', () => {
    expect(() => parseYaml11('a: [1\n')).toThrow(/^<input>: invalid YAML: ./);
    expect(() => parseYaml12('a: 1\n---\nb: "open\n')).toThrow(/^<input>: invalid YAML: ./);
    expect(() => parseYaml11('ok: 1\n---\n- a\nb: 2\n', 'f')).toThrow(/^f: invalid YAML: ./);
  });

  test('many aliases of one anchor are read (no alias-count limit)', () => {
    const text = `a: &a x\nl: [${Array.from({ length: 300 }, () => '*a').join(', ')}]\n`;
    for (const parse of [parseYaml11, parseYaml12]) {
      const [doc] = parse(text) as Array<{ l: string[] }>;
      expect(doc.l).toHaveLength(300);
      expect(doc.l[299]).toBe('x');
    }
  });
});

describe('lineColumn', () => {
  const text = 'ab\ncde\n\nf';
  test.each([
    [0, 1, 1],
    [1, 1, 2],
    [2, 1, 3], // the newline ends its own line
    [3, 2, 1],
    [5, 2, 3],
    [7, 3, 1],
    [8, 4, 1],
    [9, 4, 2],
  ])('offset %i is line %i, column %i', (offset, line, col) => {
    expect(lineColumn(text, offset)).toEqual({ line, col });
  });
  test('a text without newlines is one line', () => {
    expect(lineColumn('abc', 2)).toEqual({ line: 1, col: 3 });
  });
});

describe('nestingBound', () => {
  test.each([
    ['', 0],
    ['a: 1\n', 1],
    ['a: 1\nb: 2\n', 1],
    ['a:\n  b:\n    c: 1\n', 3],
    ['a:\n  b: 1\nc: 2\n', 2], // back to the left margin pops the levels
    ['a:\n    b: 1\n  c: 2\n', 2], // a shallower line pops the deeper level
    ['- - - x\n', 4], // compact entries: one level each
    ['-  - x\n', 3], // blanks after a dash
    ['-x\n', 1], // no blank after the dash: not an entry
    ['a: [[1], {b: [2]}]\n', 4],
    ['a: [1]\nb: [2]\n', 2], // closed brackets do not add up
    ['a: ]]]\nb: [1]\n', 2], // a stray closing bracket does not go below zero
    ['# a\n#   b\n  # c\na: 1\n', 1], // comments open no level
    ['a:\r\n  b: 1\r\n', 2],
  ])('%j has the bound %i', (text, bound) => {
    expect(nestingBound(text)).toBe(bound);
  });

  test('is never below the real depth of nested flow collections', () => {
    for (let n = 1; n <= 20; n++) {
      const text = '['.repeat(n) + ']'.repeat(n);
      const [doc] = parseYaml12(text);
      expect(nestingBound(text)).toBeGreaterThanOrEqual(depthOf(doc, 100));
    }
  });
});

describe('firstDuplicateKey', () => {
  test('none in a document without a repeated key, nested keys of the same name included', () => {
    expect(firstDuplicateKey(parseDocument('a: {a: 1}\nb: [a, a]\n', { uniqueKeys: false }))).toBeUndefined();
  });
  test('the first repeated key and the offset of its second occurrence', () => {
    const text = 'x: 1\nm:\n  a: 1\n  b: 2\n  a: 3\n  a: 4\n';
    expect(firstDuplicateKey(parseDocument(text, { uniqueKeys: false }))).toEqual({ key: 'a', offset: text.indexOf('a: 3') });
    // a mapping's own keys are checked before the mappings inside it
    const outer = text + 'x: 2\n';
    expect(firstDuplicateKey(parseDocument(outer, { uniqueKeys: false }))).toEqual({ key: 'x', offset: outer.lastIndexOf('x: 2') });
  });
  test('keys of one value compare equal as the yaml package compares them; other keys are skipped', () => {
    expect(firstDuplicateKey(parseDocument('1: a\n"1": b\n', { uniqueKeys: false }))).toBeUndefined();
    expect(firstDuplicateKey(parseDocument('? [a]\n: 1\n? [a]\n: 2\nk: 1\n', { uniqueKeys: false }))).toBeUndefined();
    expect(firstDuplicateKey(parseDocument('? [a]\n: 1\nk: 1\nk: 2\n', { uniqueKeys: false }))).toEqual({ key: 'k', offset: 15 });
  });
});

describe('depthOf', () => {
  test.each([
    [1, 0],
    ['s', 0],
    [null, 0],
    [{}, 1],
    [[], 1],
    [{ a: 1 }, 1],
    [{ a: { b: [1] } }, 3],
    [[[], [[[]]]], 4],
  ])('%j has depth %i', (value, depth) => {
    expect(depthOf(value, 10)).toBe(depth);
  });
  test('stops counting one above the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(depthOf(deep, 5)).toBe(6);
    expect(depthOf(deep, 50)).toBe(50);
  });
  test('a shared subtree is walked once', () => {
    const shared = { x: { y: 1 } };
    expect(depthOf({ a: shared, b: shared }, 10)).toBe(3);
  });
});

describe('the limits of a reading', () => {
  const nested = (n: number) => 'a: '.concat('['.repeat(n - 1), ']'.repeat(n - 1), '\n');
  test(`nesting up to ${DEFAULT_MAX_DEPTH} levels is read, one more is refused`, () => {
    expect(parseYaml12(nested(DEFAULT_MAX_DEPTH))).toHaveLength(1);
    expect(() => parseYaml12(nested(DEFAULT_MAX_DEPTH + 1), 'f.yaml')).toThrow(
      `f.yaml: invalid YAML: nested deeper than ${DEFAULT_MAX_DEPTH} levels`,
    );
  });
  test('a lower maxDepth refuses what the default reads, in either version', () => {
    expect(parseYaml11(nested(3), 'f', { maxDepth: 3 })).toStrictEqual([{ a: [[]] }]);
    expect(() => parseYaml11(nested(4), 'f', { maxDepth: 3 })).toThrow('f: invalid YAML: nested deeper than 3 levels');
    expect(() => parseYaml12(nested(4), 'f', { maxDepth: 3 })).toThrow('f: invalid YAML: nested deeper than 3 levels');
  });
  test('a text far above the limit is refused before parsing (it would overflow the parser stack)', () => {
    const text = '['.repeat(20000) + ']'.repeat(20000);
    expect(() => parseYaml12(text, 'deep.yaml')).toThrow(`deep.yaml: invalid YAML: nested deeper than ${DEFAULT_MAX_DEPTH} levels`);
    // just above 4 times the limit: refused by the bound; at 4 times: parsed, then refused by the exact depth
    expect(() => parseYaml12('['.repeat(13) + ']'.repeat(13), 'f', { maxDepth: 3 })).toThrow('nested deeper than 3 levels');
    expect(() => parseYaml12('['.repeat(12) + ']'.repeat(12), 'f', { maxDepth: 3 })).toThrow('nested deeper than 3 levels');
  });
  test(`aliases expand up to maxAliasCount (default ${DEFAULT_MAX_ALIAS_COUNT})`, () => {
    // each of n aliases of a list of n aliases: about n * n expansions
    const bomb = (n: number) => `a: &a [x]\nb: &b [${Array(n).fill('*a').join(', ')}]\nc: [${Array(n).fill('*b').join(', ')}]\n`;
    expect(() => parseYaml12(bomb(40), 'bomb.yaml')).toThrow(/^bomb\.yaml: invalid YAML: .*alias/i);
    expect(parseYaml12(bomb(40), 'bomb.yaml', { maxAliasCount: -1 })).toHaveLength(1);
    expect(() => parseYaml11(bomb(5), 'f', { maxAliasCount: 2 })).toThrow(/^f: invalid YAML: /);
    expect(parseYaml11(bomb(5), 'f')).toHaveLength(1);
  });
  test('a duplicate key is reported with its line and column and the key', () => {
    expect(() => parseYaml12('a: 1\nm:\n  k: 1\n  k: 2\n', 'd.yaml')).toThrow(
      'd.yaml: invalid YAML: Map keys must be unique at line 4, column 3 ("k")',
    );
  });
});

describe('withYamlCache', () => {
  test('inside, a text is parsed once per version and the documents are shared; outside, each reading is fresh', () => {
    const text = 'a: yes\n';
    withYamlCache(() => {
      const first = parseYaml12(text);
      expect(parseYaml12(text)).toBe(first);
      expect(parseYaml11(text)).not.toBe(first);
      expect(parseYaml11(text)).toStrictEqual([{ a: true }]);
      expect(first).toStrictEqual([{ a: 'yes' }]);
      // nested: the outer cache goes on
      withYamlCache(() => expect(parseYaml12(text)).toBe(first));
      expect(parseYaml12(text)).toBe(first);
    });
    expect(parseYaml12(text)).not.toBe(parseYaml12(text));
  });
  test('returns what the function returns, and ends the cache when it throws', () => {
    expect(withYamlCache(() => 42)).toBe(42);
    expect(() =>
      withYamlCache(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(parseYaml12('a: 1\n')).not.toBe(parseYaml12('a: 1\n'));
  });
  test('a cached error names the file of each reading', () => {
    withYamlCache(() => {
      expect(() => parseYaml12('a: 1\na: 2\n', 'one.yaml')).toThrow(/^one\.yaml: invalid YAML: Map keys must be unique/);
      expect(() => parseYaml12('a: 1\na: 2\n', 'two.yaml')).toThrow(/^two\.yaml: invalid YAML: Map keys must be unique/);
      expect(() => parseYaml12('a: [\n', 'three.yaml')).toThrow(/^three\.yaml: invalid YAML: /);
    });
  });
  test('a reading with explicit limits is not cached (the limits may refuse what the default reads)', () => {
    withYamlCache(() => {
      const text = 'a: [[1]]\n';
      expect(parseYaml12(text)).toStrictEqual([{ a: [[1]] }]);
      expect(() => parseYaml12(text, 'f', { maxDepth: 2 })).toThrow('nested deeper than 2 levels');
      expect(parseYaml12(text, 'f', { maxAliasCount: 5 })).not.toBe(parseYaml12(text, 'f', { maxAliasCount: 5 }));
    });
  });
});

describe('readsAsSameString: words decided without the parser', () => {
  // The module object lib/engine/yaml.ts calls through (a namespace import would be a frozen copy).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yamlPackage = require('yaml') as typeof import('yaml');
  afterEach(() => jest.restoreAllMocks());

  test.each(['keystone-api', 'nova.conf', 'a1', 'mariadb:3306', 'path/to/file', 'Openstack'])(
    '%s is a plain word: true, and the parser is not asked',
    (word) => {
      const parse = jest.spyOn(yamlPackage, 'parse');
      expect(readsAsSameString(word)).toBe(true);
      expect(parse).not.toHaveBeenCalled();
    },
  );

  test.each(['./dist/fleet/sample/subcloud1', './credentials/subcloud-1_a', './'])(
    '%s is a relative path: true, and the parser is not asked',
    (word) => {
      const parse = jest.spyOn(yamlPackage, 'parse');
      expect(readsAsSameString(word)).toBe(true);
      expect(parse).not.toHaveBeenCalled();
      parse.mockRestore();
      // What the parser says of it under both versions.
      for (const version of ['1.1', '1.2'] as const) expect(yamlPackage.parse(word, { version })).toBe(word);
    },
  );

  test.each(['.5', '.inf', '.nan', './a: b', './a #c'])('%s is no relative path: the parser decides (false)', (text) => {
    expect(readsAsSameString(text)).toBe(false);
  });

  // Texts no other test asks about: a verdict, once parsed, is remembered.
  test.each(['qxzv', 'Qxzw', 'e9qq1', 'qz: d', 'qzq:', 'qzz '])('%s is no plain word: the parser decides', (text) => {
    const parse = jest.spyOn(yamlPackage, 'parse');
    readsAsSameString(`${text}`);
    expect(parse).toHaveBeenCalled();
  });

  test.each(['a #', 'ab #c', 'a\t#', 'abc: d', 'x: '])('%j does not read back as itself (a comment or a mapping)', (text) => {
    expect(readsAsSameString(text)).toBe(false);
  });

  test('five letters are parsed (booleans and nulls are words of at most five letters), six are words', () => {
    expect(readsAsSameString('false')).toBe(false);
    expect(readsAsSameString('falses')).toBe(true);
  });
});

describe('withWrittenDocuments', () => {
  test('while it runs, each written text gives the documents it was written from; outside, none', () => {
    const docs = [{ a: 1 }, { b: ['x'] }];
    const outside = toYamlFile(docs);
    expect(writtenDocumentsOf(outside)).toBeUndefined();
    const text = withWrittenDocuments(() => {
      const written = toYamlFile(docs);
      expect(writtenDocumentsOf(written)).toBe(docs);
      expect(writtenDocumentsOf(`${written}\n`)).toBeUndefined();
      return written;
    });
    expect(writtenDocumentsOf(text)).toBeUndefined();
  });

  test('a nested run shares the outer memory, and the outer keeps it after the inner ends', () => {
    const first = [{ first: true }];
    const second = [{ second: true }];
    withWrittenDocuments(() => {
      const a = toYamlFile(first);
      const b = withWrittenDocuments(() => {
        expect(writtenDocumentsOf(a)).toBe(first);
        return toYamlFile(second);
      });
      expect(writtenDocumentsOf(b)).toBe(second);
      expect(writtenDocumentsOf(a)).toBe(first);
    });
  });

  test('the first documents written for a text are kept (a text is written from equal data)', () => {
    const one = [{ k: 'v' }];
    const other = [{ k: 'v' }];
    withWrittenDocuments(() => {
      const text = toYamlFile(one);
      expect(toYamlFile(other)).toBe(text);
      expect(writtenDocumentsOf(text)).toBe(one);
    });
  });

  test('withoutWrittenDocuments: texts written inside it are not remembered; the outer memory is back after it', () => {
    const kept = [{ kept: 1 }];
    const skipped = [{ skipped: 1 }];
    withWrittenDocuments(() => {
      const keptText = toYamlFile(kept);
      const skippedText = withoutWrittenDocuments(() => {
        expect(writtenDocumentsOf(keptText)).toBeUndefined();
        return toYamlFile(skipped);
      });
      expect(writtenDocumentsOf(skippedText)).toBeUndefined();
      expect(writtenDocumentsOf(keptText)).toBe(kept);
      expect(writtenDocumentsOf(toYamlFile([{ after: 1 }]))).toEqual([{ after: 1 }]);
    });
  });

  test('past its bound (here 32 million characters) the memory is let go and starts again with the text that crossed it', () => {
    withWrittenDocuments(() => {
      const small = [{ small: 1 }];
      const smallText = toYamlFile(small);
      const big = [{ big: 'x'.repeat(16_000_000) }];
      const bigText = toYamlFile(big);
      expect(writtenDocumentsOf(smallText)).toBe(small);
      expect(writtenDocumentsOf(bigText)).toBe(big);
      const big2 = [{ big: 'y'.repeat(16_000_000) }];
      const big2Text = toYamlFile(big2);
      // crossed: only the text that crossed the bound is remembered
      expect(writtenDocumentsOf(smallText)).toBeUndefined();
      expect(writtenDocumentsOf(bigText)).toBeUndefined();
      expect(writtenDocumentsOf(big2Text)).toBe(big2);
      // and the count restarted from it: another 15 million fit beside it
      const big3 = [{ big: 'z'.repeat(15_000_000) }];
      const big3Text = toYamlFile(big3);
      expect(writtenDocumentsOf(big2Text)).toBe(big2);
      expect(writtenDocumentsOf(big3Text)).toBe(big3);
    }, 32_000_000);
  });
});
