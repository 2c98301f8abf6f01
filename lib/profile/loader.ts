/**
 * Loads deployment profiles (TypeScript or YAML) and validates them against the zod schema (types,
 * required fields, unknown fields). The semantic rules run when the profile is resolved into a
 * deployment (lib/deployment). Every problem names the file, the field path, the value and what
 * was expected.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { deploymentProfileSchema, DeploymentProfile, profileJsonSchema } from './profile';

/** A profile that failed validation: every problem, one per line. */
export class ProfileError extends Error {
  constructor(
    public readonly file: string,
    public readonly problems: readonly string[],
  ) {
    super(problems.map((p) => `${file}: ${p}`).join('\n'));
    this.name = 'ProfileError';
  }
}

/** A validated profile and the file it came from. */
export interface LoadedProfile {
  readonly file: string;
  readonly profile: DeploymentProfile;
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

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
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

type JsonSchemaNode = { properties?: Record<string, JsonSchemaNode>; items?: JsonSchemaNode; anyOf?: JsonSchemaNode[]; oneOf?: JsonSchemaNode[] };
let schemaRoot: JsonSchemaNode | undefined;

/** The fields the profile schema allows at a path (for unknown-field messages). */
function knownFields(segments: ReadonlyArray<PropertyKey>): string[] {
  schemaRoot ??= profileJsonSchema() as JsonSchemaNode;
  let nodes: JsonSchemaNode[] = [schemaRoot];
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

/** One line per zod issue: `path: message (got value)`. */
function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        lines.push(`${formatPath([...issue.path, key])}: unknown field (${suggestion(key, knownFields(issue.path))})`);
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A record keyed by release name: the key is the last path segment.
      const key = String(issue.path[issue.path.length - 1]);
      const inner = issue.issues[0];
      if (inner && inner.code === 'custom') {
        // A key with its own rule (a Kubernetes label key): the rule's message says what is expected.
        lines.push(`${formatPath(issue.path)}: ${inner.message} (got ${JSON.stringify(key)})`);
        continue;
      }
      const allowed = inner && inner.code === 'invalid_value' ? inner.values.map(String) : [];
      lines.push(`${formatPath(issue.path)}: unknown ${allowed.length > 0 ? 'release' : 'key'} ${JSON.stringify(key)} (${suggestion(key, allowed)})`);
      continue;
    }
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
      // Discriminated unions: report the branch the input chose.
      lines.push(...describeIssues(issue.errors.flat(), input));
      continue;
    }
    const got = valueAt(input, issue.path);
    const missing = got === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
    const message = missing ? `required field missing (${issue.message.replace(/, received undefined$/, '').replace(/^Invalid input: |^Invalid option: /, '')})` : issue.message;
    lines.push(`${formatPath(issue.path)}: ${message} (got ${show(got)})`);
  }
  return [...new Set(lines)];
}

/** Parses profile input from `file` against the schema; throws a ProfileError listing every problem. */
export function parseProfile(input: unknown, file: string): DeploymentProfile {
  const parsed = deploymentProfileSchema.safeParse(input);
  if (!parsed.success) throw new ProfileError(file, describeIssues(parsed.error.issues, input));
  return parsed.data;
}

/** Reads a YAML profile (YAML 1.2, duplicate keys refused). */
function readYamlProfile(file: string, name: string): unknown {
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { version: '1.2', uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const where = e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: ` : '';
    const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ProfileError(name, [`${where}malformed YAML: ${what}`]);
  }
  const value = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProfileError(name, [`(profile): expected a mapping of profile fields (got ${show(value)})`]);
  }
  return value;
}

/** Reads a TypeScript profile: its default export (or `profile`). */
function readTsProfile(file: string, name: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.resolve(file));
  const value = mod.default ?? mod.profile;
  if (value === undefined) throw new ProfileError(name, ['(profile): expected a default export with the profile']);
  return value;
}

const PROFILE_FILE = /\.(ya?ml|ts)$/;

/** The profile files of a folder (or the file itself), sorted; files starting with `_` are skipped. */
export function profileFiles(location: string): string[] {
  if (!fs.existsSync(location)) throw new ProfileError(displayPath(location), ['profile file or folder does not exist']);
  if (fs.statSync(location).isFile()) return [location];
  return fs
    .readdirSync(location)
    .filter((f) => PROFILE_FILE.test(f) && !f.startsWith('_') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => path.join(location, f));
}

/** A file path as messages show it: relative to the working folder when inside it. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel && !rel.startsWith('..') ? rel : path.resolve(file);
}

/** Loads one profile file and checks it against the schema. */
export function loadProfile(file: string): LoadedProfile {
  const rel = displayPath(file);
  if (!fs.existsSync(file)) throw new ProfileError(rel, ['profile file does not exist']);
  const input = /\.ya?ml$/.test(file) ? readYamlProfile(file, rel) : readTsProfile(file, rel);
  return { file: rel, profile: parseProfile(input, rel) };
}

/**
 * Loads every profile of the given files or folders, each through `accept` (the schema alone by
 * default); reports every bad file, not only the first, and two profiles with one name.
 */
export function loadProfiles<T extends LoadedProfile = LoadedProfile>(locations: readonly string[], accept: (loaded: LoadedProfile) => T = (l) => l as T): T[] {
  const loaded: T[] = [];
  const errors: string[] = [];
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
    if (other) throw new Error(`${file}: name: "${profile.name}" is also the name of ${other} (two stacks cannot write the same output folder ${profile.name}/)`);
    byName.set(profile.name, file);
  }
  return loaded;
}
