/**
 * What a release of stx-openstack is: its Flux facts, its values and its rules, in one place
 * (`releases/<name>/`). {@link defineRelease} fills in what most releases share, so a definition
 * states only what is particular to it. The rules each release implements are explained in
 * docs/system-values.md; `spec §N` in the releases' comments cites its sections.
 */
import { HelmActionFlags, HelmReleaseFacts } from '../lib/engine/release';
import { Values } from '../lib/engine/values';
import { DeploymentContext, ProfileFacts } from '../lib/profile/context';
import { StorageChart, storageSelection } from '../lib/profile/storage';
import type { ImageRefs } from '../overrides/images';
import { ReleaseName } from './names';

/** Whether a release is deployed, and why not when it is not. */
export interface Enablement {
  readonly on: boolean;
  /** Why the release is off although it was asked for (shown in the synth summary). */
  readonly reason?: string;
}

/** One problem found in a release's computed values: the profile field to change and what is wrong. */
export interface ReleaseProblem {
  readonly field: string;
  readonly message: string;
}

export interface ReleaseDefinition extends HelmReleaseFacts {
  readonly name: ReleaseName;
  /**
   * The chart version of a release that no app build table lists (one added beside the project's).
   * The project's releases take theirs from releases/chart-versions.ts, by app build.
   * @default - the app build's version
   */
  readonly chartVersion?: string;
  readonly dependsOn: readonly ReleaseName[];
  /** Enabled unless the deployment says otherwise (the app's `disabled_charts`). @default true */
  readonly enabledByDefault?: boolean;
  /** Static values: the StarlingX settings over the chart defaults, for one image build. */
  readonly staticValues: (images: ImageRefs) => Values;
  /**
   * System values: what StarlingX's plugin computes from the platform at apply time, here from the
   * deployment profile at synth time. Credentials appear as CredentialRef leaves.
   * @default - no system values (an empty file)
   */
  readonly systemValues?: (ctx: DeploymentContext) => Values;
  /**
   * The platform's rule for this release (spec §4.1), given whether the app defaults and the
   * profile ask for it. @default - deployed exactly when asked for
   */
  readonly enabled?: (facts: ProfileFacts, requested: boolean) => Enablement;
  /**
   * Checks of the computed system values that a deployment must pass (e.g. every PVC resolves a
   * StorageClass). Run only on a profile that passed the general rules. @default - none
   */
  readonly checks?: (ctx: DeploymentContext, values: Values) => readonly ReleaseProblem[];
}

/** What a definition must state; the rest has defaults. */
export type ReleaseSpec = Omit<ReleaseDefinition, 'chart' | 'releaseName' | 'chartGroup' | 'dependsOn' | 'install' | 'upgrade'> & {
  /** @default - the release name */
  readonly chart?: string;
  /** @default `osh-openstack-<name>` */
  readonly releaseName?: string;
  /** @default `openstack-<name>` */
  readonly chartGroup?: string;
  /** @default - none */
  readonly dependsOn?: readonly ReleaseName[];
  /** `null` leaves `spec.install` out of the HelmRelease. @default {} */
  readonly install?: HelmActionFlags | null;
  /** @default {} */
  readonly upgrade?: HelmActionFlags;
};

/** A release definition with the defaults most releases share. */
export function defineRelease(spec: ReleaseSpec): ReleaseDefinition {
  const { install, ...rest } = spec;
  return {
    ...rest,
    chart: spec.chart ?? spec.name,
    releaseName: spec.releaseName ?? `osh-openstack-${spec.name}`,
    chartGroup: spec.chartGroup ?? `openstack-${spec.name}`,
    dependsOn: spec.dependsOn ?? [],
    install: install === null ? undefined : (install ?? {}),
    upgrade: spec.upgrade ?? {},
  };
}

/** Helm flags of the releases that StarlingX installs and upgrades without waiting for readiness. */
export const NO_WAIT = { install: { disableWait: true }, upgrade: { disableWait: true } } as const;

/** True on a distributed-cloud system controller (where the app itself is refused, spec §1.3-1). */
export function isSystemController({ profile }: ProfileFacts): boolean {
  return profile.system.distributedCloudRole === 'systemcontroller';
}

/** The rule of the releases that serve a distributed cloud's central cloud only (spec §6-7). */
export function onlyOnSystemController(facts: ProfileFacts, requested: boolean): Enablement {
  if (requested && !isSystemController(facts)) return { on: false, reason: 'runs only on a distributed-cloud system controller' };
  return { on: requested };
}

/** Releases that need two control-plane hosts (ironic, garbd). */
export const TWO_CONTROL_PLANE_HOSTS = 'needs at least 2 hosts labelled openstack-control-plane';

/**
 * The check of a release whose PVC takes its StorageClass from the storage selection (spec §1.3-5):
 * the class at `path` of the system values must resolve. With `always`, the release always creates
 * the PVC; otherwise only when its values name one.
 */
export function storageClassCheck(
  chart: StorageChart,
  path: readonly string[],
  field: string,
  always: boolean,
): NonNullable<ReleaseDefinition['checks']> {
  return (ctx, values) => {
    let node: unknown = values;
    for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    const createsPvc = always || node !== undefined;
    if (!createsPvc || (node !== null && node !== '' && node !== undefined)) return [];
    const priority = JSON.stringify(storageSelection(ctx, chart).priority);
    return [{ field, message: `no StorageClass resolves for the ${chart} volume (priority ${priority}; expected an available backend)` }];
  };
}
