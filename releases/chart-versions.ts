/**
 * The chart version of every release, one table per StarlingX build of the app: a build packages
 * exactly one version of each chart into its tarball (`charts/<chart>-<version>.tgz`) and the
 * platform's Helm repository serves those, so each pin is that exact version, never a range (a
 * range would let a chart upload upgrade a site without a commit). A profile names its build
 * (`charts.appBuild`) and may override single releases (`charts.versions`).
 */
import { ReleaseName } from './names';

/** One StarlingX build of the stx-openstack app and the chart versions it packages. */
export interface AppBuild {
  /** Where the build comes from (for people). */
  readonly description: string;
  /** The version of each release's chart in that build. */
  readonly charts: Readonly<Record<ReleaseName, string>>;
}

/** openstack-helm charts carry the build's BASE_VERSION; StarlingX's own charts keep their Chart.yaml versions. */
const TRIXIE_2026_1_BASE = '2026.1.0';

export const APP_BUILDS = {
  'trixie-2026.1': {
    description:
      'starlingx/openstack-armada-app bfd1bbbb7f456ec63dd32f2e18d9ab7648c75818, Debian trixie stream: openstack-helm ' +
      'c665eedf with StarlingX patches (BASE_VERSION 2026.1.0), fm-rest-api from starlingx/helm-charts, ingress-nginx 4.15.1',
    charts: {
      'ingress-nginx-openstack': '4.15.1+STX.1',
      'nginx-ports-control': '2026.1.1',
      'mariadb': TRIXIE_2026_1_BASE,
      'garbd': TRIXIE_2026_1_BASE,
      'memcached': TRIXIE_2026_1_BASE,
      'rabbitmq': TRIXIE_2026_1_BASE,
      'barbican': TRIXIE_2026_1_BASE,
      'keystone': TRIXIE_2026_1_BASE,
      'keystone-api-proxy': TRIXIE_2026_1_BASE,
      'glance': TRIXIE_2026_1_BASE,
      'cinder': TRIXIE_2026_1_BASE,
      'ceph-rgw': TRIXIE_2026_1_BASE,
      'placement': TRIXIE_2026_1_BASE,
      'nova': TRIXIE_2026_1_BASE,
      'nova-api-proxy': TRIXIE_2026_1_BASE,
      'neutron': TRIXIE_2026_1_BASE,
      'libvirt': TRIXIE_2026_1_BASE,
      'openvswitch': TRIXIE_2026_1_BASE,
      'pci-irq-affinity-agent': TRIXIE_2026_1_BASE,
      'heat': TRIXIE_2026_1_BASE,
      'fm-rest-api': '2025.1.0',
      'horizon': TRIXIE_2026_1_BASE,
      'dcdbsync': TRIXIE_2026_1_BASE,
      'ironic': TRIXIE_2026_1_BASE,
      'aodh': TRIXIE_2026_1_BASE,
      'ceilometer': TRIXIE_2026_1_BASE,
      'gnocchi': TRIXIE_2026_1_BASE,
      'clients': TRIXIE_2026_1_BASE,
      'prometheus-openstack-exporter': TRIXIE_2026_1_BASE,
    },
  },
} as const satisfies Record<string, AppBuild>;

export type AppBuildName = keyof typeof APP_BUILDS;

/** The names of the builds, for the profile schema. */
export const APP_BUILD_NAMES = Object.keys(APP_BUILDS) as [AppBuildName, ...AppBuildName[]];

/** The build a profile installs unless it names another: the one whose images are the default image build's. */
export const DEFAULT_APP_BUILD: AppBuildName = 'trixie-2026.1';

/**
 * The chart version of a release in a build: the table's, else the version the definition states
 * (a release added beside the project's, not in any table). Throws when neither has one.
 */
export function buildChartVersion(build: AppBuildName, release: { readonly name: string; readonly chartVersion?: string }): string {
  const charts: Readonly<Record<string, string>> = APP_BUILDS[build].charts;
  const version = Object.hasOwn(charts, release.name) ? charts[release.name] : release.chartVersion;
  if (version === undefined)
    throw new Error(
      `release "${release.name}" has no chart version in app build "${build}" (expected an entry in releases/chart-versions.ts or a chartVersion in its definition)`,
    );
  return version;
}
