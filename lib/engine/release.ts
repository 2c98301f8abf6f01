import { Construct } from 'constructs';
import {
  HelmRelease,
  HelmReleaseSpecChartSpecSourceRefKind,
  HelmReleaseSpecDriftDetection,
  HelmReleaseSpecInstallRemediation,
  HelmReleaseSpecUpgradeRemediation,
  HelmReleaseSpecValuesFromKind,
} from '../../imports/helm.toolkit.fluxcd.io';
import { YamlFile } from './files';
import { Values } from './values';
import { CredentialLeaf, CredentialRef, credentialValuesKey, splitCredentials } from './credentials';
import { ALL_FEATURES, FluxFeatures } from './flux-features';

/** Flags of a Helm action (install or upgrade) as StarlingX sets them. */
export interface HelmActionFlags {
  /** @default false */
  readonly disableHooks?: boolean;
  /** @default - not set (Flux waits for resources) */
  readonly disableWait?: boolean;
}

/**
 * The Flux facts of one Helm release: chart, names, ordering and Helm flags. Pure data; what the
 * values are is decided above the engine and given to the construct already computed.
 */
export interface HelmReleaseFacts {
  /** HelmRelease name and folder name. */
  readonly name: string;
  /** Chart name in the Helm repository. */
  readonly chart: string;
  /** Helm release name. */
  readonly releaseName: string;
  /** The `chart_group` label. */
  readonly chartGroup: string;
  /** Releases that must be ready first (Flux `dependsOn`, same namespace). */
  readonly dependsOn: readonly string[];
  /** Reconcile interval. @default '1m' */
  readonly interval?: string;
  /** How often Flux checks the chart source for a new chart version. @default - Flux's default */
  readonly chartInterval?: string;
  /** Timeout of each Helm action. @default '30m' */
  readonly timeout?: string;
  /** Install flags; `undefined` leaves `spec.install` out. */
  readonly install?: HelmActionFlags;
  /** Upgrade flags. */
  readonly upgrade: HelmActionFlags;
  /** Run `helm test` after install or upgrade. @default false */
  readonly testEnable?: boolean;
  /** Prefix of the override files and Secrets. @default - the release name */
  readonly overridesName?: string;
  /** Labels that kustomize adds to every object of the release. @default - none */
  readonly commonLabels?: Readonly<Record<string, string>>;
}

/**
 * How Flux runs a release, over the facts: reconcile interval, action timeout, remediation of a
 * failed install or upgrade, drift detection, `helm test`. Typed from the HelmRelease CRD.
 */
export interface HelmReleaseSettings {
  readonly interval?: string;
  readonly timeout?: string;
  readonly install?: { readonly remediation?: HelmReleaseSpecInstallRemediation };
  readonly upgrade?: { readonly remediation?: HelmReleaseSpecUpgradeRemediation };
  readonly driftDetection?: HelmReleaseSpecDriftDetection;
  readonly test?: { readonly enable: boolean };
}

/** The Secret and data key that hold one credential. */
export interface SecretKeyRef {
  readonly name: string;
  readonly key: string;
  /**
   * The Secret also holds each release's values document of its credentials (key
   * `credentialValuesKey(release)`), which the release reads instead of `key` with a targetPath.
   * @default false
   */
  readonly inValuesDocument?: boolean;
}

