/**
 * Validation of generated Flux objects against the openAPIV3Schema of the Flux CRDs.
 *
 * The CRDs are read from `../shared/crds` for now. Everything that knows where they live is in this
 * file (CRDS_DIR, crdsPresent, loadCrdSchemas), so the loader can move when the project ships
 * the schemas itself.
 *
 * What the API server does and plain ajv does not:
 * - evaluate the CEL rules of `x-kubernetes-validations`: the rules written in the small subset of
 *   ./cel.ts (all of those of the Flux CRDs today) are checked, any other is listed in
 *   `uncheckedRules` and ignored;
 * - validate `metadata` (a bare `type: object` in a CRD): a minimal ObjectMeta schema is put in
 *   its place, see OBJECT_META.
 * Other `x-kubernetes-*` keywords are registered as annotations (no check).
 * What ajv does and the API server does not: reject unknown fields. The API server prunes them
 * (or rejects them under strict field validation); either way a misspelt field is lost, so every
 * object schema with `properties` and without `x-kubernetes-preserve-unknown-fields` is closed.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseYaml12 } from '../engine/yaml';
import { isMapping, Mapping } from '../engine/json';
import { compileCel } from './cel';

/** `../shared/crds`, beside the project. */
export const CRDS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'crds');

/** The `x-kubernetes-*` extensions of structural schemas (registered even when no CRD uses them). */
export const KNOWN_K8S_EXTENSIONS = [
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-validations',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-embedded-resource',
] as const;

/** True when an apiVersion belongs to a Flux API group (`*.fluxcd.io/<version>`). */
export function isFluxApiVersion(apiVersion: unknown): apiVersion is string {
  return typeof apiVersion === 'string' && /^([a-z0-9-]+\.)*fluxcd\.io\/[^/]+$/.test(apiVersion);
}

/** True when the CRDs are present; prints why a test is skipped when they are not (never in CI). */
export function crdsPresent(dir: string = CRDS_DIR): boolean {
  if (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.yaml'))) return true;
  if (process.env.CI) throw new Error(`the Flux CRDs ${dir} are missing, and CI must run the schema tests`);
  console.warn(`skipped: ${dir} is absent (the schema tests need ../shared/crds beside the project)`);
  return false;
}

/** One served+storage version of a CRD. */
export interface CrdSchema {
  /** `group/version`, e.g. `helm.toolkit.fluxcd.io/v2`. */
  readonly apiVersion: string;
  readonly kind: string;
  readonly file: string;
  readonly schema: Record<string, unknown>;
}

/** Reads every CRD of `dir` and returns the openAPIV3Schema of each served+storage version. */
export function loadCrdSchemas(dir: string = CRDS_DIR): CrdSchema[] {
  const out: CrdSchema[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const full = path.join(dir, file);
    for (const doc of parseYaml12(fs.readFileSync(full, 'utf8'), full)) {
      if (!isMapping(doc) || doc.kind !== 'CustomResourceDefinition') continue;
      const spec = doc.spec as Mapping;
      const group = spec.group as string;
      const kind = (spec.names as Mapping).kind as string;
      const versions = (spec.versions as Mapping[]).filter((v) => v.served === true && v.storage === true);
      if (versions.length !== 1) throw new Error(`${full}: expected one served+storage version, found ${versions.length}`);
      const version = versions[0];
      const schema = (version.schema as Mapping | undefined)?.openAPIV3Schema;
      if (!isMapping(schema)) throw new Error(`${full}: version ${String(version.name)} has no openAPIV3Schema`);
      out.push({ apiVersion: `${group}/${String(version.name)}`, kind, file: full, schema });
    }
  }
  if (out.length === 0) throw new Error(`${dir}: no CustomResourceDefinition found`);
  return out;
}

/**
 * The schemas as `npm run import` bundles them (imports/flux-crd-schemas.json), so that validation
 * works without ../shared beside the project.
 */
export const BUNDLED_SCHEMAS = path.resolve(__dirname, '..', '..', 'imports', 'flux-crd-schemas.json');

export function loadBundledSchemas(file: string = BUNDLED_SCHEMAS): CrdSchema[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as Array<Omit<CrdSchema, 'file'>>).map((c) => ({ ...c, file }));
}

/** The schemas to bundle: the CRDs' served+storage versions, without the file paths. */
export function bundleSchemas(dir: string = CRDS_DIR): string {
  return JSON.stringify(loadCrdSchemas(dir).map(({ apiVersion, kind, schema }) => ({ apiVersion, kind, schema }))) + '\n';
}

/** Every `x-kubernetes-*` key used anywhere in the given schemas, sorted. */
export function k8sExtensionsIn(schemas: readonly unknown[]): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isMapping(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('x-kubernetes-')) found.add(key);
        walk(value);
      }
    }
  };
  schemas.forEach(walk);
  return [...found].sort();
}

const DNS_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

