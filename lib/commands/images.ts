/**
 * The images a stack pulls, read from the effective values of its releases (lib/commands/values.ts),
 * so from what is written, with whatever registry rewrite the tree carries.
 */
import { isImageReference, isImageRegistry, shellQuote } from '../engine/oci';
import { stackValues, StackTree } from './values';
import { isMap, Json } from '../engine/json';

/**
 * `[host[:port]/]path[:tag][@sha256:...]`; a tag may hold the reference tree's build tokens
 * (`@IMAGE_PREFIX@-@OS@-...`).
 */
const IMAGE_REFERENCE =
  /^(?:[a-z0-9][a-z0-9.-]*(?::[0-9]+)?\/)?[a-z0-9][a-z0-9._/-]*(?::[A-Za-z0-9_@][A-Za-z0-9_.@-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** An image reference with a registry host, a tag or a digest (not `IfNotPresent`, not `service/storage/image`). */
function looksLikeImage(value: string): boolean {
  if (!IMAGE_REFERENCE.test(value)) return false;
  const first = value.split('/')[0];
  const hasHost = value.includes('/') && (first.includes('.') || first.includes(':'));
  const afterPath = value.slice(value.lastIndexOf('/') + 1);
  return hasHost || afterPath.includes(':') || value.includes('@sha256:');
}

/** The images named under image-like keys of a values tree: string leaves, and `{registry?, repository, tag}` maps. */
export function imagesOfValues(values: Json, underImageKey = false, out = new Set<string>()): Set<string> {
  if (typeof values === 'string') {
    if (underImageKey && looksLikeImage(values)) out.add(values);
  } else if (Array.isArray(values)) {
    values.forEach((v) => imagesOfValues(v, underImageKey, out));
  } else if (isMap(values)) {
    const { registry, repository, tag, digest } = values;
    if (underImageKey && typeof repository === 'string' && (typeof tag === 'string' || typeof digest === 'string')) {
      const name = `${typeof registry === 'string' && registry ? `${registry}/` : ''}${repository}`;
      out.add(`${name}${typeof tag === 'string' ? `:${tag}` : ''}${typeof digest === 'string' && digest ? `@${digest}` : ''}`);
      return out;
    }
    for (const [key, value] of Object.entries(values)) imagesOfValues(value, underImageKey || /image/i.test(key), out);
  }
  return out;
}

/** Every image the stack's releases pull, unique and sorted. */
export function stackImages(stack: StackTree): string[] {
  const out = new Set<string>();
  for (const ev of stackValues(stack).values()) imagesOfValues(ev.values, false, out);
  return [...out].sort();
}

const isHost = (part: string) => part.includes('.') || part.includes(':') || part === 'localhost';

/**
 * The upstream reference of an image: a mirrored `registry.local:9001/docker.io/x/y:t` gives
 * `docker.io/x/y:t` (StarlingX's local registry keeps the source registry as the first folder).
 */
export function upstreamImage(image: string): string {
  const parts = image.split('/');
  return parts.length > 2 && isHost(parts[0]) && isHost(parts[1]) ? parts.slice(1).join('/') : image;
}

/**
 * `skopeo copy` lines that fill the registry `mirror` with every image, laid out as StarlingX
 * expects. Every reference must match the OCI reference grammar (a reference tree's build tokens
 * `@IMAGE_PREFIX@` do not), and every word is shell-quoted: the lines are meant for `| sh`.
 */
export function mirrorCommands(images: readonly string[], mirror: string): string[] {
  const target = mirror.replace(/\/+$/, '');
  if (!isImageRegistry(target))
    throw new Error(`--mirror ${JSON.stringify(mirror)}: expected a registry host[:port][/path], e.g. registry.local:9001`);
  const bad = images.filter((image) => !isImageReference(image));
  if (bad.length > 0) {
    throw new Error(
      `not image references (the OCI reference grammar registry/repository:tag@digest), so no commands are printed: ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
    );
  }
  return [...new Set(images.map(upstreamImage))]
    .sort()
    .map((src) => ['skopeo', 'copy', '--all', `docker://${src}`, `docker://${target}/${src}`].map(shellQuote).join(' '));
}
