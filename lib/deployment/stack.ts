/**
 * The stacks of the app: a resolved deployment becomes one Flux tree with system values computed
 * at synth time and credentials routed to out-of-band Secrets; the platform stack is the tree
 * StarlingX packages, system values left for the platform to compute.
 */
import { App } from 'cdk8s';
import { chartVersionOf } from '../../releases/chart-versions';
import { ReleaseDefinition } from '../../releases/define';
import { ImageBuild, imageRefs } from '../../overrides/images';
import { FluxStack } from '../engine/stack';
import { appMetadata } from './app-metadata';
import { platformRepositoryUrl, ResolvedDeployment } from './resolve';

/** The stack of one resolved deployment, in the folder named after its profile. */
export function deploymentStack(app: App, deployment: ResolvedDeployment): FluxStack {
  const { profile } = deployment;
  return new FluxStack(app, profile.name, {
    releases: deployment.releases.map((release) => ({
      facts: release.definition,
      chartVersion: release.chartVersion,
      staticValues: release.staticValues,
      systemValues: release.systemValues,
      userValues: release.userValues,
      dependsOn: release.dependsOn,
      credentialSources: deployment.credentialSources,
    })),
    helmRepository: { url: platformRepositoryUrl(profile) },
    metadata: appMetadata(deployment.releases.map((r) => r.definition)),
    createNamespace: true,
    // A changed values Secret alone does not upgrade a HelmRelease; this label makes Flux watch it.
    secretLabels: { 'reconcile.fluxcd.io/watch': 'Enabled' },
    notes: deployment.notes,
    labelsField: 'labels',
  });
}

/** Props of the platform stack. */
export interface PlatformStackProps {
  readonly releases: readonly ReleaseDefinition[];
  readonly imageBuild: ImageBuild;
  /** URL of the platform's Helm repository. */
  readonly repositoryUrl: string;
}

/** The tree StarlingX packages into its application: every release, empty system values, no namespace. */
export function platformStack(app: App, id: string, props: PlatformStackProps): FluxStack {
  const images = imageRefs(props.imageBuild);
  return new FluxStack(app, id, {
    releases: props.releases.map((definition) => ({
      facts: definition,
      chartVersion: chartVersionOf(definition),
      staticValues: definition.staticValues(images),
    })),
    helmRepository: { url: props.repositoryUrl },
    metadata: appMetadata(props.releases),
    createNamespace: false,
  });
}
