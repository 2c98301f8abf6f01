/**
 * A direct writer of JSON-like values (plain objects, arrays, strings, finite numbers, booleans,
 * null) that gives byte for byte what the yaml package's `Document#toString` gives for them with
 * the options of lib/engine/yaml.ts (lineWidth 0, literal blocks, indented sequences, no anchors):
 * the same choice of plain, single-quoted, double-quoted or block style for every string, as
 * `stringifyString`, `stringifyPair` and `stringifyCollection` of yaml 2.8 make it. Building the
 * package's node tree and visiting it was most of a synth's time; this walks the value once.
 *
 * Anything else (a Map, a Date, a class instance, NaN, an `undefined` array item, a key written
 * longer than 1,024 characters) throws {@link NotPlainData}: the caller writes that value through
 * the package instead. test/engine/yaml-emit.test.ts compares the two on hostile values.
 */

/** The value holds something this writer does not cover. */
export class NotPlainData extends Error {}

/** How the writer decides a string's style (the facts of lib/engine/yaml.ts and the schema). */
export interface EmitRules {
  /** True when the string must be double-quoted whatever its shape (protectScalar's rule). */
  readonly quoteDouble: (value: string) => boolean;
  /** True when a plain scalar `text` would resolve to another type than string (the schema's tag tests). */
  readonly readsAsOtherType: (text: string) => boolean;
}

const INDENT_STEP = '  ';
/** Double quotes on control characters and unpaired surrogates (stringifyString). */
// eslint-disable-next-line no-control-regex -- the characters are the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** What a plain scalar may not be (plainString). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** Lines a reader would take for a document marker or directive. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
/** A double-quoted string of at least this many JSON characters breaks its lines (doubleQuotedMinMultiLineLength). */
const MIN_MULTI_LINE_LENGTH = 40;
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

const ESCAPES: Readonly<Record<string, string>> = {
  '0000': '\\0',
  '0007': '\\a',
  '000b': '\\v',
  '001b': '\\e',
  '0085': '\\N',
  '00a0': '\\_',
  '2028': '\\L',
  '2029': '\\P',
};

function doubleQuoted(value: string, implicitKey: boolean, indent: string): string {
  const json = JSON.stringify(value);
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // a space before a line break is escaped, or a reader would fold it away
      str += json.slice(start, i) + '\\ ';
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    if (json[i + 1] === 'u') {
      str += json.slice(start, i);
      const code = json.substr(i + 2, 4);
      str += ESCAPES[code] ?? (code.startsWith('00') ? '\\x' + code.substr(2) : json.substr(i, 6));
      i += 5;
      start = i + 1;
    } else if (json[i + 1] === 'n') {
      if (implicitKey || json[i + 2] === '"' || json.length < MIN_MULTI_LINE_LENGTH) {
        i += 1;
      } else {
        // a line break is written as an empty line (folding eats the first one)
        str += json.slice(start, i) + '\n\n';
        while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
          str += '\n';
          i += 2;
        }
        str += indent;
        if (json[i + 2] === ' ') str += '\\';
        i += 1;
        start = i + 1;
      }
    } else {
      i += 1;
    }
  }
  return start ? str + json.slice(start) : json;
}

function quoted(value: string, implicitKey: boolean, indent: string): string {
  // Single quotes only for a string with double quotes and no single ones (quotedString).
  if (!value.includes('"') || value.includes("'") || (implicitKey && value.includes('\n')) || /[ \t]\n|\n[ \t]/.test(value))
    return doubleQuoted(value, implicitKey, indent);
  return "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
}

