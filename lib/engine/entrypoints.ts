/**
 * Flux entry points of one cluster: the Flux `Kustomization`s that a cluster bootstrapped by
 * `flux bootstrap` applies from its path, in the layout of flux2-kustomize-helm-example (one
 * file per Kustomization, no kustomization.yaml: kustomize-controller builds the folder itself,
 * together with bootstrap's own `flux-system/`).
 */
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Kustomization,
  KustomizationSpecDecryptionProvider,
  KustomizationSpecSourceRefKind,
} from '../../imports/kustomize.toolkit.fluxcd.io';
import { YamlFile } from './files';
import { markOutputTree, OutputTree } from './output-tree';

/** One Flux Kustomization of a cluster. */
export interface EntrypointKustomization {
  readonly name: string;
  /** Path in the git repository (`./dist/aio-sx`). */
  readonly path: string;
  readonly dependsOn?: readonly string[];
  readonly prune: boolean;
  /** Wait for every object it applies to be ready. @default false */
  readonly wait?: boolean;
  readonly interval: string;
  readonly timeout?: string;
  /** Decrypt SOPS-encrypted manifests with the key in this Secret. @default - no decryption */
  readonly sopsSecret?: string;
}

/** Props of {@link FluxEntrypoints}. The construct id is the output folder (`clusters/aio-sx`). */
export interface FluxEntrypointsProps {
  readonly kustomizations: readonly EntrypointKustomization[];
  /** The GitRepository they read. */
  readonly gitRepository: { readonly name: string; readonly namespace: string };
  /** Namespace of the Kustomization objects. @default 'flux-system' */
  readonly namespace?: string;
}

export class FluxEntrypoints extends Chart implements OutputTree {
  /** The folder under the output folder (the construct id). */
  public readonly stackName: string;
  public readonly notes: readonly string[] = [];
  /** Entry points hold Flux Kustomizations, no HelmRelease. */
  public readonly releaseCount = 0;

  constructor(scope: Construct, id: string, props: FluxEntrypointsProps) {
    super(scope, id, { disableResourceNameHashes: true });
    markOutputTree(this);
    this.stackName = id;
    const namespace = props.namespace ?? 'flux-system';
    const names = new Set(props.kustomizations.map((k) => k.name));
    for (const k of props.kustomizations) {
      const absent = (k.dependsOn ?? []).find((d) => !names.has(d));
      if (absent) throw new Error(`${id}: Kustomization "${k.name}" depends on "${absent}", which is not one of this cluster's`);
      const file = new YamlFile(this, k.name, { path: `${k.name}.yaml` });
      new Kustomization(file, 'kustomization', {
        metadata: { name: k.name, namespace },
        spec: {
          interval: k.interval,
          path: k.path,
          prune: k.prune,
          sourceRef: {
            kind: KustomizationSpecSourceRefKind.GIT_REPOSITORY,
            name: props.gitRepository.name,
            namespace: props.gitRepository.namespace,
          },
          ...(k.dependsOn && k.dependsOn.length > 0 ? { dependsOn: k.dependsOn.map((name) => ({ name })) } : {}),
          ...(k.wait ? { wait: true } : {}),
          ...(k.timeout ? { timeout: k.timeout } : {}),
          ...(k.sopsSecret
            ? { decryption: { provider: KustomizationSpecDecryptionProvider.SOPS, secretRef: { name: k.sopsSecret } } }
            : {}),
        },
      });
    }
  }
}
