import { ApiObject, App, Chart } from 'cdk8s';
import { HelmRepository } from '../../imports/source.toolkit.fluxcd.io';
import { ImageBuild, imageRefs } from '../../overrides/images';
import { CHART_VERSIONS } from '../../releases/chart-versions';
import { ReleaseName } from '../../releases/names';
import { AppMetadata } from '../deployment/app-metadata';
import { CredentialRef } from './credentials';
import { OutputFile } from './files';
import { ReleaseConstruct, ReleaseDefinition } from './release';
import { Values } from './values';

/** The Helm repository a stack installs its charts from. */
export interface HelmRepositorySource {
  /** @default 'starlingx' */
  readonly name?: string;
  /** URL of the repository (the platform's is `http://<oam-floating-ip>:8080/helm_charts/starlingx`). */
  readonly url: string;
  /** @default '1m' */
  readonly interval?: string;
}

/** Props of a {@link FluxStack}. */
export interface FluxStackProps {
  /** Folder of the stack under the output folder. */
  readonly name: string;
  /** Every release the deployment knows, in kustomization order. */
  readonly releases: readonly ReleaseDefinition[];
  /** Names of the releases to emit. @default - every release in `releases` */
  readonly enabled?: ReadonlySet<ReleaseName>;
  /**
   * What to do with a dependsOn edge onto a release that is not emitted: `error` (Flux would wait
   * forever), or `repair` (depend on that release's own dependencies instead, transitively).
   * @default 'error'
   */
  readonly disabledDependency?: 'error' | 'repair';
  /** Image build parameters. */
  readonly imageBuild: ImageBuild;
  /** Chart versions that differ from the project's table. @default - the table */
  readonly chartVersions?: Partial<Record<ReleaseName, string>>;
  readonly helmRepository: HelmRepositorySource;
  /** @default 'openstack' */
  readonly namespace?: string;
  /** System values per release. @default - empty files, for the platform to fill */
  readonly systemValues?: (release: ReleaseDefinition) => Values;
  /** The StarlingX app metadata; `undefined` writes no `metadata.yaml`. @default - none */
  readonly appMetadata?: Omit<AppMetadata, 'disabled_charts'>;
  /**
   * List `base/namespace.yaml` as a resource. StarlingX creates the namespace itself, so its app
   * leaves it out; a plain Flux deployment needs it. @default true
   */
  readonly createNamespace?: boolean;
  /** Labels on the generated override Secrets. @default - none */
  readonly secretLabels?: Readonly<Record<string, string>>;
  /** Where each credential of the system values lives. @default - no credentials allowed */
  readonly credentialSource?: (ref: CredentialRef) => { readonly name: string; readonly key: string };
  /** User values per release. @default - none */
  readonly userValues?: (release: ReleaseDefinition) => Values | undefined;
  /** Lines for the synth summary (why a release is not deployed, ...). @default - none */
  readonly notes?: readonly string[];
  /** See ReleaseConstructProps.labelsField. @default 'commonLabels' */
  readonly labelsField?: 'commonLabels' | 'labels';
}

/** A dependsOn edge that was rewritten because its target is not emitted. */
export interface RepairedEdge {
  readonly release: string;
  readonly removed: string;
  readonly replacedBy: readonly string[];
}

/**
 * One complete Flux tree: top-level kustomization, `base/` (HelmRepository, Namespace), one folder
 * per emitted release, and the app's `metadata.yaml`.
 */
export class FluxStack extends Chart {
  public readonly stackName: string;
  public readonly releases: ReleaseConstruct[] = [];
  public readonly repairedEdges: RepairedEdge[] = [];
  public readonly notes: readonly string[];

