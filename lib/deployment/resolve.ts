/**
 * One resolved deployment: a validated profile in, everything the stack, the checks and the
 * credentials command need out, computed once (derived facts, enablement, context, image
 * references, every emitted release's values, the dependsOn edges, the credentials it reads).
 */
import { userValueProblems } from './user-values';
import { POLICY_SETS } from '../../policies';
import { ALL_RELEASES } from '../../releases';
import { buildChartVersion } from '../../releases/chart-versions';
import { ReleaseDefinition } from '../../releases/define';
import { ReleaseName } from '../../releases/names';
import { ImageRefs, imageRefs } from '../../overrides/images';
import { CredentialRef, splitCredentials } from '../engine/credentials';
import { resolveDependsOn, RepairedEdge } from '../engine/depends-on';
import { HelmReleaseSettings, SecretKeyRef } from '../engine/release';
import { HelmReleaseSpecDriftDetectionMode, HelmReleaseSpecUpgradeRemediationStrategy } from '../../imports/helm.toolkit.fluxcd.io';
import { isValues, mergeValues, Values } from '../engine/values';
import { urlHost } from '../profile/addresses';
import { DeploymentContext } from '../profile/context';
import { derive } from '../profile/derived';
import { LoadedProfile, profileError } from '../profile/loader';
import { DeploymentProfile } from '../profile/profile';
import { checkCredentialOverrides, checkProfileRules, missingDependencyProblem } from './checks';
import { enabledReleases } from './enablement';

/** One emitted release with its values computed. */
export interface ResolvedRelease {
  readonly definition: ReleaseDefinition;
  readonly chartVersion: string;
  readonly staticValues: Values;
  /** The release's system values with the profile's policy sets merged over them. */
  readonly systemValues: Values;
  readonly userValues?: Values;
  /** The dependsOn edges to emit (after repair). */
  readonly dependsOn: readonly string[];
  /** How Flux runs it: the generator defaults, the profile's defaults, then its own settings. */
  readonly settings: HelmReleaseSettings;
}

/**
 * Reconcile intervals of a deployment stack, for a simplex controller (AIO-SX gives the platform,
 * Flux included, 2 cores). A change from git reaches a HelmRelease at once whatever its interval
 * (a new generation is reconciled immediately), so the interval only bounds how soon drift is
 * reported, a failed release retried and (on controllers without the watch label) an out-of-band
 * Secret change seen. Each HelmRelease reconcile renders the chart and, with drift detection,
 * dry-runs every object it made: 24 releases every minute is a steady load; every 15 minutes is
 * under 2 a minute. The platform's Helm repository changes only when charts are uploaded and
 * versions are pinned, so its index is read every 30 minutes. The platform stack keeps the
 * reference's intervals.
 */
export const DEPLOYMENT_INTERVALS = { helmRelease: '15m', helmRepository: '30m' } as const;

/**
 * How Flux runs every release of a deployment stack unless the profile says otherwise: a failed
 * install is retried 3 times (uninstalled in between, as Flux does); a failed upgrade is rolled
 * back and retried 3 times, and the last failure is left in place for the operator to see; drift
 * is reported, not corrected (the charts' own jobs and the platform change objects Helm made).
 */
export const DEFAULT_HELM_RELEASE_SETTINGS: HelmReleaseSettings = {
  interval: DEPLOYMENT_INTERVALS.helmRelease,
  install: { remediation: { retries: 3 } },
  upgrade: { remediation: { retries: 3, remediateLastFailure: false, strategy: HelmReleaseSpecUpgradeRemediationStrategy.ROLLBACK } },
  driftDetection: { mode: HelmReleaseSpecDriftDetectionMode.WARN },
};

export interface ResolvedDeployment {
  /** The profile's file, as messages name it. */
  readonly file: string;
  readonly profile: DeploymentProfile;
  readonly ctx: DeploymentContext;
  /** The emitted releases, in kustomization order. */
  readonly releases: readonly ResolvedRelease[];
  /** Every credential the emitted releases read, once each, in release order. */
  readonly credentials: readonly CredentialRef[];
  /** Where each credential lives, by id. */
  readonly credentialSources: ReadonlyMap<string, SecretKeyRef>;
  /** Lines for the synth summary: releases asked for but not deployed, repaired dependsOn edges. */
  readonly notes: readonly string[];
}

/** The Helm repository of the platform: `http://<cluster-host floating address>:<port>/helm_charts/starlingx` (spec §4.4). */
export function platformRepositoryUrl(profile: DeploymentProfile): string {
  if (profile.helmRepository.url) return profile.helmRepository.url;
  const host = urlHost(profile.network.clusterHost.floatingAddress);
  return `http://${host}:${profile.network.platformHttpPort}/helm_charts/starlingx`;
}

