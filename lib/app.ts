import { App } from 'cdk8s';
import { DEFAULT_IMAGE_BUILD, ImageBuild } from '../overrides/images';
import { RELEASES } from '../releases';
import { RELEASE_NAMES } from '../releases/names';
import { STX_OPENSTACK_APP } from './app-metadata';
import { FluxStack } from './stack';

/** Options of the whole synth. */
export interface BuildOptions {
  /** Image build parameters of the platform stack. @default DEFAULT_IMAGE_BUILD */
  readonly imageBuild?: ImageBuild;
  /**
   * URL of the platform's Helm repository. StarlingX serves its charts on the OAM/management
   * floating address. @default 'http://192.168.206.1:8080/helm_charts/starlingx'
   */
  readonly platformRepositoryUrl?: string;
}

/** Every release definition, in kustomization order. */
export const ALL_RELEASES = RELEASE_NAMES.map((name) => RELEASES[name]);

/**
 * The app with every stack:
 * - `starlingx-app`: the tree StarlingX packages into its application, system values left empty for
 *   the platform to compute at apply time, the namespace left to the platform.
 */
export function buildApp(options: BuildOptions = {}): App {
  const app = new App({ outdir: '.cdk8s-out' });
  new FluxStack(app, 'starlingx-app', {
    name: 'starlingx-app',
    releases: ALL_RELEASES,
    imageBuild: options.imageBuild ?? DEFAULT_IMAGE_BUILD,
    helmRepository: { url: options.platformRepositoryUrl ?? 'http://192.168.206.1:8080/helm_charts/starlingx' },
    appMetadata: STX_OPENSTACK_APP,
    createNamespace: false,
  });
  return app;
}
