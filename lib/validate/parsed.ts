/**
 * The YAML documents of a file of a tree, parsed once per text and YAML version.
 *
 * Every check of a stack reads the same files (names, schemas, tree, credentials, the 1.1/1.2
 * comparison), and the stacks of a tree share most of their files (static overrides); parsing
 * each file again for each check and stack was most of the time of `validateStack`. The cache is
 * keyed by the text itself, so an edited file is parsed again, and emptied when it grows past
 * MAX_TEXTS. A parse error is not cached: every caller gets it, naming its own file. The
 * documents are shared between callers: the checks only read them.
 */
import { parseYaml11, parseYaml12 } from '../engine/yaml';

type Files = ReadonlyMap<string, string>;

interface Parsed {
  v11?: unknown[];
  v12?: unknown[];
}

const MAX_TEXTS = 20_000;
const cache = new Map<string, Parsed>();

function parsedOf(text: string): Parsed {
  let parsed = cache.get(text);
  if (!parsed) {
    if (cache.size >= MAX_TEXTS) cache.clear();
    parsed = {};
    cache.set(text, parsed);
  }
  return parsed;
}

/** The documents of `file` of `files` as YAML 1.1 (Helm) reads them. */
export function yaml11Of(files: Files, file: string): unknown[] {
  const text = files.get(file) ?? '';
  const parsed = parsedOf(text);
  parsed.v11 ??= parseYaml11(text, file);
  return parsed.v11;
}

/** The documents of `file` of `files` as YAML 1.2 (kustomize, Flux) reads them. */
export function yaml12Of(files: Files, file: string): unknown[] {
  const text = files.get(file) ?? '';
  const parsed = parsedOf(text);
  parsed.v12 ??= parseYaml12(text, file);
  return parsed.v12;
}