/** The Secret and key that hold a credential in this deployment. */
export function credentialSource(profile: DeploymentProfile, ref: CredentialRef): SecretKeyRef {
  if (ref.kind === 'tls') {
    const cert = profile.https.certRef;
    if (!cert) throw new Error(`credential ${ref.id}: https.certRef is required when https is enabled`);
    const key = ref.detail === 'crt' ? cert.crtKey : ref.detail === 'key' ? cert.keyKey : cert.caKey;
    if (!key) throw new Error(`credential ${ref.id}: https.certRef.caKey is not set`);
    return { name: cert.secretName, key };
  }
  const override = profile.credentials.overrides[ref.id];
  if (override) return { name: override.secretName, key: override.key };
  if (ref.kind === 'storage-secret' && ref.detail) {
    // A storage array's credential lives in the Secret the profile names (`<secretName>/<key>`).
    const slash = ref.detail.indexOf('/');
    return { name: ref.detail.slice(0, slash), key: ref.detail.slice(slash + 1) };
  }
  return { name: profile.credentials.secretName, key: ref.id };
}

/** Kinds of credential that `npm run credentials` does not make: the operator or the platform provides them. */
export const OUT_OF_BAND_KINDS: ReadonlySet<string> = new Set(['tls', 'external', 'ceph-keyring', 'storage-secret']);

/**
 * Where each credential lives. A Secret that `npm run credentials` writes (it holds a credential
 * the command makes) carries every release's values document, so all its credentials are read
 * from there; the others (TLS, storage arrays) are read key by key with a targetPath.
 */
export function credentialSourcesOf(profile: DeploymentProfile, credentials: readonly CredentialRef[]): Map<string, SecretKeyRef> {
  const sources = credentials.map((ref) => [ref, credentialSource(profile, ref)] as const);
  const written = new Set(sources.filter(([ref]) => !OUT_OF_BAND_KINDS.has(ref.kind)).map(([, s]) => s.name));
  return new Map(sources.map(([ref, s]) => [ref.id, written.has(s.name) ? { ...s, inValuesDocument: true } : s]));
}

/** The context the release value functions read, for a set of emitted releases. */
export function deploymentContext(
  profile: DeploymentProfile,
  enabled: ReadonlySet<ReleaseName>,
  derived = derive(profile),
): DeploymentContext {
  return { profile, derived, enabled, images: imageRefs(profile.images) };
}

/**
 * Resolves a validated profile against the release definitions. Throws a ProfileError naming the
 * file with every problem: first the rules that need no values; only when those pass are the
 * values computed and checked (credential override ids, each release's own checks).
 */
export function resolveDeployment(loaded: LoadedProfile, releases: readonly ReleaseDefinition[] = ALL_RELEASES): ResolvedDeployment {
  const { file, profile } = loaded;
  const derived = derive(profile);
  const { enabled, notes } = enabledReleases({ profile, derived }, releases);
  const graph = resolveDependsOn(releases, enabled, profile.charts.repairDependsOn);
  const problems = [...checkProfileRules(profile, derived, enabled), ...graph.missing.map(missingDependencyProblem)];
  if (problems.length > 0) throw profileError(loaded, problems);

  const ctx = deploymentContext(profile, enabled, derived);
  const computed = releases
    .filter((definition) => enabled.has(definition.name))
    .map((definition) => ({ definition, ownSystemValues: definition.systemValues?.(ctx) ?? {} }));
  const credentials = uniqueById(
    computed.flatMap(({ ownSystemValues }) => splitCredentials(ownSystemValues).leaves.map((leaf) => leaf.ref)),
  );

  const valueProblems = [
    ...checkCredentialOverrides(profile, credentials),
    ...computed.flatMap(({ definition, ownSystemValues }) =>
      userCredentialConflicts(definition.name, ownSystemValues, profile.userOverrides[definition.name]),
    ),
  ];
  if (valueProblems.length === 0) {
    for (const { definition, ownSystemValues } of computed) {
      for (const { field, message } of definition.checks?.(ctx, ownSystemValues) ?? []) valueProblems.push(`${field}: ${message}`);
    }
  }
  // After the releases' own checks, whose messages say more about the fields they know.
  if (valueProblems.length === 0) {
    for (const { definition, ownSystemValues } of computed) {
      const user = profile.userOverrides[definition.name];
      if (user)
        valueProblems.push(
          ...userValueProblems(definition.name, definition.chart, user, [ownSystemValues, staticValuesOf(definition, ctx.images)]),
        );
    }
  }
  if (valueProblems.length > 0) throw profileError(loaded, valueProblems);

  const policyValues = (name: ReleaseDefinition['name']): Values =>
    profile.policies.reduce<Values>((acc, set) => mergeValues(acc, POLICY_SETS[set]?.[name] ?? {}), {});
  return {
    file,
    profile,
    ctx,
    releases: computed.map(({ definition, ownSystemValues }) => ({
      definition,
      chartVersion: profile.charts.versions[definition.name] ?? buildChartVersion(profile.charts.appBuild, definition),
      staticValues: staticValuesOf(definition, ctx.images),
      systemValues: mergeValues(ownSystemValues, policyValues(definition.name)),
      userValues: profile.userOverrides[definition.name] as Values | undefined,
      dependsOn: graph.edges.get(definition.name) ?? [],
      settings: mergeValues(
        mergeValues(DEFAULT_HELM_RELEASE_SETTINGS as unknown as Values, (profile.helmReleases.defaults ?? {}) as Values),
        (profile.helmReleases.releases[definition.name] ?? {}) as Values,
      ) as unknown as HelmReleaseSettings,
    })),
    credentials,
    credentialSources: credentialSourcesOf(profile, credentials),
    notes: [
      ...notes,
      ...graph.repaired.map(repairNote),
      ...computed.flatMap(({ definition, ownSystemValues }) => {
        const user = profile.userOverrides[definition.name];
        const fresh = user ? newKeys(user, [staticValuesOf(definition, ctx.images), ownSystemValues]) : [];
        return fresh.length > 0
          ? [`${definition.name}: user values add keys the chart's static and system values do not have (a typo?): ${fresh.join(', ')}`]
          : [];
      }),
    ],
  };
}