/** Props of a {@link ReleaseConstruct}. */
export interface ReleaseConstructProps {
  readonly facts: HelmReleaseFacts;
  /** Chart version to install (from the chart version table). */
  readonly chartVersion: string;
  /** Name of the HelmRepository the chart comes from. */
  readonly repositoryName: string;
  /** Namespace of the release and of its `dependsOn` targets. */
  readonly namespace: string;
  /** Static values (already computed for the stack's image build). */
  readonly staticValues: Values;
  /**
   * System values; an empty mapping writes an empty file for the platform to fill. Credential
   * leaves become `valuesFrom` entries with `targetPath` (see `credentialSource`). @default {}
   */
  readonly systemValues?: Values;
  /**
   * Where each credential lives, by credential id: the Secret (created out of band, never from a
   * file in the tree) and its data key. Required for every credential the system values hold.
   * @default - credentials are refused
   */
  readonly credentialSources?: ReadonlyMap<string, SecretKeyRef>;
  /** User values, merged over everything else (`<prefix>-user-overrides.yaml`). @default - none */
  readonly userValues?: Values;
  /**
   * How the kustomization adds the release's common labels: `commonLabels` as StarlingX writes it,
   * or kustomize v5's `labels` (commonLabels is deprecated there). @default 'commonLabels'
   */
  readonly labelsField?: 'commonLabels' | 'labels';
  /**
   * The `dependsOn` edges to emit (after the stack removed or repaired disabled targets).
   * @default - the definition's dependsOn
   */
  readonly dependsOn?: readonly string[];
  /**
   * Labels for the generated override Secrets (`generatorOptions.labels`), e.g.
   * `reconcile.fluxcd.io/watch: Enabled` so that a values change triggers an upgrade.
   * @default - none
   */
  readonly secretLabels?: Readonly<Record<string, string>>;
  /** Flux's handling of the release, over the facts. @default - the facts alone */
  readonly settings?: HelmReleaseSettings;
  /** What the target's controllers honour; what they would prune is not emitted. @default ALL_FEATURES */
  readonly features?: FluxFeatures;
  /**
   * `content-hash`: the generated Secrets get kustomize's content-hash name suffix, and the
   * HelmRelease's valuesFrom follows it (a `kustomizeconfig.yaml` nameReference), so a values
   * change changes the HelmRelease and upgrades the release without the watch label.
   * @default 'fixed'
   */
  readonly secretNames?: 'fixed' | 'content-hash';
}

/** kustomize's nameReference for HelmRelease valuesFrom: a hashed generated Secret's name is followed there. */
export const VALUES_FROM_NAME_REFERENCE = {
  nameReference: [
    { kind: 'Secret', version: 'v1', fieldSpecs: [{ path: 'spec/valuesFrom/name', kind: 'HelmRelease' }] },
    { kind: 'ConfigMap', version: 'v1', fieldSpecs: [{ path: 'spec/valuesFrom/name', kind: 'HelmRelease' }] },
  ],
};

/** Kubernetes refuses a Secret whose data exceeds 1 MiB. */
export const MAX_SECRET_BYTES = 1024 * 1024;

/**
 * The Secret that kustomize generates from an override file holds the file's bytes; over the
 * Kubernetes limit the apply fails on the cluster, so the synth fails first, naming the release and
 * (for user values) the largest top-level keys. `text`: the file's text, at `file` of the stack.
 */
export function checkSecretSize(release: string, file: string, text: string, userValues: Values | undefined): void {
  const bytes = Buffer.byteLength(text);
  if (bytes <= MAX_SECRET_BYTES) return;
  let largest = '';
  if (userValues) {
    const sizes = Object.entries(userValues).map(([key, value]) => [key, Buffer.byteLength(JSON.stringify(value) ?? '')] as const);
    largest = `; largest user values: ${sizes
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, n]) => `${k} (about ${n} bytes)`)
      .join(', ')}`;
  }
  throw new Error(
    `release "${release}": ${file} is ${bytes} bytes, over the 1 MiB (${MAX_SECRET_BYTES} bytes) a Kubernetes Secret may hold${largest}`,
  );
}

/** One values file of a release folder: static, system or user. */
export interface ReleaseValuesFile {
  readonly id: 'static' | 'system' | 'user';
  /** Path relative to the stack folder. */
  readonly path: string;
  readonly documents: readonly unknown[];
}

/**
 * The values files of a release folder: static, system (`plainSystemValues`, the system values
 * with their credentials split off; none gives an empty file) and user values when given.
 */
export function releaseValuesFiles(
  props: Pick<ReleaseConstructProps, 'facts' | 'staticValues' | 'userValues'>,
  plainSystemValues: unknown,
): ReleaseValuesFile[] {
  const files = overrideFiles(props.facts);
  const dir = props.facts.name;
  const out: ReleaseValuesFile[] = [
    { id: 'static', path: `${dir}/${files.static}.yaml`, documents: [props.staticValues] },
    {
      id: 'system',
      path: `${dir}/${files.system}.yaml`,
      documents: Object.keys(plainSystemValues as object).length > 0 ? [plainSystemValues] : [],
    },
  ];
  if (props.userValues) out.push({ id: 'user', path: `${dir}/${files.user}.yaml`, documents: [props.userValues] });
  return out;
}

