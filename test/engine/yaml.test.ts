import { GENERATED_HEADER, parseYaml11, parseYaml12, readsAsSameString, toYamlBody, toYamlFile } from '../../lib/engine/yaml';

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

  test.each(['nova', 'on-call', 'yes-please', 'true story', 'null-ish', 'o', 't', 'f', 'n1', '=', ':a', '+', '~a', '<a', '.hidden', '-x', '0a', 'tcp://h:1'])(
    'the ordinary string %j is written plain',
    (v) => {
      expect(toYamlBody({ v })).toBe(`v: ${v}\n`);
      roundTrips(v);
    },
  );

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