/**
 * Static values depend only on the release and the image references: computed once per pair, and
 * the same object for every stack that shares them, the platform stack's and each deployment's of
 * the same images (the writer renders it once, the credential scan reads it once; a fleet of a
 * thousand sites renders each release's static values once). Nothing mutates values after this.
 */
const STATIC_VALUES = new WeakMap<ReleaseDefinition, Map<string, Values>>();
const IMAGES_KEYS = new WeakMap<ImageRefs, string>();
export function staticValuesOf(definition: ReleaseDefinition, images: ImageRefs): Values {
  const byImages = STATIC_VALUES.get(definition) ?? new Map<string, Values>();
  STATIC_VALUES.set(definition, byImages);
  let key = IMAGES_KEYS.get(images);
  if (key === undefined) IMAGES_KEYS.set(images, (key = JSON.stringify(images)));
  let values = byImages.get(key);
  if (!values) {
    values = definition.staticValues(images);
    byImages.set(key, values);
  }
  return values;
}

/**
 * A user value at a path where the system values put a credential would silently beat the routed
 * Secret (Helm applies user values last): an error, naming the path and the fix.
 */
function userCredentialConflicts(release: string, system: Values, user: Record<string, unknown> | undefined): string[] {
  if (!user) return [];
  const out: string[] = [];
  const walk = (sys: unknown, usr: unknown, at: string[]): void => {
    if (sys instanceof CredentialRef) {
      out.push(
        `userOverrides.${release}.${at.join('.')}: sets the value of the credential ${JSON.stringify(sys.id)}, which comes from its Secret; change it there (npm run credentials, or credentials.overrides to read another Secret) and remove it from userOverrides`,
      );
      return;
    }
    if (isValues(sys) && isValues(usr)) for (const key of Object.keys(usr)) if (key in sys) walk(sys[key], usr[key], [...at, key]);
  };
  walk(system, user, []);
  return out;
}

/** The paths of user values that no layer below has: first missing key of each branch. */
function newKeys(user: Record<string, unknown>, layers: readonly unknown[], at: string[] = []): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(user)) {
    const below = layers
      .filter(isValues)
      .map((layer) => layer[key])
      .filter((v) => v !== undefined);
    if (below.length === 0) out.push([...at, key].join('.'));
    else if (isValues(value)) out.push(...newKeys(value, below, [...at, key]));
  }
  return out;
}

function repairNote(edge: RepairedEdge): string {
  return `dependsOn ${edge.release} -> ${edge.removed} (disabled) replaced by [${edge.replacedBy.join(', ')}]`;
}

function uniqueById(refs: readonly CredentialRef[]): CredentialRef[] {
  const seen = new Map<string, CredentialRef>();
  for (const ref of refs) if (!seen.has(ref.id)) seen.set(ref.id, ref);
  return [...seen.values()];
}
