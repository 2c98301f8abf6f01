import * as path from 'path';
import { App } from 'cdk8s';
import { DEFAULT_IMAGE_BUILD, ImageBuild } from '../../overrides/images';
import { STX_OPENSTACK_APP } from './app-metadata';
import { addDeploymentStack } from './stack';
import { loadProfiles, LoadedProfile } from '../profile/loader';
import { ALL_RELEASES } from './releases-list';
import { ReleaseDefinition } from '../engine/release';
import { FluxStack } from '../engine/stack';

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

export { ALL_RELEASES };

/** The profile locations of a synth: STX_PROFILES (comma-separated), else deployments/. */
export function defaultProfileLocations(): string[] {
  const fromEnv = process.env.STX_PROFILES;
  if (fromEnv) return fromEnv.split(',').map((p) => p.trim()).filter(Boolean);
  return [path.resolve(__dirname, '..', '..', 'deployments')];
}

/**
 * The app with every stack:
 * - `starlingx-app`: the tree StarlingX packages into its application, system values left empty for
 *   the platform to compute at apply time, the namespace left to the platform;
 * - one stack per deployment profile, system values computed from the profile.
 */
export function buildApp(options: BuildOptions = {}): App {
  const app = new App({ outdir: '.cdk8s-out' });
  new FluxStack(app, 'starlingx-app', {
    name: 'starlingx-app',
    releases: options.releases ?? ALL_RELEASES,
    imageBuild: options.imageBuild ?? DEFAULT_IMAGE_BUILD,
    helmRepository: { url: options.platformRepositoryUrl ?? 'http://192.168.206.1:8080/helm_charts/starlingx' },
    appMetadata: STX_OPENSTACK_APP,
    createNamespace: false,
  });
  const profiles = options.loadedProfiles ?? loadProfiles(options.profiles ?? defaultProfileLocations());
  for (const loaded of profiles) {
    if (loaded.profile.name === 'starlingx-app') {
      throw new Error(`${loaded.file}: name: "starlingx-app" is the platform stack's folder (expected another name)`);
    }
    addDeploymentStack(app, loaded, options.releases);
  }
  return app;
}
