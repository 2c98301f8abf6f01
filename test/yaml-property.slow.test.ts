/**
 * Property test of the one YAML writer (lib/engine/yaml.ts): whatever JSON-like value goes in, Helm
 * (YAML 1.1) and kustomize/Flux (YAML 1.2) both read back exactly that value, keys included.
 *
 * Values are drawn from the strings that trip YAML readers (booleans and nulls of YAML 1.1, octal,
 * hex, sexagesimal, dates, floats, merge keys, leading zeros, surrounding spaces, `: ` and ` #`
 * inside, multi-line text with and without a trailing newline, unicode), plus arbitrary strings,
 * finite numbers, booleans and null, nested in objects and arrays (test/support/yaml-arbitraries.ts).
 *
 * The property found three writer bugs, fixed in lib/engine/yaml.ts and pinned by the tests below:
 * 1. multi-line strings whose lines are all blank (`" \n"`) lost their blanks;
 * 2. a BOM (U+FEFF) that starts the first key (or the string) of toYamlBody's output was dropped;
 * 3. a multi-line string *document* whose first non-empty line starts with a space was invalid YAML.
 * -0 is not generated: the writer emits it as `0`, which is JSON's reading too
 * (JSON.stringify(-0) === '0'); the last test pins that.
 */
import fc from 'fast-check';
import { parseYaml11, parseYaml12, toYamlBody, toYamlFile } from '../lib/engine/yaml';
import { mapping, value } from './support/yaml-arbitraries';

const RUNS = { numRuns: 1000 };

function expectReadBack(text: string, expected: unknown[]): void {
  expect(parseYaml11(text)).toEqual(expected);
  expect(parseYaml12(text)).toEqual(expected);
}

describe('the YAML writer, property: YAML 1.1 and 1.2 read back what was written', () => {
  test('toYamlBody of a mapping (what every values file and manifest holds)', () => {
    fc.assert(
      fc.property(mapping, (doc) => expectReadBack(toYamlBody(doc), [doc])),
      RUNS,
    );
  });

  test('toYamlBody of any value: scalars and lists at the top too', () => {
    fc.assert(
      fc.property(value, (v) => expectReadBack(toYamlBody(v), [v])),
      RUNS,
    );
  });

  test('toYamlFile of several documents behind the header', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(mapping, value), { minLength: 1, maxLength: 4 }), (docs) => expectReadBack(toYamlFile(docs), docs)),
      RUNS,
    );
  });
});

describe('the YAML writer, cases the property found (fixed in lib/engine/yaml.ts)', () => {
  // FORMER BUG 1: a multi-line string whose lines hold only blanks is written as a literal block
  // without an indentation indicator (`k: |+\n   \n`); the reader takes the blanks for indentation
  // and reads "\n" instead of " \n" (both YAML 1.1 and 1.2).
  test.each([' \n', '  \n', '\n \n'])('a blank multi-line value %j reads back unchanged', (s) => {
    expectReadBack(toYamlBody({ k: s }), [{ k: s }]);
  });

  // FORMER BUG 2: a key (or string document) starting with U+FEFF, first in toYamlBody's output, is
  // written plain; a reader takes it for a byte order mark and drops it (`"\ufeffbom"` -> `"bom"`).
  // Behind toYamlFile's header it reads back fine.
  test('a first key that starts with a BOM reads back unchanged', () => {
    expectReadBack(toYamlBody({ '\ufeffbom': 1 }), [{ '\ufeffbom': 1 }]);
  });

  // FORMER BUG 3: a string document whose first non-empty line starts with a space is written as a
  // top-level literal block with an indentation indicator (`|1-\n lead\nx\n`), which is not valid
  // YAML ("Unexpected scalar at node end") or reads back without the space. Nested, it is fine.
  test.each([' lead\nx', '  indented first line\nsecond\n', '\n a'])('a string document %j reads back unchanged', (s) => {
    expectReadBack(toYamlBody(s), [s]);
  });

  test('the same strings nested in a mapping read back unchanged', () => {
    for (const s of [' lead\nx', '  indented first line\nsecond\n', '\n a', 'x\n\ufeffbom']) {
      expectReadBack(toYamlBody({ k: s }), [{ k: s }]);
      expectReadBack(toYamlFile([{ k: s }, [s]]), [{ k: s }, [s]]);
    }
    expectReadBack(toYamlFile([{ '\ufeffbom': 1 }]), [{ '\ufeffbom': 1 }]);
  });

  test('-0 is written as 0, as JSON writes it (why the property generates no -0)', () => {
    expect(toYamlBody({ v: -0 })).toBe('v: 0\n');
    expect(Object.is((parseYaml12(toYamlBody({ v: -0 }))[0] as { v: number }).v, 0)).toBe(true);
    expect(JSON.stringify({ v: -0 })).toBe('{"v":0}');
  });
});
