/**
 * Loads deployment profiles (TypeScript or YAML) and validates them against the zod schema (types,
 * required fields, unknown fields). The semantic rules run when the profile is resolved into a
 * deployment (lib/deployment). Every problem names the file, the field path, the value and what
 * was expected.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Document, parseDocument } from 'yaml';
import { firstDuplicateKey, lineColumn, nestingBound } from '../engine/yaml';
import { decodeUtf8, invalidUtf8Offset } from '../engine/utf8';
import { z } from 'zod';
import { deploymentProfileSchema, DeploymentProfile, profileJsonSchema } from './profile';

/** A profile that failed validation: every problem, one per line. */
export class ProfileError extends Error {
  constructor(
    public readonly file: string,
    public readonly problems: readonly string[],
  ) {
    // A problem that starts with its `line:col: ` reads `file:line:col: ...`, as compilers write it.
    super(problems.map((p) => (/^\d+:\d+: /.test(p) ? `${file}:${p}` : `${file}: ${p}`)).join('\n'));
    this.name = 'ProfileError';
  }
}

/** A validated profile and the file it came from. */
export interface LoadedProfile {
  /** What messages about the profile name: its file (`deployments/aio-sx.yaml`), or a fleet subcloud's file and entry. */
  readonly file: string;
  readonly profile: DeploymentProfile;
  /** Where the profile's input lies, for `file:line:col` in messages. @default - the file alone (no positions) */
  readonly origin?: InputOrigin;
}

/** The parsed text of a YAML or JSON input: where its fields are. */
interface SourceText {
  readonly text: string;
  readonly doc: Document.Parsed;
}

/**
 * Where a profile's input lies: the file that messages name, the part of it that holds the profile
 * (a fleet subcloud), and the text positions of its fields when the file is YAML or JSON.
 */
export interface InputOrigin {
  /** The file as messages name it. */
  readonly file: string;
  /** The text the input was parsed from. @default - none (a TypeScript file: no positions) */
  readonly source?: SourceText;
  /**
   * The entry of the file that holds the profile: its path in the file's data and its name in
   * messages (`subclouds[1] (subcloud2)`). @default - the whole file
   */
  readonly part?: { readonly path: ReadonlyArray<PropertyKey>; readonly label: string };
}

/** Formats a field path the way the README and the JSON Schema name fields: `hosts[1].labels`. */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out || '(profile)';
}

function valueAt(input: unknown, segments: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = input;
  for (const s of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[s as string];
  }
  return current;
}

