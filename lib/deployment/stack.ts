/**
 * A deployment stack: one validated profile in, one complete Flux tree out, with system values
 * computed at synth time, credentials routed to an out-of-band Secret, and the release selection
 * of the profile and the platform rules.
 */
import { App } from 'cdk8s';
import { POLICY_SETS } from '../../policies';
import { STX_OPENSTACK_APP } from './app-metadata';
import { buildContext } from './resolve';
import { CredentialRef } from '../engine/credentials';
import { derive } from '../profile/derived';
import { enablement } from './enablement';
import { LoadedProfile } from '../profile/loader';
import { DeploymentProfile } from '../profile/profile';
import { ReleaseDefinition } from '../engine/release';
import { FluxStack } from '../engine/stack';
import { mergeValues, Values } from '../engine/values';
import { ALL_RELEASES } from './releases-list';

/** The Helm repository of the platform: `http://<cluster-host floating address>:<port>/helm_charts/starlingx` (spec §4.4). */
export function platformRepositoryUrl(profile: DeploymentProfile): string {
  if (profile.helmRepository.url) return profile.helmRepository.url;
  const address = profile.network.clusterHost.floatingAddress;
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${profile.network.platformHttpPort}/helm_charts/starlingx`;
}

/** The Secret and key that hold a credential in this deployment. */
export function credentialSource(profile: DeploymentProfile, ref: CredentialRef): { name: string; key: string } {
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

/** Adds the stack of one profile to the app. */
export function addDeploymentStack(app: App, { profile }: LoadedProfile, releases: readonly ReleaseDefinition[] = ALL_RELEASES): FluxStack {
  const derived = derive(profile);
  const { enabled, notes } = enablement(profile, derived);
  const ctx = buildContext(profile, enabled);
  const policyValues = (release: ReleaseDefinition): Values =>
    profile.policies.reduce<Values>((acc, set) => mergeValues(acc, POLICY_SETS[set]?.[release.name] ?? {}), {});
  return new FluxStack(app, profile.name, {
    name: profile.name,
    releases,
    enabled,
    disabledDependency: profile.charts.repairDependsOn ? 'repair' : 'error',
    imageBuild: profile.images,
    chartVersions: profile.charts.versions,
    helmRepository: { url: platformRepositoryUrl(profile) },
    systemValues: (release) => mergeValues(release.systemValues?.(ctx) ?? {}, policyValues(release)),
    credentialSource: (ref) => credentialSource(profile, ref),
    userValues: (release) => profile.userOverrides[release.name] as Values | undefined,
    appMetadata: STX_OPENSTACK_APP,
    createNamespace: true,
    // A changed values Secret alone does not upgrade a HelmRelease; this label makes Flux watch it.
    secretLabels: { 'reconcile.fluxcd.io/watch': 'Enabled' },
    notes,
    labelsField: 'labels',
  });
}
