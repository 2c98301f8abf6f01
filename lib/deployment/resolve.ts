/**
 * One resolved deployment: a validated profile in, everything the stack, the checks and the
 * credentials command need out, computed once (derived facts, enablement, context, image
 * references, every emitted release's values, the dependsOn edges, the credentials it reads).
 */
import { POLICY_SETS } from '../../policies';
import { ALL_RELEASES } from '../../releases';
import { chartVersionOf } from '../../releases/chart-versions';
import { ReleaseDefinition } from '../../releases/define';
import { ReleaseName } from '../../releases/names';
import { imageRefs } from '../../overrides/images';
import { CredentialRef, splitCredentials } from '../engine/credentials';
import { resolveDependsOn, RepairedEdge } from '../engine/depends-on';
import { SecretKeyRef } from '../engine/release';
import { mergeValues, Values } from '../engine/values';
import { DeploymentContext } from '../profile/context';
import { derive } from '../profile/derived';
import { LoadedProfile, ProfileError } from '../profile/loader';
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
}

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
  const address = profile.network.clusterHost.floatingAddress;
  const host = address.includes(':') ? `[${address}]` : address;
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
  return override ? { name: override.secretName, key: override.key } : { name: profile.credentials.secretName, key: ref.id };
}

/** The context the release value functions read, for a set of emitted releases. */
export function deploymentContext(profile: DeploymentProfile, enabled: ReadonlySet<ReleaseName>, derived = derive(profile)): DeploymentContext {
  return { profile, derived, enabled, images: imageRefs(profile.images) };
}

/**
 * Resolves a validated profile against the release definitions. Throws a ProfileError naming the
 * file with every problem: first the rules that need no values; only when those pass are the
 * values computed and checked (credential override ids, each release's own checks).
 */
export function resolveDeployment({ file, profile }: LoadedProfile, releases: readonly ReleaseDefinition[] = ALL_RELEASES): ResolvedDeployment {
  const derived = derive(profile);
  const { enabled, notes } = enabledReleases({ profile, derived }, releases);
  const graph = resolveDependsOn(releases, enabled, profile.charts.repairDependsOn);
  const problems = [...checkProfileRules(profile, derived, enabled), ...graph.missing.map(missingDependencyProblem)];
  if (problems.length > 0) throw new ProfileError(file, problems);

  const ctx = deploymentContext(profile, enabled, derived);
  const computed = releases
    .filter((definition) => enabled.has(definition.name))
    .map((definition) => ({ definition, ownSystemValues: definition.systemValues?.(ctx) ?? {} }));
  const credentials = uniqueById(computed.flatMap(({ ownSystemValues }) => splitCredentials(ownSystemValues).leaves.map((leaf) => leaf.ref)));

  const valueProblems = checkCredentialOverrides(profile, credentials);
  if (valueProblems.length === 0) {
    for (const { definition, ownSystemValues } of computed) {
      for (const { field, message } of definition.checks?.(ctx, ownSystemValues) ?? []) valueProblems.push(`${field}: ${message}`);
    }
  }
  if (valueProblems.length > 0) throw new ProfileError(file, valueProblems);

  const policyValues = (name: ReleaseDefinition['name']): Values => profile.policies.reduce<Values>((acc, set) => mergeValues(acc, POLICY_SETS[set]?.[name] ?? {}), {});
  return {
    file,
    profile,
    ctx,
    releases: computed.map(({ definition, ownSystemValues }) => ({
      definition,
      chartVersion: profile.charts.versions[definition.name] ?? chartVersionOf(definition),
      staticValues: definition.staticValues(ctx.images),
      systemValues: mergeValues(ownSystemValues, policyValues(definition.name)),
      userValues: profile.userOverrides[definition.name] as Values | undefined,
      dependsOn: graph.edges.get(definition.name) ?? [],
    })),
    credentials,
    credentialSources: new Map(credentials.map((ref) => [ref.id, credentialSource(profile, ref)])),
    notes: [...notes, ...graph.repaired.map(repairNote)],
  };
}

function repairNote(edge: RepairedEdge): string {
  return `dependsOn ${edge.release} -> ${edge.removed} (disabled) replaced by [${edge.replacedBy.join(', ')}]`;
}

function uniqueById(refs: readonly CredentialRef[]): CredentialRef[] {
  const seen = new Map<string, CredentialRef>();
  for (const ref of refs) if (!seen.has(ref.id)) seen.set(ref.id, ref);
  return [...seen.values()];
}
