import { ApiObject, App, Chart } from 'cdk8s';
import { HelmRepository } from '../../imports/source.toolkit.fluxcd.io';
import { findCycle } from './depends-on';
import { OutputFile, TextFile } from './files';
import { ReleaseConstruct, ReleaseConstructProps } from './release';

/** The Helm repository a stack installs its charts from. */
export interface HelmRepositorySource {
  /** @default 'starlingx' */
  readonly name?: string;
  /** URL of the repository. */
  readonly url: string;
  /** @default '1m' */
  readonly interval?: string;
}

/** One release of a stack: everything its construct needs, already computed. */
export type StackRelease = Omit<ReleaseConstructProps, 'repositoryName' | 'namespace' | 'secretLabels' | 'labelsField'>;

/** Props of a {@link FluxStack}. The construct id is the stack's folder under the output folder. */
export interface FluxStackProps {
  /** The releases to emit, in kustomization order, with their final dependsOn edges. */
  readonly releases: readonly StackRelease[];
  readonly helmRepository: HelmRepositorySource;
  /** @default 'openstack' */
  readonly namespace?: string;
  /** The document of `metadata.yaml` (an application's own metadata). @default - no metadata.yaml */
  readonly metadata?: object;
  /**
   * List `base/namespace.yaml` as a resource. A platform that creates the namespace itself leaves
   * it out; a plain Flux deployment needs it. @default true
   */
  readonly createNamespace?: boolean;
  /** Labels on the generated override Secrets. @default - none */
  readonly secretLabels?: Readonly<Record<string, string>>;
  /** Lines for the synth summary (why a release is not deployed, ...). @default - none */
  readonly notes?: readonly string[];
  /** See ReleaseConstructProps.labelsField. @default 'commonLabels' */
  readonly labelsField?: 'commonLabels' | 'labels';
  /**
   * Plain files to write beside the tree (a README, ...), path relative to the stack folder to
   * text, written verbatim. They are not kustomize resources. @default - none
   */
  readonly extraFiles?: Readonly<Record<string, string>>;
}

/**
 * One complete Flux tree: top-level kustomization, `base/` (HelmRepository, Namespace), one folder
 * per release, and `metadata.yaml` when given.
 */
export class FluxStack extends Chart {
  /** The stack's folder under the output folder (its construct id). */
  public readonly stackName: string;
  public readonly releases: ReleaseConstruct[] = [];
  public readonly notes: readonly string[];

  constructor(scope: App, id: string, props: FluxStackProps) {
    super(scope, id, { disableResourceNameHashes: true });
    this.stackName = id;
    this.notes = props.notes ?? [];
    const namespace = props.namespace ?? 'openstack';
    const repositoryName = props.helmRepository.name ?? 'starlingx';

    const names = new Set<string>();
    for (const release of props.releases) {
      if (names.has(release.facts.name)) throw new Error(`stack "${id}": two releases are named "${release.facts.name}"`);
      names.add(release.facts.name);
    }
    const edges = new Map(props.releases.map((r) => [r.facts.name, r.dependsOn ?? r.facts.dependsOn]));
    for (const [release, targets] of edges) {
      const absent = targets.find((t) => !names.has(t));
      if (absent) throw new Error(`stack "${id}": release "${release}" depends on "${absent}", which is not a release of this stack`);
    }
    const cycle = findCycle(edges);
    if (cycle) throw new Error(`stack "${id}": dependsOn cycle: ${cycle}`);

    for (const release of props.releases) {
      this.releases.push(
        new ReleaseConstruct(this, release.facts.name, {
          ...release,
          repositoryName,
          namespace,
          secretLabels: props.secretLabels,
          labelsField: props.labelsField,
        }),
      );
    }

    const base = new OutputFile(this, 'base-helmrepository', { path: 'base/helmrepository.yaml' });
    new HelmRepository(base, 'repository', {
      metadata: { name: repositoryName },
      spec: { url: props.helmRepository.url, interval: props.helmRepository.interval ?? '1m' },
    });
    const ns = new OutputFile(this, 'base-namespace', { path: 'base/namespace.yaml' });
    new ApiObject(ns, 'namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    const createNamespace = props.createNamespace ?? true;
    new OutputFile(this, 'base-kustomization', {
      path: 'base/kustomization.yaml',
      documents: [{ resources: createNamespace ? ['namespace.yaml', 'helmrepository.yaml'] : ['helmrepository.yaml'] }],
    });

    new OutputFile(this, 'kustomization', {
      path: 'kustomization.yaml',
      documents: [
        {
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          namespace,
          resources: ['base', ...props.releases.map((r) => r.facts.name)],
        },
      ],
    });

    if (props.metadata) new OutputFile(this, 'metadata', { path: 'metadata.yaml', documents: [props.metadata] });
    for (const [file, text] of Object.entries(props.extraFiles ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      new TextFile(this, `extra-${file}`, { path: file, text });
    }
  }
}
