/**
 * User values (profile `userOverrides`) that would do harm in a consumer, refused with the path
 * of the user value:
 *
 * - control characters (NUL, ESC, DEL, C1, U+2028/9) anywhere, in keys or values;
 * - in config files the charts write as INI (`conf.<file>.<section>.<option>`), a newline in an
 *   option (it would start a new `[section]` or option) and `[`, `]`, `=` or a newline in a
 *   section or option name;
 * - Helm template syntax (`{{`) where the chart passes the value through `tpl` (./tpl-values.ts);
 * - text under an image key that is not an OCI image reference (lib/engine/oci.ts);
 * - a mapping or list of the static or system values replaced by null or by another type (the
 *   chart templates read into it; Helm fails far from the cause, or renders an empty config).
 */
import { isImageReference, isImageRegistry, isImageRepository, isImageTag } from '../engine/oci';
import { TPL_VALUES } from './tpl-values';

const show = (value: unknown) => JSON.stringify(value);
/** A plain mapping (a credential reference of the system values is a leaf). */
const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** Characters no config file or manifest should carry: C0 but tab/LF/CR, DEL, C1, line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

/** Keys whose value is a whole text (a script, a template, a file), not an INI option. */
const TEXT_KEY = /(^|_)(template|script|content|override|sh|py|conf|file|filters|policy|data|text)$|\.(sh|py|conf|ini|json|ya?ml|txt)$/i;

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : isMapping(v) ? 'a mapping' : `a ${typeof v}`);

/** The value at `path` in the first of `trees` that has one. */
function knownAt(trees: readonly unknown[], path: readonly string[]): unknown {
  for (const tree of trees) {
    let at: unknown = tree;
    for (const key of path) {
      if (!isMapping(at) || !(key in at)) {
        at = undefined;
        break;
      }
      at = at[key];
    }
    if (at !== undefined) return at;
  }
  return undefined;
}

/** Problems of one release's user values; `known` are its static and system values, `chart` its chart name. */
export function userValueProblems(release: string, chart: string, user: unknown, known: readonly unknown[]): string[] {
  const out: string[] = [];
  const tplPaths = TPL_VALUES[chart] ?? [];
  const walk = (value: unknown, path: string[], shown: string): void => {
    const dotted = path.join('.');
    const underTpl = tplPaths.find((p) => dotted === p || dotted.startsWith(`${p}.`));
    const add = (message: string) => out.push(`userOverrides.${release}${shown}: ${message}`);
    const prior = knownAt(known, path);
    if (path.length > 0 && prior !== undefined && prior !== null) {
      if (isMapping(prior) && !isMapping(value)) {
        add(
          `${typeName(value)} replaces the mapping the chart reads here (keys ${Object.keys(prior).slice(0, 4).join(', ')}${Object.keys(prior).length > 4 ? ', ...' : ''}); set the keys you mean to change instead`,
        );
        return;
      }
      if (Array.isArray(prior) && !Array.isArray(value) && value !== undefined) {
        add(`${typeName(value)} replaces the list the chart reads here (expected a list)`);
        return;
      }
    }
    if (typeof value === 'string') {
      const control = CONTROL.exec(value);
      if (control)
        add(
          `holds the control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} (expected printable text)`,
        );
      if (underTpl && value.includes('{{')) {
        add(
          `holds Helm template syntax "{{", and the chart ${chart} renders ${underTpl} with tpl, with helm-controller's rights (lookup reads any Secret); write the text without "{{"`,
        );
      }
      const ini = path[0] === 'conf' && path.length >= 4 && !underTpl && !path.slice(1).some((k) => TEXT_KEY.test(k));
      if (ini && /[\r\n]/.test(value) && !(typeof prior === 'string' && prior.includes('\n'))) {
        add('holds a line break; in the INI file the chart writes it would start a new option or [section] (expected one line)');
      }
      checkImage(value, path, add);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, String(i)], `${shown}[${i}]`));
      return;
    }
    if (isMapping(value)) {
      for (const [key, item] of Object.entries(value)) {
        const at = `${shown}.${key}`;
        if (CONTROL.test(key) || /[\r\n]/.test(key))
          out.push(`userOverrides.${release}${at}: the key holds a control character or line break`);
        else if (
          path[0] === 'conf' &&
          path.length >= 2 &&
          /[[\]=]/.test(key) &&
          !path.slice(1).some((k) => TEXT_KEY.test(k)) &&
          !underTpl
        ) {
          out.push(
            `userOverrides.${release}${at}: the key holds "[", "]" or "="; as an INI section or option name it would break the file`,
          );
        }
        walk(item, [...path, key], at);
      }
    }
  };
  walk(user, [], '');
  return out;
}

/** Text under an image key must be what its key says: a reference, a repository, a tag or a registry. */
function checkImage(value: string, path: readonly string[], add: (message: string) => void): void {
  const key = path[path.length - 1] ?? '';
  const parent = path[path.length - 2] ?? '';
  const imageParent = /image/i.test(parent);
  if ((path[0] === 'images' && path[1] === 'tags' && path.length === 3) || /^image$/i.test(key)) {
    if (!isImageReference(value)) add(`${show(value)} is not an image reference (expected registry/repository:tag or @sha256:digest)`);
  } else if (imageParent && key === 'repository') {
    if (!isImageRepository(value)) add(`${show(value)} is not an image repository (expected registry/path, lower-case)`);
  } else if (imageParent && key === 'tag') {
    if (!isImageTag(value)) add(`${show(value)} is not an image tag (expected letters, digits, "_", "." or "-", at most 128)`);
  } else if (imageParent && key === 'registry') {
    if (value !== '' && !isImageRegistry(value)) add(`${show(value)} is not a registry (expected host[:port][/path])`);
  }
}
