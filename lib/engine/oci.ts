/**
 * The OCI (distribution) reference grammar: `[domain[:port]/]path[:tag][@algorithm:hex]`, as
 * container runtimes and registries parse it. Text that does not match is no image reference, and
 * never reaches a chart value or a printed command as one.
 */

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

const REFERENCE = new RegExp(`^${NAME}(?::${TAG})?(?:@${DIGEST})?$`);
const REPOSITORY = new RegExp(`^${NAME}$`);
const TAG_ONLY = new RegExp(`^${TAG}$`);
const REGISTRY = new RegExp(`^${DOMAIN}(?:/${PATH_COMPONENT})*$`);

/** The longest name a registry takes (distribution's limit). */
const MAX_NAME = 255;

/** True for a full image reference (`registry.local:9001/docker.io/starlingx/stx-nova:tag`). */
export function isImageReference(text: string): boolean {
  if (!REFERENCE.test(text)) return false;
  const name = text.split('@')[0].replace(/:[\w][\w.-]*$/, '');
  return name.length <= MAX_NAME;
}

/** True for a repository without tag or digest (`docker.io/library/nginx`). */
export const isImageRepository = (text: string) => REPOSITORY.test(text) && text.length <= MAX_NAME;

/** True for a tag (`1.13.3`, `master-debian-trixie-amd64-stable-latest`). */
export const isImageTag = (text: string) => TAG_ONLY.test(text);

/** True for a registry host with optional port and path prefix (`registry.local:9001/mirror`). */
export const isImageRegistry = (text: string) => REGISTRY.test(text);

/** A word for a POSIX shell: single-quoted unless it holds only characters no shell reads specially. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