/** The part of ObjectMeta the API server checks that matters to generated objects. */
export const OBJECT_META: Mapping = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 253, pattern: DNS_SUBDOMAIN },
    namespace: { type: 'string', maxLength: 63, pattern: DNS_LABEL },
    labels: { type: 'object', additionalProperties: { type: 'string', maxLength: 63 } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
  additionalProperties: true,
};

/** A deep copy of a CRD schema with unknown fields rejected and `metadata` given a schema. */
function prepare(schema: Mapping): Mapping {
  const close = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(close);
    if (!isMapping(node)) return node;
    const copy: Mapping = {};
    for (const [key, value] of Object.entries(node)) {
      // `properties` maps names to schemas: its keys are not keywords.
      copy[key] =
        key === 'properties' && isMapping(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, close(v)])) : close(value);
    }
    if (isMapping(copy.properties) && copy.additionalProperties === undefined && copy['x-kubernetes-preserve-unknown-fields'] !== true) {
      copy.additionalProperties = false;
    }
    return copy;
  };
  const prepared = close(schema) as Mapping;
  const properties = prepared.properties as Mapping;
  if (isMapping(properties?.metadata)) properties.metadata = OBJECT_META;
  return prepared;
}

export interface FluxValidator {
  /** `apiVersion kind` of every schema known. */
  readonly kinds: readonly string[];
  /** The `x-kubernetes-*` keywords registered with ajv. */
  readonly extensions: readonly string[];
  /** CEL rules outside the supported subset, not checked. */
  readonly uncheckedRules: readonly string[];
  /** Errors of one document (`/spec/interval: must be string`); empty when valid or not a Flux object. */
  validate(doc: unknown): string[];
}

function formatError(error: ErrorObject): string {
  const where = error.instancePath || '/';
  let what = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') what += ` (${String(error.params.additionalProperty)})`;
  if (error.keyword === 'enum') what += ` (${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
  return `${where}: ${what}`;
}

/** Compiles the schemas of `dir` with ajv in strict mode. */
export function createFluxValidator(dir: string = CRDS_DIR): FluxValidator {
  const crds = fs.existsSync(dir) ? loadCrdSchemas(dir) : loadBundledSchemas();
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  const extensions = [...new Set([...KNOWN_K8S_EXTENSIONS, ...k8sExtensionsIn(crds.map((c) => c.schema))])].sort();
  const uncheckedRules: string[] = [];
  for (const keyword of extensions) {
    if (keyword !== 'x-kubernetes-validations') {
      ajv.addKeyword({ keyword });
      continue;
    }
    ajv.addKeyword({
      keyword,
      schemaType: 'array',
      errors: true,
      compile(rules: Array<{ rule: string; message?: string }>) {
        const checks = rules.flatMap(({ rule, message }) => {
          const check = compileCel(rule);
          if (!check) {
            uncheckedRules.push(rule);
            return [];
          }
          return [{ rule, message: message ?? `failed rule: ${rule}`, check }];
        });
        const validate = (data: unknown): boolean => {
          const errors: Array<Partial<ErrorObject>> = [];
          for (const { rule, message, check } of checks) {
            let ok: boolean;
            let why = message;
            try {
              ok = check(data);
            } catch (error) {
              ok = false;
              why = `${message} (${(error as Error).message})`;
            }
            if (!ok) errors.push({ keyword, message: why, params: { rule } });
          }
          (validate as { errors?: unknown }).errors = errors;
          return errors.length === 0;
        };
        return validate;
      },
    });
  }
  const validators = new Map<string, ValidateFunction>();
  for (const crd of crds) {
    const key = `${crd.apiVersion} ${crd.kind}`;
    if (validators.has(key)) throw new Error(`${crd.file}: ${key} is defined twice`);
    try {
      validators.set(key, ajv.compile(prepare(crd.schema)));
    } catch (error) {
      throw new Error(`${crd.file}: the schema of ${key} does not compile: ${(error as Error).message}`, { cause: error });
    }
  }
  return {
    kinds: [...validators.keys()].sort(),
    extensions,
    uncheckedRules,
    validate(doc: unknown): string[] {
      if (!isMapping(doc)) return [];
      const { apiVersion, kind } = doc;
      if (!isFluxApiVersion(apiVersion)) return [];
      const validator = validators.get(`${apiVersion} ${String(kind)}`);
      if (!validator) return [`/: unknown Flux kind ${String(kind)} of ${apiVersion} (known: ${[...validators.keys()].join('; ')})`];
      if (validator(doc)) return [];
      return (validator.errors ?? []).map(formatError);
    },
  };
}

let shared: FluxValidator | undefined;

/** The validator of CRDS_DIR, compiled once. */
export function fluxValidator(): FluxValidator {
  shared ??= createFluxValidator();
  return shared;
}

/**
 * Validates one document against the Flux CRD of its apiVersion and kind. Returns the errors
 * (`<instancePath>: <message>`); empty when valid or not a Flux object. A Flux apiVersion with
 * no known schema is an error.
 */
export function validateFluxObject(doc: unknown): string[] {
  return fluxValidator().validate(doc);
}
