/**
 * fast-check arbitraries for the YAML writer's property test: JSON-like values built from the
 * strings that trip YAML 1.1 (Helm) and YAML 1.2 (kustomize, Flux) readers.
 */
import fc from 'fast-check';

/** Strings that YAML 1.1 or 1.2 would read as something else when written plain. */
export const TROUBLE: readonly string[] = [
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'N',
  'Yes',
  'NO',
  'On',
  'OFF',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  '~',
  'null',
  'Null',
  'NULL',
  '0777',
  '0o17',
  '0x1F',
  '0b101',
  '1e3',
  '1E3',
  '1_000',
  '12:30',
  '190:20:30',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '.inf',
  '-.inf',
  '+.inf',
  '.Inf',
  '.nan',
  '.NaN',
  '+1',
  '-1',
  '-0',
  '+0',
  '0',
  '3.',
  '.5',
  '1.0',
  '=',
  '<<',
  '<',
  '-',
  '- a',
  '? a',
  ': a',
  '!tag',
  '&anchor',
  '*alias',
  '%YAML',
  '@at',
  '`tick',
  '|',
  '>',
  '#',
  '"',
  "'",
  '{}',
  '[]',
  'a: b',
  'a #b',
  'a#b',
  ' a',
  'a ',
  ' ',
  '\t',
  '',
  '007',
  '00',
  '0.10',
  '1,000',
  '---',
  '...',
  'key:',
  'a: ',
  ' #x',
];

/** Multi-line strings, with and without a trailing newline, indentation and blank lines. */
export const MULTILINE: readonly string[] = [
  'line one\nline two',
  'line one\nline two\n',
  'line one\nline two\n\n',
  '\n',
  '\n\n',
  '\nstarts with a newline',
  '  indented first line\nsecond\n',
  ' one space\nsecond',
  'trailing spaces  \nnext\n',
  'yes\nno\n',
  '- item\n- item\n',
  'key: value\nother: 1\n',
  'a\n---\nb\n',
  'a\n...\n',
  '#!/bin/bash\nset -e\necho "$HOME" # comment\n',
  'tab\tinside\nline\n',
  '\tstarts with a tab\nline\n',
  'crlf\r\nline\r\n',
];

/** Non-ASCII text, including characters YAML treats specially (NEL, line separator, BOM, controls). */
export const UNICODE: readonly string[] = [
  'héllo',
  'ünïcödé: ja',
  '日本語',
  '😀',
  'a\u00a0b',
  '\u2028',
  'e\u0301',
  '\u0085nel',
  'ctrl\u0007bell',
  'nul\u0000',
  'mid\ufeffbom',
  '\ufeffbom',
];

/** `007`-like: leading zeros before digits. */
export const leadingZeros: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.nat({ max: 99999 }))
  .map(([zeros, n]) => '0'.repeat(zeros) + String(n));

/** A trouble string with surrounding spaces, or `: ` / ` #` inside. */
export const decorated: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...TROUBLE),
    fc.constantFrom('', ' ', '  '),
    fc.constantFrom('', ' ', '\t'),
    fc.constantFrom('', ': x', ' #x', ':', '#'),
  )
  .map(([s, before, after, inside]) => `${before}${s}${inside}${after}`);

/** Any string of the trouble set, or a random one. */
export const trickyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TROUBLE), weight: 6 },
  { arbitrary: fc.constantFrom(...MULTILINE), weight: 2 },
  { arbitrary: fc.constantFrom(...UNICODE), weight: 1 },
  { arbitrary: leadingZeros, weight: 1 },
  { arbitrary: decorated, weight: 2 },
  { arbitrary: fc.string(), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 1 },
  // Short strings of the characters that matter to YAML: quotes, escapes, indicators, breaks.
  {
    arbitrary: fc.string({ unit: fc.constantFrom('a', ' ', '\n', ':', '#', '-', '0', '\t', '"', "'", '\\', '?', '{', '['), maxLength: 12 }),
    weight: 2,
  },
);

/**
 * Finite numbers, negative and fractional included. -0 is left out: the writer emits it as `0`,
 * which is right under JSON semantics (JSON.stringify(-0) === '0') but not deep-equal to -0.
 */
export const finiteNumber: fc.Arbitrary<number> = fc
  .oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0.1, -1.5, 1e21, -1e21, 1e-7, 5e-324, Number.MAX_VALUE, -Number.MAX_SAFE_INTEGER, 0o777, 1000, 1e3),
  )
  .filter((n) => !Object.is(n, -0));

export const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: trickyString, weight: 5 },
  { arbitrary: finiteNumber, weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

/** Mapping keys: the same trouble set, and random strings. */
export const key: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TROUBLE), weight: 4 },
  { arbitrary: decorated, weight: 1 },
  { arbitrary: leadingZeros, weight: 1 },
  { arbitrary: fc.constantFrom(...UNICODE, ...MULTILINE), weight: 1 },
  { arbitrary: fc.string(), weight: 2 },
);

/** Nested values: objects with random keys, arrays, and leaves. */
export const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; node: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('node')),
  node: fc.oneof(fc.dictionary(key, tie('value'), { maxKeys: 6, noNullPrototype: true }), fc.array(tie('value'), { maxLength: 6 })),
})).value;

/** A values document: a mapping at the top, as every values file and manifest is. */
export const mapping: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(key, value, { maxKeys: 8, noNullPrototype: true });

/** A multi-line string whose lines hold only blanks (`" \n"`): see KNOWN BUG 1 in the property test. */
export function isBlankMultiline(s: string): boolean {
  return s.includes('\n') && /^[ \t\r\n]*$/.test(s) && s.includes(' ');
}

/** True when `v` holds, anywhere, a string or key that `bad` picks out. */
export function holdsString(v: unknown, bad: (s: string) => boolean): boolean {
  if (typeof v === 'string') return bad(v);
  if (Array.isArray(v)) return v.some((item) => holdsString(item, bad));
  if (v !== null && typeof v === 'object') return Object.entries(v).some(([k, item]) => bad(k) || holdsString(item, bad));
  return false;
}

/**
 * What a document written at the very start of a stream (toYamlBody) starts with, when that is a
 * string: its first key, or itself. A BOM there is read as a byte order mark (KNOWN BUG 2).
 */
export function leadingString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return Object.keys(v)[0];
  return undefined;
}

/** A string document (not nested), multi-line, whose first non-empty line starts with a space (KNOWN BUG 3). */
export function isIndentedMultilineDocument(v: unknown): boolean {
  return typeof v === 'string' && v.includes('\n') && /^\n* /.test(v);
}
