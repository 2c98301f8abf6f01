/**
 * The whole app: the platform stack and one stack per deployment profile, each profile resolved
 * once (lib/deployment/resolve.ts).
 */
import * as path from 'path';
import { App } from 'cdk8s';
import { ALL_RELEASES } from '../../releases';
import { ReleaseDefinition } from '../../releases/define';
import { DEFAULT_IMAGE_BUILD, ImageBuild } from '../../overrides/images';
import { LoadedProfile, loadProfiles, originOf, parseProfile, profileError } from '../profile/loader';
import { DeploymentProfile } from '../profile/profile';
import { resolveDeployment, ResolvedDeployment } from './resolve';
import { clusterEntrypoints, deploymentStack, platformStack } from './stack';
import { fluxTarget } from '../profile/targets';

/** The folder of the platform stack; no profile may take it. */
export const PLATFORM_STACK = 'starlingx-app';

/** Options of the whole synth. */
export interface BuildOptions {
  /** Image build parameters of the platform stack. @default DEFAULT_IMAGE_BUILD */
  readonly imageBuild?: ImageBuild;
  /**
   * URL of the platform's Helm repository. StarlingX serves its charts on the OAM/management
   * floating address. @default 'http://192.168.206.1:8080/helm_charts/starlingx'
   */
  readonly platformRepositoryUrl?: string;
  /**
   * Profile files or folders; each profile becomes a stack.
   * @default - every profile in deployments/ (or the paths in STX_PROFILES, comma-separated)
   */
  readonly profiles?: readonly string[];
  /** Profiles already loaded (tests). @default - loaded from `profiles` */
  readonly loadedProfiles?: readonly LoadedProfile[];
  /** Release definitions to use instead of the project's (tests inject a failing one). @default ALL_RELEASES */
  readonly releases?: readonly ReleaseDefinition[];
}

/** The profile locations of a synth: STX_PROFILES (comma-separated, at least one), else deployments/. */
export function defaultProfileLocations(): string[] {
  const fromEnv = process.env.STX_PROFILES;
  if (fromEnv !== undefined) {
    const locations = fromEnv
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    // An empty list would synthesize no deployment stack and remove the existing ones.
    if (locations.length === 0)
      throw new Error(`STX_PROFILES=${JSON.stringify(fromEnv)} names no profile file or folder (unset it to use deployments/)`);
    return locations;
  }
  return [path.resolve(__dirname, '..', '..', 'deployments')];
}

/** Resolves one loaded profile; the platform stack's folder name is refused. */
export function resolveLoaded(loaded: LoadedProfile, releases: readonly ReleaseDefinition[] = ALL_RELEASES): ResolvedDeployment {
  if (loaded.profile.name === PLATFORM_STACK) {
    throw profileError(loaded, [`name: "${PLATFORM_STACK}" is the platform stack's folder (expected another name)`]);
  }
  return resolveDeployment(loaded, releases);
}

/** Loads and resolves every profile of the given files or folders, reporting every bad one. */
export function loadDeployments(locations: readonly string[], releases: readonly ReleaseDefinition[] = ALL_RELEASES): ResolvedDeployment[] {
  return loadProfiles(locations, (loaded) => resolveLoaded(loaded, releases));
}

/** Profile input (a parsed YAML file or a TS object) through the schema, the rules and the value checks. */
export function resolveInput(input: unknown, file: string, releases: readonly ReleaseDefinition[] = ALL_RELEASES): ResolvedDeployment {
  const origin = originOf(input, file);
  return resolveLoaded({ file, profile: parseProfile(input, origin), origin }, releases);
}

/** The validated profile of profile input (throws a ProfileError listing every problem). */
export function validateProfile(input: unknown, file: string): DeploymentProfile {
  return resolveInput(input, file).profile;
}

/**
 * The app with every stack:
 * - `starlingx-app`: the tree StarlingX packages into its application, system values left empty for
 *   the platform to compute at apply time, the namespace left to the platform;
 * - one stack per deployment profile, system values computed from the profile.
 */
export function buildApp(options: BuildOptions = {}): App {
  const releases = options.releases ?? ALL_RELEASES;
  // Profiles first: a bad one fails before the platform stack is built (its values are written as
  // it is constructed), so bad input costs milliseconds, not a render.
  const deployments = options.loadedProfiles
    ? options.loadedProfiles.map((loaded) => resolveLoaded(loaded, releases))
    : loadDeployments(options.profiles ?? defaultProfileLocations(), releases);
  const app = new App({ outdir: '.cdk8s-out' });
  platformStack(app, PLATFORM_STACK, {
    releases,
    imageBuild: options.imageBuild ?? DEFAULT_IMAGE_BUILD,
    repositoryUrl: options.platformRepositoryUrl ?? 'http://192.168.206.1:8080/helm_charts/starlingx',
  });
  for (const deployment of deployments) {
    deploymentStack(app, deployment);
    // Without kustomize-controller (stx.10) nothing would reconcile Flux Kustomizations: the stack is
    // applied with kubectl apply -k instead (README, "Deploying a stack with Flux").
    if (fluxTarget(deployment.profile.flux.target).kustomizeController) clusterEntrypoints(app, deployment);
  }
  return app;
}