/** A value as messages show it, shortened; never throws (BigInt, circular, functions, symbols). */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `${value}n`;
  let text: string;
  try {
    text =
      JSON.stringify(value, (_key, v: unknown) =>
        typeof v === 'bigint' ? `${v}n` : typeof v === 'function' ? '[a function]' : typeof v === 'symbol' ? v.toString() : v,
      ) ?? String(value);
  } catch {
    text = Array.isArray(value) ? '[a circular list]' : '[a circular object]';
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Edit distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

type JsonSchemaNode = {
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
};
let schemaRoot: JsonSchemaNode | undefined;

/** The profile's JSON Schema, made once. */
const profileSchemaRoot = (): object => (schemaRoot ??= profileJsonSchema() as JsonSchemaNode);

/** The fields a JSON Schema allows at a path (for unknown-field messages). */
function knownFields(segments: ReadonlyArray<PropertyKey>, root: object): string[] {
  let nodes: JsonSchemaNode[] = [root as JsonSchemaNode];
  const expand = (list: JsonSchemaNode[]) => list.flatMap((n) => [n, ...(n.anyOf ?? []), ...(n.oneOf ?? [])]);
  for (const segment of segments) {
    nodes = expand(nodes).flatMap((n) => {
      const next = typeof segment === 'number' ? n.items : n.properties?.[String(segment)];
      return next ? [next] : [];
    });
  }
  return [...new Set(expand(nodes).flatMap((n) => Object.keys(n.properties ?? {})))];
}

/** `did you mean "x"?` when a name is close, then the names allowed there. */
function suggestion(key: string, allowed: readonly string[]): string {
  if (allowed.length === 0) return 'no field is allowed here';
  const limit = key.length <= 4 ? 1 : 2 + Math.floor(key.length / 12);
  const close = allowed.filter((f) => distance(f.toLowerCase(), key.toLowerCase()) <= limit);
  const expected = `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
  return close.length > 0 ? `did you mean ${close.map((c) => JSON.stringify(c)).join(' or ')}? ${expected}` : expected;
}

/** The YAML (or JSON) documents profile inputs were read from: where a field error points. */
const SOURCES = new WeakMap<object, SourceText>();

/** The origin of input read by {@link readProfileInput} (with its text positions), or of other input (a TypeScript object). */
export function originOf(input: unknown, file: string): InputOrigin {
  const source = typeof input === 'object' && input !== null ? SOURCES.get(input) : undefined;
  return source ? { file, source } : { file };
}

/**
 * `line:col: ` of the field at `segments` of the profile (of its nearest written ancestor when the
 * field is missing; at most up to the profile's entry of the file), or '' without source text.
 */
function positionOf(origin: InputOrigin, segments: ReadonlyArray<PropertyKey>): string {
  const { source, part } = origin;
  if (!source) return '';
  const base = part?.path ?? [];
  for (let n = segments.length; n >= 0; n--) {
    const at = [...base, ...segments.slice(0, n)];
    const node: unknown = at.length === 0 ? source.doc.contents : source.doc.getIn(at, true);
    const range = (node as { range?: readonly number[] } | null | undefined)?.range;
    if (range) {
      const { line, col } = lineColumn(source.text, range[0]);
      return `${line}:${col}: `;
    }
  }
  return '';
}

/** A problem as its line of a ProfileError: `line:col: ` when known, the profile's entry, then the problem. */
function placed(origin: InputOrigin, segments: ReadonlyArray<PropertyKey> | undefined, problem: string): string {
  const where = segments === undefined ? (origin.part ? positionOf(origin, []) : '') : positionOf(origin, segments);
  return `${where}${origin.part ? `${origin.part.label}: ` : ''}${problem}`;
}

/** A field path as {@link formatPath} writes it (`hosts[1].labels`), read back; undefined for other text. */
export function parsePath(text: string): PropertyKey[] | undefined {
  if (!/^[A-Za-z_][^\s.[\]]*(\[\d+\]|\.[^\s.[\]]+)*$/.test(text)) return undefined;
  return [...text.matchAll(/\[(\d+)\]|\.?([^\s.[\]]+)/g)].map(([, index, key]) => (index !== undefined ? Number(index) : key));
}

/**
 * A ProfileError of problems that start with the field they are about (`hosts[1].hostname: ...`):
 * each gets the `line:col` of that field in the file the profile was read from, when known.
 */
export function profileError(from: InputOrigin | LoadedProfile, problems: readonly string[]): ProfileError {
  const origin = 'profile' in from ? (from.origin ?? { file: from.file }) : from;
  return new ProfileError(
    origin.file,
    problems.map((problem) => {
      const colon = problem.indexOf(': ');
      return placed(origin, colon < 0 ? undefined : parsePath(problem.slice(0, colon)), problem);
    }),
  );
}

/** One line per zod issue: `path: message (got value)`, after `line:col: ` for a YAML or JSON file. */
function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, origin: InputOrigin, jsonSchema: object): string[] {
  return describeEachIssue(issues, input, jsonSchema).map(({ segments, line }) => placed(origin, segments, line));
}

function describeEachIssue(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  jsonSchema: object,
): Array<{ segments: ReadonlyArray<PropertyKey>; line: string }> {
  const found: Array<{ segments: ReadonlyArray<PropertyKey>; line: string }> = [];
  const add = (segments: ReadonlyArray<PropertyKey>, line: string) => found.push({ segments, line });
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        add(
          [...issue.path, key],
          `${formatPath([...issue.path, key])}: unknown field (${suggestion(key, knownFields(issue.path, jsonSchema))})`,
        );
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A record keyed by release name: the key is the last path segment.
      const key = String(issue.path[issue.path.length - 1]);
      const inner = issue.issues[0];
      if (inner && inner.code === 'custom') {
        // A key with its own rule (a Kubernetes label key): the rule's message says what is expected.
        add(issue.path, `${formatPath(issue.path)}: ${inner.message} (got ${JSON.stringify(key)})`);
        continue;
      }
      const allowed = inner && inner.code === 'invalid_value' ? inner.values.map(String) : [];
      add(
        issue.path,
        `${formatPath(issue.path)}: unknown ${allowed.length > 0 ? 'release' : 'key'} ${JSON.stringify(key)} (${suggestion(key, allowed)})`,
      );
      continue;
    }
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
      // Discriminated unions: report the branch the input chose.
      found.push(...describeEachIssue(issue.errors.flat(), input, jsonSchema));
      continue;
    }
    const got = valueAt(input, issue.path);
    const missing = got === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
    const message = missing
      ? `required field missing (${issue.message.replace(/, received undefined$/, '').replace(/^Invalid input: |^Invalid option: /, '')})`
      : issue.message;
    add(issue.path, `${formatPath(issue.path)}: ${message} (got ${show(got)})`);
  }
  // One line per distinct text (a union may report one problem twice).
  return [...new Map(found.map((f) => [f.line, f])).values()];
}

/**
 * Parses input against a zod schema whose JSON Schema `jsonSchema` gives (for the fields an unknown
 * one is compared with); throws a ProfileError with one line per problem, placed in the file.
 */
export function parseInput<S extends z.ZodType>(schema: S, jsonSchema: () => object, input: unknown, origin: InputOrigin): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ProfileError(origin.file, describeIssues(parsed.error.issues, input, origin, jsonSchema()));
  return parsed.data;
}

/**
 * Parses profile input against the schema; throws a ProfileError listing every problem. `from`: the
 * file (positions from the text it was read from, if any), or the input's origin.
 */
export function parseProfile(input: unknown, from: string | InputOrigin): DeploymentProfile {
  return parseInput(deploymentProfileSchema, profileSchemaRoot, input, typeof from === 'string' ? originOf(input, from) : from);
}

/** A profile's input and what {@link parseProfile} gave for it. */
export interface ParsedProfileInput {
  readonly input: unknown;
  readonly profile: DeploymentProfile;
}

/**
 * {@link parseProfile} of `input` when it is `base`'s input with some top-level fields replaced (a
 * fleet's subcloud over the profile it extends): a field that is the very object of the base's
 * input is taken as the base's parse gave it, the others are parsed by their own schema, and the
 * profile is put together as the profile's schema (a strict object, no rule over several fields)
 * puts it together. Any problem, or an unknown field: the whole parse, for its messages.
 */
export function parseProfileOver(base: ParsedProfileInput, input: unknown, from: InputOrigin): DeploymentProfile {
  const whole = () => parseProfile(input, from);
  const shape = deploymentProfileSchema.shape as Record<string, z.ZodType>;
  if (typeof input !== 'object' || input === null || Array.isArray(input) || typeof base.input !== 'object' || base.input === null)
    return whole();
  const fields = input as Record<string, unknown>;
  const baseFields = base.input as Record<string, unknown>;
  const parsedBase = base.profile as unknown as Record<string, unknown>;
  if (Object.keys(fields).some((key) => !Object.hasOwn(shape, key))) return whole();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    let value: unknown;
    if (fields[key] === baseFields[key] && key in fields === key in baseFields) {
      value = parsedBase[key];
    } else {
      const parsed = shape[key].safeParse(fields[key]);
      if (!parsed.success) return whole();
      value = parsed.data;
    }
    // As zod writes an object: a field whose value is undefined only when the input has the key.
    if (value !== undefined) out[key] = value;
    else if (key in fields) out[key] = undefined;
  }
  return out as DeploymentProfile;
}

/** The largest profile file read. */
export const MAX_PROFILE_BYTES = 1024 * 1024;
/** The deepest nesting of a profile (a real profile nests about 6 levels). */
export const MAX_PROFILE_DEPTH = 64;
/** How far YAML aliases may expand (the yaml package's maxAliasCount). */
export const MAX_PROFILE_ALIASES = 100;
/** The most values (objects, lists, scalars) a profile may hold. */
export const MAX_PROFILE_VALUES = 100_000;
/** Keys that a JavaScript object cannot hold as data: they vanish or change the object's prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The text of a profile file: at most MAX_PROFILE_BYTES, valid UTF-8. */
function readProfileText(file: string, name: string): string {
  const size = fs.statSync(file).size;
  if (size > MAX_PROFILE_BYTES)
    throw new ProfileError(name, [`(file): ${size} bytes (a profile holds at most ${MAX_PROFILE_BYTES} bytes)`]);
  const bytes = fs.readFileSync(file);
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new ProfileError(name, [`(file): not valid UTF-8 (byte ${invalidUtf8Offset(bytes)}; expected UTF-8 text)`]);
  return text;
}

/** Refuses a text nested far deeper than any profile before a recursive parser sees it. */
function refuseDeepText(text: string, name: string): void {
  if (nestingBound(text) > MAX_PROFILE_DEPTH * 4) throw new ProfileError(name, [`(file): nested deeper than ${MAX_PROFILE_DEPTH} levels`]);
}

/**
 * Profile input as data: plain objects, lists, strings, numbers, booleans and null, at most
 * MAX_PROFILE_DEPTH deep, no key that a JavaScript object loses. One problem per bad value.
 */
export function dataProblems(input: unknown): string[] {
  const problems: string[] = [];
  let values = 0;
  const ancestors = new Set<object>();
  const walk = (value: unknown, at: PropertyKey[]): void => {
    if (problems.length >= 20) return;
    if (++values > MAX_PROFILE_VALUES) {
      if (values === MAX_PROFILE_VALUES + 1)
        problems.push(`(profile): more than ${MAX_PROFILE_VALUES} values (expected a deployment profile)`);
      return;
    }
    const where = formatPath(at);
    switch (typeof value) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'undefined':
        return;
      case 'function':
        problems.push(`${where}: a function (expected data: an object, list, string, number, boolean or null)`);
        return;
      case 'bigint':
        problems.push(`${where}: a BigInt ${value}n (expected a number)`);
        return;
      case 'symbol':
        problems.push(`${where}: a symbol ${value.toString()} (expected data)`);
        return;
    }
    if (value === null) return;
    const object = value as object;
    if (ancestors.has(object)) {
      problems.push(`${where}: a circular reference (the value contains itself)`);
      return;
    }
    if (at.length >= MAX_PROFILE_DEPTH) {
      problems.push(`${where}: nested deeper than ${MAX_PROFILE_DEPTH} levels`);
      return;
    }
    const proto: unknown = Object.getPrototypeOf(object);
    const isList = Array.isArray(object);
    if (!isList && proto !== Object.prototype && proto !== null) {
      const ctor = (proto as { constructor?: unknown }).constructor;
      const kind =
        typeof ctor === 'function' && ctor.name && ctor !== Object
          ? `a ${ctor.name}`
          : 'an object with another prototype (a __proto__ key?)';
      problems.push(`${where}: ${kind} (expected a plain object)`);
      return;
    }
    ancestors.add(object);
    if (isList) {
      (object as unknown[]).forEach((item, i) => walk(item, [...at, i]));
    } else {
      for (const key of Object.keys(object)) {
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push(
            `${formatPath([...at, key])}: the key ${JSON.stringify(key)} is not allowed (a JavaScript object would lose it or take it as its prototype)`,
          );
          continue;
        }
        walk((object as Record<string, unknown>)[key], [...at, key]);
      }
    }
    ancestors.delete(object);
  };
  walk(input, []);
  return problems;
}

/** A mapping of profile fields, or a ProfileError. */
function expectMapping(value: unknown, name: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProfileError(name, [`(profile): expected a mapping of profile fields (got ${show(value)})`]);
  }
  const problems = dataProblems(value);
  if (problems.length > 0) throw new ProfileError(name, problems);
  return value;
}

/**
 * The input of each YAML or JSON file read, with its text: a file read again with the same text
 * is not parsed and checked again (a synth reads each profile for its stack, and again for the
 * fleets that extend it). Inputs are not changed once read, as a TypeScript profile's export,
 * which node's module cache shares, is not. A few entries only: an inventory can be large.
 */
const READ = new Map<string, { readonly text: string; readonly input: unknown }>();
const MAX_READ = 32;

/** `read`'s input of `file`, or the input read before from the same text. */
function readOnce(file: string, name: string, read: (text: string) => unknown): unknown {
  const text = readProfileText(file, name);
  const key = path.resolve(file);
  const known = READ.get(key);
  if (known && known.text === text) return known.input;
  const input = read(text);
  if (READ.size >= MAX_READ) READ.clear();
  READ.set(key, { text, input });
  return input;
}

/** Reads a YAML profile (YAML 1.2; duplicate keys, unknown tags and alias bombs refused). */
function readYamlProfile(file: string, name: string): unknown {
  return readOnce(file, name, (text) => parseYamlProfile(text, name));
}

function parseYamlProfile(text: string, name: string): unknown {
  refuseDeepText(text, name);
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: false, prettyErrors: true });
  // Errors, then warnings (an unknown tag would otherwise be read as a string).
  const e = doc.errors[0] ?? doc.warnings[0];
  if (e) {
    const where = e.linePos ? `${e.linePos[0].line}:${e.linePos[0].col}: ` : '';
    const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ProfileError(name, [`${where}malformed YAML: ${what}`]);
  }
  // The yaml package's own duplicate check is quadratic in the keys of a mapping.
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) {
    const { line, col } = lineColumn(text, duplicate.offset);
    throw new ProfileError(name, [
      `${line}:${col}: malformed YAML: Map keys must be unique (${JSON.stringify(duplicate.key)} appears twice)`,
    ]);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_PROFILE_ALIASES });
  } catch (error) {
    throw new ProfileError(name, [`(file): refused YAML: ${(error as Error).message} (aliases expand beyond ${MAX_PROFILE_ALIASES})`]);
  }
  if (typeof value === 'object' && value !== null) SOURCES.set(value, { text, doc });
  return expectMapping(value, name);
}

/** Reads a JSON profile (duplicate keys refused, as in YAML). */
function readJsonProfile(file: string, name: string): unknown {
  return readOnce(file, name, (text) => parseJsonProfile(text, name));
}

function parseJsonProfile(text: string, name: string): unknown {
  refuseDeepText(text, name);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProfileError(name, [`(file): malformed JSON: ${(error as Error).message}`]);
  }
  // JSON.parse keeps the last of two equal keys; JSON is YAML 1.2, whose reading finds them.
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: false });
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) {
    const { line, col } = lineColumn(text, duplicate.offset);
    throw new ProfileError(name, [`${line}:${col}: malformed JSON: the key ${JSON.stringify(duplicate.key)} appears twice in one object`]);
  }
  if (typeof value === 'object' && value !== null) SOURCES.set(value, { text, doc });
  return expectMapping(value, name);
}

/** Reads a TypeScript profile: its default export (or `profile`), a plain object of data. */
function readTsProfile(file: string, name: string): unknown {
  readProfileText(file, name);
  const exit = process.exit;
  let exitCode: unknown;
  let mod: { default?: unknown; profile?: unknown } | undefined;
  // A profile that exits would end the synth with no message; while it loads, exit throws.
  process.exit = ((code?: unknown) => {
    exitCode = code ?? 0;
    throw new Error(`process.exit(${show(code)})`);
  }) as typeof process.exit;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(path.resolve(file));
  } catch (error) {
    const what =
      exitCode !== undefined
        ? `it calls process.exit(${show(exitCode)})`
        : `it throws ${error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : show(error)}`;
    throw new ProfileError(name, [`(file): the TypeScript profile cannot be loaded: ${what}`]);
  } finally {
    process.exit = exit;
  }
  // A profile that catches the exception of its own exit is refused all the same.
  if (exitCode !== undefined)
    throw new ProfileError(name, [`(file): the TypeScript profile cannot be loaded: it calls process.exit(${show(exitCode)})`]);
  const value = mod?.default ?? mod?.profile;
  if (value === undefined) throw new ProfileError(name, ['(profile): expected a default export with the profile']);
  if (typeof value === 'function')
    throw new ProfileError(name, ['(profile): the default export is a function (expected the profile object itself)']);
  return expectMapping(value, name);
}

/** How each profile extension is read (matched case-insensitively). */
const READERS: Readonly<Record<string, (file: string, name: string) => unknown>> = {
  '.yaml': readYamlProfile,
  '.yml': readYamlProfile,
  '.json': readJsonProfile,
  '.ts': readTsProfile,
};
const EXTENSIONS = Object.keys(READERS).join(', ');

/** Files in a profile folder that are not profiles though their extension says so. */
const NOT_A_PROFILE = /\.(d\.ts|test\.ts|schema\.json)$/i;

/** The profile files of a folder (or the file itself), sorted; files starting with `_` are skipped. */
export function profileFiles(location: string): string[] {
  if (!fs.existsSync(location)) throw new ProfileError(displayPath(location), ['profile file or folder does not exist']);
  if (fs.statSync(location).isFile()) return [location];
  const files = fs
    .readdirSync(location)
    .filter((f) => path.extname(f).toLowerCase() in READERS && !f.startsWith('_') && !NOT_A_PROFILE.test(f))
    .sort()
    .map((f) => path.join(location, f));
  if (files.length === 0) {
    throw new ProfileError(displayPath(location), [
      `(folder): holds no profile (expected a file ending in ${EXTENSIONS}; names starting with _ are skipped)`,
    ]);
  }
  return files;
}

/** A file path as messages show it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel && !rel.startsWith('..') ? rel : path.resolve(file);
}

/** Loads one profile file and checks it against the schema. */
export function loadProfile(file: string): LoadedProfile {
  const { file: rel, input } = readProfileInput(file);
  const origin = originOf(input, rel);
  return { file: rel, profile: parseProfile(input, origin), origin };
}

/** The data of a profile (or inventory) file before the schema: read bounded, checked as data. */
export function readProfileInput(file: string): { file: string; input: unknown } {
  const rel = displayPath(file);
  if (!fs.existsSync(file)) throw new ProfileError(rel, ['profile file does not exist']);
  const extension = path.extname(file);
  const read = READERS[extension.toLowerCase()];
  if (!read)
    throw new ProfileError(rel, [`(file): ${JSON.stringify(extension || '(none)')} is not a profile extension (expected ${EXTENSIONS})`]);
  if (read === readTsProfile && extension !== '.ts') {
    // Node, tsx and ts-jest pick the TypeScript loader by the exact extension: `.TS` would run as JavaScript.
    throw new ProfileError(rel, [
      `(file): a TypeScript profile must end in lower-case .ts (the TypeScript loader does not read ${extension}); rename it`,
    ]);
  }
  return { file: rel, input: read(file, rel) };
}

/**
 * Loads every profile of the given files or folders, each through `accept` (the schema alone by
 * default); reports every bad file, not only the first, and two profiles with one name.
 */
export function loadProfiles<T extends LoadedProfile = LoadedProfile>(
  locations: readonly string[],
  accept: (loaded: LoadedProfile) => T = (l) => l as T,
): T[] {
  const loaded: T[] = [];
  const errors: string[] = [];
  if (locations.length === 0) throw new Error('no profile file or folder given');
  for (const location of locations) {
    let files: string[];
    try {
      files = profileFiles(location);
    } catch (error) {
      errors.push((error as Error).message);
      continue;
    }
    for (const file of files) {
      try {
        loaded.push(accept(loadProfile(file)));
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
  }
  if (errors.length > 0) throw new Error(errors.join('\n'));
  const byName = new Map<string, string>();
  for (const { file, profile } of loaded) {
    const other = byName.get(profile.name);
    if (other)
      throw new Error(
        `${file}: name: "${profile.name}" is also the name of ${other} (two stacks cannot write the same output folder ${profile.name}/)`,
      );
    byName.set(profile.name, file);
  }
  return loaded;
}