/** A literal block scalar (blockString with blockQuote 'literal'), `indent` being the content's. */
function literalBlock(text: string, indent: string): string {
  if (/\n[\t ]+$/.test(text)) return quoted(text, false, indent);
  let value = text;
  let endStart = value.length;
  while (endStart > 0 && '\n\t '.includes(value[endStart - 1])) endStart--;
  let end = value.substring(endStart);
  const endNlPos = end.indexOf('\n');
  const chomp = endNlPos === -1 ? '-' : value === end || endNlPos !== end.length - 1 ? '+' : '';
  if (end) {
    value = value.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd = 0;
  let startNlPos = -1;
  for (; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNlPos = startEnd;
    else break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startWithSpace ? '2' : '') + chomp;
  return `|${header}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

/**
 * Single-line strings as written, by rules, then by key or value and string: without a line break
 * the text depends on the indent only for a key one level down that starts like a document marker.
 */
interface Remembered {
  /** Keys one level down, other keys, values: one map each, so the string itself is the lookup key (no key text built per scalar). */
  readonly topKeys: Map<string, string>;
  readonly keys: Map<string, string>;
  readonly values: Map<string, string>;
}
const SINGLE_LINE = new WeakMap<EmitRules, Remembered>();
const MAX_REMEMBERED = 100_000;

/** A string as a key (`implicitKey`) or a value, its content at `indent` (never the root: indent is not empty). */
function scalar(value: string, implicitKey: boolean, indent: string, rules: EmitRules): string {
  if (value.includes('\n')) return written(value, implicitKey, indent, rules);
  let remembered = SINGLE_LINE.get(rules);
  if (!remembered) SINGLE_LINE.set(rules, (remembered = { topKeys: new Map(), keys: new Map(), values: new Map() }));
  const map = implicitKey ? (indent === INDENT_STEP ? remembered.topKeys : remembered.keys) : remembered.values;
  let text = map.get(value);
  if (text === undefined) {
    if (map.size >= MAX_REMEMBERED) map.clear();
    text = written(value, implicitKey, indent, rules);
    map.set(value, text);
  }
  return text;
}

function written(value: string, implicitKey: boolean, indent: string, rules: EmitRules): string {
  if (rules.quoteDouble(value) || CONTROL.test(value)) return doubleQuoted(value, implicitKey, indent);
  const multiLine = value.includes('\n');
  if (implicitKey && multiLine) return quoted(value, implicitKey, indent);
  if (NOT_PLAIN.test(value)) return implicitKey || !multiLine ? quoted(value, implicitKey, indent) : literalBlock(value, indent);
  if (multiLine) return literalBlock(value, indent);
  if (implicitKey && indent === INDENT_STEP && DOCUMENT_MARKER.test(value)) return quoted(value, implicitKey, indent);
  return rules.readsAsOtherType(value) ? quoted(value, implicitKey, indent) : value;
}

const isCollection = (value: unknown): value is object => typeof value === 'object' && value !== null;

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** The node `value` at `indent` (the context's indent: where its block content would start). */
function node(value: unknown, indent: string, rules: EmitRules): string {
  switch (typeof value) {
    case 'string':
      return scalar(value, false, indent, rules);
    case 'number':
      if (!Number.isFinite(value)) throw new NotPlainData('a number that is not finite');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return sequence(value, indent, rules);
      if (!isPlainObject(value)) throw new NotPlainData('an object that is not plain data');
      return mapping(value as Record<string, unknown>, indent, rules);
    default:
      throw new NotPlainData(`a value of type ${typeof value}`);
  }
}

function sequence(items: readonly unknown[], indent: string, rules: EmitRules): string {
  if (items.length === 0) return '[]';
  const itemIndent = indent + INDENT_STEP;
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (item === undefined) throw new NotPlainData('an undefined sequence item');
    out += (i === 0 ? '- ' : `\n${indent}- `) + node(item, itemIndent, rules);
  }
  return out;
}

function mapping(map: Record<string, unknown>, indent: string, rules: EmitRules): string {
  const inner = indent + INDENT_STEP;
  let out = '';
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue; // the package drops undefined values
    const keyText = scalar(key, true, inner, rules);
    if (keyText.length > 1024) throw new NotPlainData('a key longer than 1,024 characters');
    const valueText = node(value, inner, rules);
    const separator =
      isCollection(value) && (Array.isArray(value) ? value.length > 0 : valueText !== '{}')
        ? `\n${inner}`
        : valueText[0] === '\n'
          ? ''
          : ' ';
    out += (out ? `\n${indent}` : '') + `${keyText}:${separator}${valueText}`;
  }
  return out || '{}';
}

/** The document body of a plain-data object or array, as the package writes it; throws NotPlainData otherwise. */
export function emitYamlBody(value: unknown, rules: EmitRules): string {
  if (!isCollection(value)) throw new NotPlainData('a document that is not a mapping or sequence');
  return node(value, '', rules) + '\n';
}
