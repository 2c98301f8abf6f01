import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { HelmRepository, HelmRepositorySpecType } from '../../imports/source.toolkit.fluxcd.io';
import { findCycle } from './depends-on';
import { TextFile, YamlFile } from './files';
import { ReleaseConstruct, ReleaseConstructProps } from './release';
import { FluxFeatures } from './flux-features';
import { markOutputTree, OutputTree } from './output-tree';

/** The Helm repository a stack installs its charts from. */
export interface HelmRepositorySource {
  /** Name of the HelmRepository object the releases' charts point at. */
  readonly name: string;
  /** URL of the repository (`oci://...` for an OCI registry). */
  readonly url: string;
  /** @default '1m' */
  readonly interval?: string;
  /** `oci` for an OCI registry. @default - an HTTP chart repository */
  readonly type?: 'oci';
  /** Secret (created out of band) with the repository's login. @default - none */
  readonly secretName?: string;
}

/** Where the Namespace manifest goes. */
export type NamespaceManifest =
  /** `base/namespace.yaml`, listed in base/ (a plain `kubectl apply -k` creates it). */
  | 'base'
  /** `base/namespace.yaml`, not listed: the platform creates the namespace. */
  | 'unlisted'
  /** `namespace/`, a kustomization of its own, for a Flux Kustomization that owns the namespace apart. */
  | 'folder';

/** One release of a stack: everything its construct needs, already computed. */
export type StackRelease = Omit<
  ReleaseConstructProps,
  'repositoryName' | 'namespace' | 'secretLabels' | 'labelsField' | 'features' | 'secretNames'
>;

/** Props of a {@link FluxStack}. The construct id is the stack's folder under the output folder. */
export interface FluxStackProps {
  /** The releases to emit, in kustomization order, with their final dependsOn edges. */
  readonly releases: readonly StackRelease[];
  readonly helmRepository: HelmRepositorySource;
  /** Namespace of the releases (and of the Namespace manifest). */
  readonly namespace: string;
  /** The document of `metadata.yaml` (an application's own metadata). @default - no metadata.yaml */
  readonly metadata?: object;
  /** Where the Namespace manifest goes. @default 'base' */
  readonly namespaceManifest?: NamespaceManifest;
  /** Annotations of the Namespace (e.g. Flux's prune protection). @default - none */
  readonly namespaceAnnotations?: Readonly<Record<string, string>>;
  /** Labels on the generated override Secrets. @default - none */
  readonly secretLabels?: Readonly<Record<string, string>>;
  /** Lines for the synth summary (why a release is not deployed, ...). @default - none */
  readonly notes?: readonly string[];
  /** What the target's controllers honour (see ReleaseConstructProps.features). @default ALL_FEATURES */
  readonly features?: FluxFeatures;
  /** See ReleaseConstructProps.secretNames. @default 'fixed' */
  readonly secretNames?: 'fixed' | 'content-hash';
  /** See ReleaseConstructProps.labelsField. @default 'commonLabels' */
  readonly labelsField?: 'commonLabels' | 'labels';
  /**
   * Plain files to write beside the tree (a README, ...), path relative to the stack folder to
   * text (or a function of it, called only when the file is rendered), written verbatim. They
   * are not kustomize resources. @default - none
   */
  readonly extraFiles?: Readonly<Record<string, string | (() => string)>>;
}

/** The releases of a stack can be emitted: names unique, every dependsOn target a release of the stack, no cycle. */
export function checkStackReleases(id: string, releases: readonly StackRelease[]): void {
  const names = new Set<string>();
  for (const release of releases) {
    if (names.has(release.facts.name)) throw new Error(`stack "${id}": two releases are named "${release.facts.name}"`);
    names.add(release.facts.name);
  }
  const edges = new Map(releases.map((r) => [r.facts.name, r.dependsOn ?? r.facts.dependsOn]));
  for (const [release, targets] of edges) {
    const absent = targets.find((t) => !names.has(t));
    if (absent) throw new Error(`stack "${id}": release "${release}" depends on "${absent}", which is not a release of this stack`);
  }
  const cycle = findCycle(edges);
  if (cycle) throw new Error(`stack "${id}": dependsOn cycle: ${cycle}`);
}

/** The props of one release's construct in a stack: the release's own, and what the stack sets for all. */
export function releaseConstructProps(props: FluxStackProps, release: StackRelease): ReleaseConstructProps {
  return {
    ...release,
    repositoryName: props.helmRepository.name,
    namespace: props.namespace,
    secretLabels: props.secretLabels,
    labelsField: props.labelsField,
    features: props.features,
    secretNames: props.secretNames,
  };
}

/** The stack's top-level kustomization: base/, then each release folder in order. */
export function stackKustomization(props: FluxStackProps): object {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: props.namespace,
    resources: ['base', ...props.releases.map((r) => r.facts.name)],
  };
}

/**
 * One complete Flux tree: top-level kustomization, `base/` (HelmRepository, Namespace), one folder
 * per release, and `metadata.yaml` when given.
 */
export class FluxStack extends Chart implements OutputTree {
  /** The stack's folder under the output folder (its construct id). */
  public readonly stackName: string;
  public readonly releases: ReleaseConstruct[] = [];
  public readonly notes: readonly string[];

  public get releaseCount(): number {
    return this.releases.length;
  }

  constructor(scope: Construct, id: string, props: FluxStackProps) {
    super(scope, id, { disableResourceNameHashes: true });
    markOutputTree(this);
    this.stackName = id;
    this.notes = props.notes ?? [];
    const namespace = props.namespace;
    const repositoryName = props.helmRepository.name;

    checkStackReleases(id, props.releases);
    for (const release of props.releases)
      this.releases.push(new ReleaseConstruct(this, release.facts.name, releaseConstructProps(props, release)));

    const repo = props.helmRepository;
    const base = new YamlFile(this, 'base-helmrepository', { path: 'base/helmrepository.yaml' });
    new HelmRepository(base, 'repository', {
      metadata: { name: repositoryName },
      spec: {
        ...(repo.type === 'oci' ? { type: HelmRepositorySpecType.OCI } : {}),
        url: repo.url,
        interval: repo.interval ?? '1m',
        ...(repo.secretName ? { secretRef: { name: repo.secretName } } : {}),
      },
    });
    const placement = props.namespaceManifest ?? 'base';
    const nsFile = new YamlFile(this, 'base-namespace', {
      path: placement === 'folder' ? 'namespace/namespace.yaml' : 'base/namespace.yaml',
    });
    const annotations =
      props.namespaceAnnotations && Object.keys(props.namespaceAnnotations).length > 0
        ? { annotations: { ...props.namespaceAnnotations } }
        : {};
    new ApiObject(nsFile, 'namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, ...annotations } });
    if (placement === 'folder')
      new YamlFile(this, 'namespace-kustomization', {
        path: 'namespace/kustomization.yaml',
        documents: [{ resources: ['namespace.yaml'] }],
      });
    new YamlFile(this, 'base-kustomization', {
      path: 'base/kustomization.yaml',
      documents: [{ resources: placement === 'base' ? ['namespace.yaml', 'helmrepository.yaml'] : ['helmrepository.yaml'] }],
    });

    new YamlFile(this, 'kustomization', { path: 'kustomization.yaml', documents: [stackKustomization(props)] });

    if (props.metadata) new YamlFile(this, 'metadata', { path: 'metadata.yaml', documents: [props.metadata] });
    for (const [file, text] of Object.entries(props.extraFiles ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      new TextFile(this, `extra-${file}`, { path: file, text });
    }
  }
}
