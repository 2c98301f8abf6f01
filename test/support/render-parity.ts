/**
 * Render-level parity: the starlingx-app stack and StarlingX's own tree, each rendered with its own
 * values through the same charts, compared object by object (lib/commands/rendered-diff.ts
 * diffRenderedObjects: Secrets decoded, credentials and random values masked).
 */
import { diffRenderedObjects } from '../../lib/commands/rendered-diff';
import { RenderedRelease, renderStackReleases } from '../../lib/commands/render';
import { StackTree, stackFromFiles } from '../../lib/commands/values';
import { ChartSet } from '../../lib/validate/chart-source';
import { readTree } from '../../lib/validate/validate';
import { DEFAULT_IMAGE_BUILD } from '../../overrides/images';
import { buildChartVersion, DEFAULT_APP_BUILD } from '../../releases/chart-versions';
import { ALL_RELEASES } from '../../releases';

/** One difference of a rendered object: the release, the object, the leaf path and both values. */
export interface RenderedDifference {
  readonly release: string;
  /** `Kind/name`, or `(release)` when a side does not render. */
  readonly object: string;
  readonly path: string;
  readonly ours?: unknown;
  readonly reference?: unknown;
}

/** A listed difference: release and object exact or `*` globs, path a glob (`*` within one segment, `**` across). */
export interface RenderedDeviation {
  readonly release: string;
  readonly object: string;
  readonly path: string;
  readonly reason: string;
}

/**
 * The reference tree as the app packages it: build tokens replaced by the default build's words,
 * and REPLACE_HELM_CHART_VERSION by the app build's chart version (the packaging step does both).
 */
export function packagedReference(manifests: string): StackTree {
  const words: Array<[string, string]> = [
    ['@IMAGE_PREFIX@', DEFAULT_IMAGE_BUILD.imagePrefix],
    ['@OS@', DEFAULT_IMAGE_BUILD.os],
    ['@OS_CODENAME@', DEFAULT_IMAGE_BUILD.osCodename],
    ['@OS_ARCH@', DEFAULT_IMAGE_BUILD.osArch],
    ['@BUILD_STREAM@', DEFAULT_IMAGE_BUILD.buildStream],
    ['@IMAGE_SUFFIX@', DEFAULT_IMAGE_BUILD.imageSuffix],
  ];
  const files = new Map<string, string>();
  for (const [file, text] of readTree(manifests)) {
    let out = words.reduce((t, [token, word]) => t.split(token).join(word), text);
    const release = ALL_RELEASES.find((r) => file === `${r.name}/helmrelease.yaml`);
    if (release) out = out.replace('REPLACE_HELM_CHART_VERSION', buildChartVersion(DEFAULT_APP_BUILD, release));
    files.set(file, out);
  }
  return stackFromFiles(files, manifests);
}

export interface RenderParity {
  readonly ours: readonly RenderedRelease[];
  readonly reference: readonly RenderedRelease[];
  readonly differences: readonly RenderedDifference[];
}

/** Renders both stacks and lists every difference, release by release. */
export async function renderParity(ours: StackTree, reference: StackTree, charts: ChartSet): Promise<RenderParity> {
  // One side after the other: a release with the same values on both sides is one cache entry.
  const a = await renderStackReleases(ours, { charts });
  const b = await renderStackReleases(reference, { charts });
  const differences: RenderedDifference[] = [];
  for (const release of [...new Set([...a.releases.map((r) => r.release), ...b.releases.map((r) => r.release)])]) {
    const o = a.releases.find((r) => r.release === release);
    const r = b.releases.find((x) => x.release === release);
    if (!o || !r || o.error || r.error) {
      differences.push({
        release,
        object: '(release)',
        path: 'renders',
        ours: o?.error ?? (o ? 'renders' : 'absent'),
        reference: r?.error ?? (r ? 'renders' : 'absent'),
      });
      continue;
    }
    for (const change of diffRenderedObjects(r, o, b.credentialValues, a.credentialValues)) {
      if (change.kind !== 'changed') {
        differences.push({
          release,
          object: change.id,
          path: '(object)',
          ours: change.kind === 'added' ? 'present' : 'absent',
          reference: change.kind === 'added' ? 'absent' : 'present',
        });
        continue;
      }
      for (const leaf of change.leaves) {
        if (typeof leaf.old === 'string' && typeof leaf.new === 'string' && withoutComments(leaf.old) === withoutComments(leaf.new))
          continue;
        differences.push({ release, object: change.id, path: leaf.path, ours: leaf.new, reference: leaf.old });
      }
    }
  }
  return { ours: a.releases, reference: b.releases, differences };
}

/**
 * A config text without comment lines (`#`, `;`), blank lines and trailing spaces: the parity of
 * the values (test/deviations.yaml, kind comments) already lists the texts we write without the
 * upstream comments; at render level they count as equal.
 */
export function withoutComments(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !/^\s*[#;]/.test(l))
    .join('\n');
}

function glob(pattern: string): RegExp {
  const escaped = pattern
    .split('**')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.]*'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

export function listedBy(deviation: RenderedDeviation, diff: RenderedDifference): boolean {
  return glob(deviation.release).test(diff.release) && glob(deviation.object).test(diff.object) && glob(deviation.path).test(diff.path);
}
