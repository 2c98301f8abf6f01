import * as fs from 'fs';
import * as path from 'path';
import { parseYaml11 } from '../../lib/engine/yaml';
import { DEFAULT_IMAGE_BUILD, ImageBuild } from '../../overrides/images';
import { leaves, meaningfulLines } from './leaves';
import { listFiles } from './reference';

/** How a leaf of ours differs from the reference's. */
export type DifferenceKind = 'missing' | 'extra' | 'changed' | 'comments';

export interface Difference {
  readonly file: string;
  readonly path: string;
  readonly kind: DifferenceKind;
  readonly ours?: unknown;
  readonly reference?: unknown;
}

/**
 * How `test/deviations.yaml` accounts for a difference: its plain kind, or one of two kinds for
 * program text (scripts, templates) that is not ours to copy:
 * - `own`: a `changed` leaf whose text is our own implementation of the same behaviour;
 * - `chart-default`: a `missing` leaf where the chart's own default text does what StarlingX needs.
 */
export type DeviationKind = DifferenceKind | 'own' | 'chart-default';

/** The difference kind that a deviation kind accounts for. */
export function differenceKindOf(kind: DeviationKind): DifferenceKind {
  return kind === 'own' ? 'changed' : kind === 'chart-default' ? 'missing' : kind;
}

/** One entry of `test/deviations.yaml`. `path` may use `*` for one path segment or part of one. */
export interface Deviation {
  readonly file: string;
  readonly path: string;
  readonly kind: DeviationKind;
  readonly reason: string;
}

export interface ParityReport {
  readonly referenceLeaves: number;
  /** Leaves equal to the reference. */
  readonly equal: number;
  /** Multi-line text leaves that differ only in comments and blank lines. */
  readonly equalButComments: number;
  readonly differences: Difference[];
  /** Differences that no deviation lists. */
  readonly unlisted: Difference[];
  /** Deviations that match no difference (stale entries). */
  readonly unused: Deviation[];
  /** Listed differences counted by the kind of the first entry that lists them. */
  readonly byDeviationKind: Readonly<Partial<Record<DeviationKind, number>>>;
}

const TOKENS = (build: ImageBuild): Array<[string, string]> => [
  ['@IMAGE_PREFIX@', build.imagePrefix],
  ['@OS@', build.os],
  ['@OS_CODENAME@', build.osCodename],
  ['@OS_ARCH@', build.osArch],
  ['@BUILD_STREAM@', build.buildStream],
  ['@IMAGE_SUFFIX@', build.imageSuffix],
];

/** The reference value as our build writes it: build tokens replaced by the build's words. */
function expected(value: unknown, build: ImageBuild): unknown {
  if (typeof value !== 'string' || !value.includes('@')) return value;
  return TOKENS(build).reduce((text, [token, word]) => text.split(token).join(word), value);
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.]*');
  return new RegExp(`^${escaped}$`);
}

function matches(deviation: Deviation, diff: Difference): boolean {
  return (
    differenceKindOf(deviation.kind) === diff.kind &&
    globToRegExp(deviation.file).test(diff.file) &&
    globToRegExp(deviation.path).test(diff.path)
  );
}

/** Compares our stack's files with the reference tree, leaf by leaf, as Helm reads YAML (1.1). */
export function compareWithReference(
  ours: ReadonlyMap<string, string>,
  referenceDir: string,
  deviations: readonly Deviation[],
  build: ImageBuild = DEFAULT_IMAGE_BUILD,
  /** Reference files outside `referenceDir`: our path to their absolute path. */
  extraFiles: Readonly<Record<string, string>> = {},
): ParityReport {
  const referencePaths = new Map(
    listFiles(referenceDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f, path.join(referenceDir, f)]),
  );
  for (const [ourPath, theirPath] of Object.entries(extraFiles)) referencePaths.set(ourPath, theirPath);
  const referenceFiles = [...referencePaths.keys()];
  const files = [...new Set([...referenceFiles, ...ours.keys()])].sort();
  const differences: Difference[] = [];
  let referenceLeaves = 0;
  let equal = 0;
  let equalButComments = 0;
  for (const file of files) {
    const refText = referenceFiles.includes(file) ? fs.readFileSync(referencePaths.get(file) as string, 'utf8') : undefined;
    const ourText = ours.get(file);
    const refLeaves = refText === undefined ? new Map() : leaves(parseYaml11(refText, `reference ${file}`));
    const ourLeaves = ourText === undefined ? new Map() : leaves(parseYaml11(ourText, file));
    referenceLeaves += refLeaves.size;
    for (const [leaf, refValue] of refLeaves) {
      if (!ourLeaves.has(leaf)) {
        differences.push({ file, path: leaf, kind: 'missing', reference: refValue });
        continue;
      }
      const ourValue = ourLeaves.get(leaf);
      const want = expected(refValue, build);
      if (JSON.stringify(ourValue) === JSON.stringify(want)) {
        equal++;
      } else if (
        refValue === 'REPLACE_HELM_CHART_VERSION' &&
        leaf.endsWith('chart.spec.version') &&
        typeof ourValue === 'string' &&
        ourValue !== ''
      ) {
        equal++; // the packaging step fills in the version; any version matches
      } else if (
        typeof want === 'string' &&
        typeof ourValue === 'string' &&
        want.includes('\n') &&
        JSON.stringify(meaningfulLines(want)) === JSON.stringify(meaningfulLines(ourValue))
      ) {
        equalButComments++;
        differences.push({ file, path: leaf, kind: 'comments' });
      } else {
        differences.push({ file, path: leaf, kind: 'changed', ours: ourValue, reference: refValue });
      }
    }
    for (const [leaf, ourValue] of ourLeaves) {
      if (!refLeaves.has(leaf)) differences.push({ file, path: leaf, kind: 'extra', ours: ourValue });
    }
  }
  const unlisted = differences.filter((d) => !deviations.some((dev) => matches(dev, d)));
  const unused = deviations.filter((dev) => !differences.some((d) => matches(dev, d)));
  const byDeviationKind: Partial<Record<DeviationKind, number>> = {};
  for (const diff of differences) {
    const listing = deviations.find((dev) => matches(dev, diff));
    if (listing) byDeviationKind[listing.kind] = (byDeviationKind[listing.kind] ?? 0) + 1;
  }
  return { referenceLeaves, equal, equalButComments, differences, unlisted, unused, byDeviationKind };
}