  constructor(scope: App, id: string, props: FluxStackProps) {
    super(scope, id, { disableResourceNameHashes: true });
    this.stackName = props.name;
    this.notes = props.notes ?? [];
    const namespace = props.namespace ?? 'openstack';
    const enabled = props.enabled ?? new Set(props.releases.map((r) => r.name));
    const byName = new Map(props.releases.map((r) => [r.name, r]));
    const emitted = props.releases.filter((r) => enabled.has(r.name));
    const images = imageRefs(props.imageBuild);
    const repositoryName = props.helmRepository.name ?? 'starlingx';

    const dependsOn = new Map<string, string[]>();
    for (const release of emitted) {
      dependsOn.set(release.name, this.resolveDependsOn(release, enabled, byName, props.disabledDependency ?? 'error'));
    }
    assertAcyclic(props.name, dependsOn);

    for (const release of emitted) {
      const chartVersion = props.chartVersions?.[release.name] ?? CHART_VERSIONS[release.name];
      this.releases.push(
        new ReleaseConstruct(this, release.name, {
          definition: release,
          chartVersion,
          repositoryName,
          namespace,
          staticValues: release.staticValues(images),
          systemValues: props.systemValues?.(release) ?? {},
          dependsOn: dependsOn.get(release.name),
          secretLabels: props.secretLabels,
          credentialSource: props.credentialSource,
          userValues: props.userValues?.(release),
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
          resources: ['base', ...emitted.map((r) => r.name)],
        },
      ],
    });

    if (props.appMetadata) {
      const { app_name, app_version, maintain_user_overrides, ...rest } = props.appMetadata;
      const metadata: AppMetadata = {
        app_name,
        app_version,
        maintain_user_overrides,
        class: rest.class,
        disabled_charts: emitted.filter((r) => r.enabledByDefault === false).map((r) => r.name).sort(),
        upgrades: rest.upgrades,
        supported_k8s_version: rest.supported_k8s_version,
        behavior: rest.behavior,
        dependent_apps: rest.dependent_apps,
      };
      new OutputFile(this, 'metadata', { path: 'metadata.yaml', documents: [metadata] });
    }
  }

  private resolveDependsOn(
    release: ReleaseDefinition,
    enabled: ReadonlySet<string>,
    byName: ReadonlyMap<string, ReleaseDefinition>,
    policy: 'error' | 'repair',
  ): string[] {
    const out: string[] = [];
    const add = (name: string) => {
      if (!out.includes(name) && name !== release.name) out.push(name);
    };
    for (const target of release.dependsOn) {
      if (!byName.has(target)) {
        throw new Error(`stack "${this.stackName}": release "${release.name}" depends on "${target}", which is not a release of this stack`);
      }
      if (enabled.has(target)) {
        add(target);
        continue;
      }
      if (policy === 'error') {
        throw new Error(
          `stack "${this.stackName}": release "${release.name}" depends on "${target}", which is disabled ` +
            `(enable "${target}", disable "${release.name}", or set disabledDependency: repair)`,
        );
      }
      const replacement = enabledAncestors(target, enabled, byName);
      replacement.forEach(add);
      this.repairedEdges.push({ release: release.name, removed: target, replacedBy: replacement });
    }
    return out;
  }
}

/** The nearest enabled releases that `name` depends on, walking through disabled ones. */
function enabledAncestors(name: string, enabled: ReadonlySet<string>, byName: ReadonlyMap<string, ReleaseDefinition>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    for (const target of byName.get(current)?.dependsOn ?? []) {
      if (enabled.has(target)) {
        if (!out.includes(target)) out.push(target);
      } else {
        visit(target);
      }
    }
  };
  visit(name);
  return out;
}

/** Throws when the dependsOn graph has a cycle, naming it. */
export function assertAcyclic(stack: string, edges: ReadonlyMap<string, readonly string[]>): void {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      const cycle = [...path.slice(path.indexOf(node)), node].join(' -> ');
      throw new Error(`stack "${stack}": dependsOn cycle: ${cycle}`);
    }
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) visit(next);
    path.pop();
    state.set(node, 'done');
  };
  [...edges.keys()].sort().forEach(visit);
}