/**
 * The props that decide a release folder's files but its values files, within one stack (what the
 * stack sets for all its releases aside).
 */
export type ReleaseFrame = Pick<
  ReleaseConstructProps,
  'facts' | 'chartVersion' | 'dependsOn' | 'settings' | 'userValues' | 'credentialSources'
>;

/**
 * True when two releases of one stack-wide setting have equal HelmRelease, kustomization and
 * static values files: the same facts and static values objects, and equal chart version,
 * dependsOn, settings, presence of user values and credentials (`credentials`: the leaves
 * {@link splitCredentials} found in each one's system values, each at the same path from an equal
 * Secret and key). A fleet composes such a subcloud's release from its values files alone. False
 * when a credential has no source (the construct says why).
 */
export function sameReleaseFrame(
  a: ReleaseFrame & { readonly staticValues: Values },
  aCredentials: readonly CredentialLeaf[],
  b: ReleaseFrame & { readonly staticValues: Values },
  bCredentials: readonly CredentialLeaf[],
): boolean {
  if (
    a.facts !== b.facts ||
    a.staticValues !== b.staticValues ||
    a.chartVersion !== b.chartVersion ||
    (a.userValues === undefined) !== (b.userValues === undefined)
  )
    return false;
  const aDepends = a.dependsOn ?? a.facts.dependsOn;
  const bDepends = b.dependsOn ?? b.facts.dependsOn;
  if (aDepends.length !== bDepends.length || aDepends.some((d, i) => d !== bDepends[i])) return false;
  if (a.settings !== b.settings && JSON.stringify(a.settings ?? {}) !== JSON.stringify(b.settings ?? {})) return false;
  if (aCredentials.length !== bCredentials.length) return false;
  return aCredentials.every((leaf, i) => {
    const other = bCredentials[i];
    const source = a.credentialSources?.get(leaf.ref.id);
    const otherSource = b.credentialSources?.get(other.ref.id);
    return (
      leaf.targetPath === other.targetPath &&
      !!source &&
      !!otherSource &&
      source.name === otherSource.name &&
      source.key === otherSource.key &&
      !!source.inValuesDocument === !!otherSource.inValuesDocument
    );
  });
}

/** HelmRelease annotation naming the Secrets created out of band (credentials, TLS material). */
export const EXTERNAL_SECRETS_ANNOTATION = 'stx-openstack-gitops.io/external-secrets';

/** The file names and Secret names of a release's override files. */
export function overrideFiles(definition: HelmReleaseFacts): { static: string; system: string; user: string } {
  const prefix = definition.overridesName ?? definition.name;
  return { static: `${prefix}-static-overrides`, system: `${prefix}-system-overrides`, user: `${prefix}-user-overrides` };
}

/**
 * One release folder: `helmrelease.yaml`, the static and system override files, and the
 * `kustomization.yaml` whose secretGenerator turns them into the Secrets that valuesFrom reads.
 */
export class ReleaseConstruct extends Construct {
  public readonly facts: HelmReleaseFacts;
  public readonly helmRelease: HelmRelease;

