/**
 * The stacks of the app: a resolved deployment becomes one Flux tree with system values computed
 * at synth time and credentials routed to out-of-band Secrets; the platform stack is the tree
 * StarlingX packages, system values left for the platform to compute.
 */
import { App } from 'cdk8s';
import { AppBuildName, buildChartVersion, DEFAULT_APP_BUILD } from '../../releases/chart-versions';
import { ReleaseDefinition } from '../../releases/define';
import { ImageBuild, imageRefs } from '../../overrides/images';
import { FluxEntrypoints } from '../engine/entrypoints';
import { FluxStack, FluxStackProps, HelmRepositorySource } from '../engine/stack';
import { DeploymentProfile } from '../profile/profile';
import { appMetadata } from './app-metadata';
import { stackReadme } from './readme';
import { DEPLOYMENT_INTERVALS, platformRepositoryUrl, ResolvedDeployment, staticValuesOf } from './resolve';
import { featuresOf, WATCH_LABEL } from '../engine/flux-features';
import { fluxTarget } from '../profile/targets';

/** The namespace of the stx-openstack application (StarlingX installs it there). */
export const APP_NAMESPACE = 'openstack';
/** The HelmRepository name StarlingX's application tree points its charts at. */
export const APP_REPOSITORY_NAME = 'starlingx';

/** The stack of one resolved deployment, in the folder named after its profile. */
export function deploymentStack(app: App, deployment: ResolvedDeployment): FluxStack {
  return new FluxStack(app, deployment.profile.name, deploymentStackProps(deployment));
}

/** The props of the stack of one resolved deployment (a fleet compares a subcloud's with its base's). */
export function deploymentStackProps(deployment: ResolvedDeployment): FluxStackProps {
  const { profile } = deployment;
  const features = featuresOf(fluxTarget(profile.flux.target));
  return {
    releases: deployment.releases.map((release) => ({
      facts: release.definition,
      chartVersion: release.chartVersion,
      staticValues: release.staticValues,
      systemValues: release.systemValues,
      userValues: release.userValues,
      dependsOn: release.dependsOn,
      credentialSources: deployment.credentialSources,
      settings: release.settings,
    })),
    namespace: APP_NAMESPACE,
    helmRepository: { ...chartSource(profile), interval: DEPLOYMENT_INTERVALS.helmRepository },
    metadata: appMetadata(deployment.releases.map((r) => r.definition)),
    // The namespace is its own Flux Kustomization (dist/clusters/<name>/), never pruned: deleting
    // the app's Kustomization must not take the PVCs and the credentials with it.
    namespaceManifest: 'folder',
    namespaceAnnotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
    features,
    // A changed values Secret alone does not upgrade a HelmRelease: the watch label makes Flux watch
    // it; a controller that ignores the label sees a new Secret name (content hash) instead.
    ...(features.watchLabel ? { secretLabels: { [WATCH_LABEL]: 'Enabled' } } : { secretNames: 'content-hash' as const }),
    notes: deployment.notes,
    labelsField: 'labels',
    // For people; the platform stack has none (it must stay equal to the StarlingX tree). Written
    // when rendered: a fleet leaves it out of every subcloud.
    extraFiles: { 'README.md': () => stackReadme(deployment) },
  };
}

/** Where the charts come from: the platform's repository, an HTTP chart repository, or an OCI registry. */
export function chartSource(profile: DeploymentProfile): HelmRepositorySource {
  const url = platformRepositoryUrl(profile);
  return {
    name: APP_REPOSITORY_NAME,
    url,
    ...(url.startsWith('oci://') ? { type: 'oci' as const } : {}),
    ...(profile.helmRepository.secretName ? { secretName: profile.helmRepository.secretName } : {}),
  };
}

/**
 * The Flux entry points of a deployment: namespace, then credentials, then the stack.
 * `namespacePath`: where its namespace folder is (a fleet's subcloud uses its base's). @default `${distPath}/<site>/namespace`
 */
export function clusterEntrypoints(app: App, deployment: ResolvedDeployment, distPath = './dist', namespacePath?: string): FluxEntrypoints {
  const { profile } = deployment;
  const { flux } = profile;
  const site = profile.name;
  return new FluxEntrypoints(app, `clusters/${site}`, {
    gitRepository: { name: flux.gitRepository, namespace: flux.gitRepositoryNamespace },
    kustomizations: [
      { name: `${site}-namespace`, path: namespacePath ?? `${distPath}/${site}/namespace`, prune: false, interval: flux.interval },
      {
        name: `${site}-credentials`,
        path: flux.credentialsPath ?? `./credentials/${site}`,
        dependsOn: [`${site}-namespace`],
        // Never garbage-collect credentials: they are the one thing git alone cannot rebuild in the cluster.
        prune: false,
        interval: flux.interval,
        sopsSecret: flux.sopsSecret,
      },
      {
        name: `${site}-openstack`,
        path: `${distPath}/${site}`,
        dependsOn: [`${site}-namespace`, `${site}-credentials`],
        prune: true,
        wait: true,
        interval: flux.interval,
        timeout: flux.timeout,
      },
    ],
  });
}

/** Props of the platform stack. */
export interface PlatformStackProps {
  readonly releases: readonly ReleaseDefinition[];
  readonly imageBuild: ImageBuild;
  /** The app build whose chart versions the tree pins. @default DEFAULT_APP_BUILD */
  readonly appBuild?: AppBuildName;
  /** URL of the platform's Helm repository. */
  readonly repositoryUrl: string;
}

/** The tree StarlingX packages into its application: every release, empty system values, no namespace. */
export function platformStack(app: App, id: string, props: PlatformStackProps): FluxStack {
  const images = imageRefs(props.imageBuild);
  return new FluxStack(app, id, {
    releases: props.releases.map((definition) => ({
      facts: definition,
      chartVersion: buildChartVersion(props.appBuild ?? DEFAULT_APP_BUILD, definition),
      staticValues: staticValuesOf(definition, images),
    })),
    namespace: APP_NAMESPACE,
    helmRepository: { name: APP_REPOSITORY_NAME, url: props.repositoryUrl },
    metadata: appMetadata(props.releases),
    namespaceManifest: 'unlisted',
  });
}
