/**
 * What a set of Flux controllers honours: the fields and labels this generator can emit, each with
 * the first controller release that reads it. Older controllers prune an unknown field (the API
 * server drops what the CRD's schema lacks) or ignore a label, silently: the synth leaves out what
 * the controllers would lose, and validate names it with the version that adds it.
 */
import { isMapping, Mapping } from './json';

/** The controller versions of one cluster (`1.4.5`, no leading v). */
export interface FluxVersions {
  readonly helmController: string;
  readonly sourceController: string;
  /** @default - no kustomize-controller: Flux Kustomizations are not reconciled */
  readonly kustomizeController?: string;
}

/** One thing the generator can emit that not every helm-controller honours. */
export interface FluxFeature {
  /** Where it is, as validate names it. */
  readonly field: string;
  /** The first helm-controller release that honours it. */
  readonly since: string;
  /** What an older controller does with it. */
  readonly older: 'pruned' | 'ignored';
}

/** The features by name; `since` from the helm-controller changelog, checked against the CRDs in tests. */
export const HELM_CONTROLLER_FEATURES = {
  helmReleaseV2: { field: 'apiVersion helm.toolkit.fluxcd.io/v2', since: '1.0.0', older: 'ignored' },
  chartRef: { field: 'HelmRelease spec.chartRef', since: '1.0.0', older: 'pruned' },
  driftDetection: { field: 'HelmRelease spec.driftDetection', since: '0.37.0', older: 'pruned' },
  watchLabel: { field: 'label reconcile.fluxcd.io/watch on a valuesFrom Secret', since: '1.4.0', older: 'ignored' },
  valuesFromLiteral: { field: 'HelmRelease spec.valuesFrom[].literal', since: '1.6.0', older: 'pruned' },
} as const satisfies Record<string, FluxFeature>;

export type FeatureName = keyof typeof HELM_CONTROLLER_FEATURES;

/** Compares two `x.y.z` versions (a leading `v` is ignored). */
export function compareVersions(a: string, b: string): number {
  // Stryker disable next-line MethodExpression: equivalent, the loop below reads the first three parts only
  const parts = (v: string) => v.replace(/^v/, '').split(/[.-]/).slice(0, 3).map((p) => Number.parseInt(p, 10));
  const [pa, pb] = [parts(a), parts(b)];
  // Stryker disable next-line EqualityOperator: equivalent, a fourth part is undefined on both sides (0 - 0)
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Which features a helm-controller version honours. */
export type FluxFeatures = Readonly<Record<FeatureName, boolean>> & { readonly kustomizeController: boolean };

export function featuresOf(versions: FluxVersions): FluxFeatures {
  const out = Object.fromEntries(
    Object.entries(HELM_CONTROLLER_FEATURES).map(([name, f]) => [name, compareVersions(versions.helmController, f.since) >= 0]),
  ) as Record<FeatureName, boolean>;
  return { ...out, kustomizeController: versions.kustomizeController !== undefined };
}

/** Every feature of the newest controllers (what a tree written for "any Flux" may use). */
export const ALL_FEATURES: FluxFeatures = { helmReleaseV2: true, chartRef: true, driftDetection: true, watchLabel: true, valuesFromLiteral: true, kustomizeController: true };

/** The label that makes helm-controller (>= 1.4.0) reconcile on a change of a valuesFrom Secret. */
export const WATCH_LABEL = 'reconcile.fluxcd.io/watch';


/**
 * The fields of one document that these controllers would prune or ignore, each as
 * `<field>: needs helm-controller >= <since> (this target runs <version>, which <prunes|ignores> it)`.
 * Reads HelmReleases, Flux Kustomizations and kustomize `generatorOptions` (the labels of generated Secrets).
 */
export function unsupportedFields(doc: unknown, versions: FluxVersions): string[] {
  if (!isMapping(doc)) return [];
  const features = featuresOf(versions);
  const out: string[] = [];
  const say = (name: FeatureName, where: string = HELM_CONTROLLER_FEATURES[name].field) => {
    const f = HELM_CONTROLLER_FEATURES[name];
    out.push(`${where}: needs helm-controller >= ${f.since} (this target runs ${versions.helmController}, which ${f.older === 'pruned' ? 'prunes' : 'ignores'} it)`);
  };
  if (doc.kind === 'HelmRelease' && typeof doc.apiVersion === 'string' && doc.apiVersion.startsWith('helm.toolkit.fluxcd.io/')) {
    if (doc.apiVersion === 'helm.toolkit.fluxcd.io/v2' && !features.helmReleaseV2) say('helmReleaseV2');
    const spec = isMapping(doc.spec) ? doc.spec : {};
    if (spec.chartRef !== undefined && !features.chartRef) say('chartRef');
    if (spec.driftDetection !== undefined && !features.driftDetection) say('driftDetection');
    // Stryker disable next-line ArrayDeclaration: equivalent, an item that is no mapping is skipped below
    const valuesFrom = Array.isArray(spec.valuesFrom) ? spec.valuesFrom : [];
    valuesFrom.forEach((entry, i) => {
      if (isMapping(entry) && entry.literal !== undefined && !features.valuesFromLiteral) say('valuesFromLiteral', `HelmRelease spec.valuesFrom[${i}].literal`);
    });
  }
  if (doc.kind === 'Kustomization' && typeof doc.apiVersion === 'string' && doc.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/') && !features.kustomizeController) {
    out.push(`Kustomization ${String((doc.metadata as Mapping | undefined)?.name ?? '')}: this target runs no kustomize-controller, so nothing reconciles it`);
  }
  // A kustomization.yaml: labels it gives the Secrets it generates.
  const generatorLabels = isMapping(doc.generatorOptions) && isMapping(doc.generatorOptions.labels) ? doc.generatorOptions.labels : {};
  if (WATCH_LABEL in generatorLabels && !features.watchLabel) say('watchLabel', `generatorOptions.labels.${WATCH_LABEL}`);
  return out;
}
