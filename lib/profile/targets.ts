/**
 * The Flux a deployment runs on: the controllers each StarlingX release deploys in namespace
 * `flux-helm` (starlingx/ansible-playbooks roles/common/fluxcd-controllers/vars/main.yml), or the
 * plain-Kubernetes target where the operator installs the newest Flux with `flux bootstrap`.
 * One table; what each version honours is in lib/engine/flux-features.ts.
 */
import { FluxVersions } from '../engine/flux-features';

export interface FluxTarget extends FluxVersions {
  /** Where the controllers run, and whether the platform installs them. */
  readonly platform: 'starlingx' | 'kubernetes';
  /** Namespace of the controllers. */
  readonly namespace: string;
  /** On StarlingX: kustomize-controller is shipped but off until bootstrap enables it. */
  readonly kustomizeControllerOff?: boolean;
}

/** The targets by name. stx.9 (HelmRelease v2beta1) is not supported. */
export const FLUX_TARGETS = {
  'stx.10': { platform: 'starlingx', namespace: 'flux-helm', helmController: '1.0.1', sourceController: '1.3.0' },
  'stx.11': {
    platform: 'starlingx',
    namespace: 'flux-helm',
    helmController: '1.2.0',
    sourceController: '1.5.0',
    kustomizeController: '1.5.1',
    kustomizeControllerOff: true,
  },
  'stx.12': {
    platform: 'starlingx',
    namespace: 'flux-helm',
    helmController: '1.4.5',
    sourceController: '1.7.4',
    kustomizeController: '1.7.3',
    kustomizeControllerOff: true,
  },
  master: {
    platform: 'starlingx',
    namespace: 'flux-helm',
    helmController: '1.5.3',
    sourceController: '1.8.1',
    kustomizeController: '1.8.2',
    kustomizeControllerOff: true,
  },
  /** Plain Kubernetes with the Flux that `flux bootstrap` installs today (Flux 2.8). */
  kubernetes: {
    platform: 'kubernetes',
    namespace: 'flux-system',
    helmController: '1.6.3',
    sourceController: '1.9.1',
    kustomizeController: '1.9.4',
  },
} as const satisfies Record<string, FluxTarget>;

export type FluxTargetName = keyof typeof FLUX_TARGETS;
export const FLUX_TARGET_NAMES = Object.keys(FLUX_TARGETS) as FluxTargetName[];

/** The newest StarlingX release of the table: the default target. */
export const DEFAULT_FLUX_TARGET: FluxTargetName = 'stx.12';

/** The StarlingX bootstrap override that switches kustomize-controller on (stx.11 and later). */
export const ENABLE_KUSTOMIZE_CONTROLLER = 'enable_kustomize_controller: true';

/** The target of a profile's `flux.target`: a name of the table, or explicit versions (plain Kubernetes). */
export function fluxTarget(target: FluxTargetName | FluxVersions): FluxTarget {
  if (typeof target === 'string') return FLUX_TARGETS[target];
  return { platform: 'kubernetes', namespace: 'flux-system', ...target };
}

/** How messages name a target. */
export function targetLabel(target: FluxTargetName | FluxVersions): string {
  if (typeof target === 'string') return target;
  return `helm-controller ${target.helmController}, source-controller ${target.sourceController}${target.kustomizeController ? `, kustomize-controller ${target.kustomizeController}` : ''}`;
}