  constructor(scope: Construct, id: string, props: ReleaseConstructProps) {
    super(scope, id);
    const def = props.facts;
    this.facts = def;
    const files = overrideFiles(def);
    const dir = def.name;
    const dependsOn = props.dependsOn ?? def.dependsOn;
    const settings = props.settings ?? {};
    const features = props.features ?? ALL_FEATURES;
    const { plain: systemValues, leaves: credentials } = splitCredentials(props.systemValues ?? {});
    const sourceOf = (ref: CredentialRef): SecretKeyRef => {
      const source = props.credentialSources?.get(ref.id);
      if (!source) throw new Error(`release "${def.name}": system values hold the credential "${ref.id}" but no Secret is given for it`);
      return source;
    };
    const generated = props.userValues ? [files.static, files.system, files.user] : [files.static, files.system];

    const credentialSecrets = [...new Set(credentials.map(({ ref }) => sourceOf(ref).name))].sort();
    const manifest = new YamlFile(this, 'helmrelease', { path: `${dir}/helmrelease.yaml` });
    this.helmRelease = new HelmRelease(manifest, 'release', {
      metadata: {
        name: def.name,
        labels: { chart_group: def.chartGroup },
        // Declares the Secrets that valuesFrom reads but the tree does not generate (validate checks the rest).
        ...(credentialSecrets.length > 0 ? { annotations: { [EXTERNAL_SECRETS_ANNOTATION]: credentialSecrets.join(',') } } : {}),
      },
      spec: {
        releaseName: def.releaseName,
        chart: {
          spec: {
            chart: def.chart,
            version: props.chartVersion,
            sourceRef: { kind: HelmReleaseSpecChartSpecSourceRefKind.HELM_REPOSITORY, name: props.repositoryName },
            interval: def.chartInterval,
          },
        },
        interval: settings.interval ?? def.interval ?? '1m',
        timeout: settings.timeout ?? def.timeout ?? '30m',
        test: { enable: settings.test?.enable ?? def.testEnable ?? false },
        install:
          def.install || settings.install
            ? {
                ...def.install,
                disableHooks: def.install?.disableHooks ?? false,
                ...(settings.install?.remediation ? { remediation: settings.install.remediation } : {}),
              }
            : undefined,
        upgrade: {
          ...def.upgrade,
          disableHooks: def.upgrade.disableHooks ?? false,
          ...(settings.upgrade?.remediation ? { remediation: settings.upgrade.remediation } : {}),
        },
        driftDetection: features.driftDetection ? settings.driftDetection : undefined,
        dependsOn: dependsOn.length > 0 ? dependsOn.map((name) => ({ name, namespace: props.namespace })) : undefined,
        valuesFrom: [
          ...[files.static, files.system].map((name) => ({ kind: HelmReleaseSpecValuesFromKind.SECRET, name, valuesKey: `${name}.yaml` })),
          // Credentials in a values document: one entry per Secret, merged as a map (no strvals).
          ...[...new Set(credentials.filter(({ ref }) => sourceOf(ref).inValuesDocument).map(({ ref }) => sourceOf(ref).name))]
            .sort()
            .map((name) => ({ kind: HelmReleaseSpecValuesFromKind.SECRET, name, valuesKey: credentialValuesKey(def.name) })),
          // The others are set at their path; as a literal string where the controller honours it.
          ...credentials
            .filter(({ ref }) => !sourceOf(ref).inValuesDocument)
            .map(({ ref, targetPath }) => {
              const source = sourceOf(ref);
              return {
                kind: HelmReleaseSpecValuesFromKind.SECRET,
                name: source.name,
                valuesKey: source.key,
                targetPath,
                ...(features.valuesFromLiteral ? { literal: true } : {}),
              };
            }),
          ...(props.userValues ? [{ kind: HelmReleaseSpecValuesFromKind.SECRET, name: files.user, valuesKey: `${files.user}.yaml` }] : []),
        ],
      },
    });

    for (const { id, path, documents } of releaseValuesFiles(props, systemValues)) {
      const file = new YamlFile(this, id, { path, documents });
      checkSecretSize(def.name, path, file.render(), id === 'user' ? props.userValues : undefined);
    }

    const kustomization: Record<string, unknown> = { namespace: props.namespace };
    if (def.commonLabels && (props.labelsField ?? 'commonLabels') === 'commonLabels') kustomization.commonLabels = { ...def.commonLabels };
    if (def.commonLabels && props.labelsField === 'labels')
      kustomization.labels = [{ pairs: { ...def.commonLabels }, includeSelectors: true }];
    kustomization.resources = ['helmrelease.yaml'];
    kustomization.secretGenerator = generated.map((name) => ({ name, files: [`${name}.yaml`] }));
    const hashed = props.secretNames === 'content-hash';
    kustomization.generatorOptions = {
      ...(hashed ? {} : { disableNameSuffixHash: true }),
      ...(props.secretLabels ? { labels: { ...props.secretLabels } } : {}),
    };
    if (hashed) {
      kustomization.configurations = ['kustomizeconfig.yaml'];
      new YamlFile(this, 'kustomizeconfig', { path: `${dir}/kustomizeconfig.yaml`, documents: [VALUES_FROM_NAME_REFERENCE] });
    }
    new YamlFile(this, 'kustomization', { path: `${dir}/kustomization.yaml`, documents: [kustomization] });
  }
}
