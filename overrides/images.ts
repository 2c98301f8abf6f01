/**
 * The image table: every container image that stx-openstack's values name, written once.
 *
 * StarlingX builds its own images (`docker.io/starlingx/stx-*`) and tags them from build
 * parameters; the reference tree carries them as the tokens
 * `@IMAGE_PREFIX@-@OS@-@OS_CODENAME@-@OS_ARCH@-@BUILD_STREAM@-@IMAGE_SUFFIX@`. Here those tokens are
 * the typed {@link ImageBuild} parameters. Third-party images keep their upstream tags.
 */

/** Build parameters of StarlingX images, and where to pull every image from. */
export interface ImageBuild {
  /** Tag prefix (`@IMAGE_PREFIX@`), the StarlingX branch the images were built from. @default 'master' */
  readonly imagePrefix: string;
  /** Base OS of the images (`@OS@`). @default 'debian' */
  readonly os: string;
  /** Release codename of the base OS (`@OS_CODENAME@`). @default 'trixie' */
  readonly osCodename: string;
  /** Architecture (`@OS_ARCH@`). @default 'amd64' */
  readonly osArch: string;
  /** Build stream (`@BUILD_STREAM@`): `stable` or `dev`. @default 'stable' */
  readonly buildStream: string;
  /** Tag suffix (`@IMAGE_SUFFIX@`). @default 'latest' */
  readonly imageSuffix: string;
  /**
   * Registry that mirrors every source registry (air-gapped sites), as StarlingX's local registry
   * lays them out: `<registry>/<source registry>/<repository>:<tag>`, e.g.
   * `registry.local:9001/docker.io/starlingx/stx-heat:...`.
   * @default - pull from the source registries
   */
  readonly registry?: string;
}

export const DEFAULT_IMAGE_BUILD: ImageBuild = {
  imagePrefix: 'master',
  os: 'debian',
  osCodename: 'trixie',
  osArch: 'amd64',
  buildStream: 'stable',
  imageSuffix: 'latest',
};

/** Marks an image whose tag is built from the {@link ImageBuild} parameters. */
const STARLINGX_BUILD = Symbol('starlingx-build-tag');

interface ImageSource {
  readonly registry: string;
  readonly repository: string;
  readonly tag: string | typeof STARLINGX_BUILD;
}

/** A StarlingX-built image: `docker.io/starlingx/stx-<name>`, tagged from the build parameters. */
function starlingxImage(name: string): ImageSource {
  return { registry: 'docker.io', repository: `starlingx/stx-${name}`, tag: STARLINGX_BUILD };
}

const IMAGES = {
  aodh: starlingxImage('aodh'),
  barbican: starlingxImage('barbican'),
  ceilometer: starlingxImage('ceilometer'),
  cephConfigHelper: { registry: 'docker.io', repository: 'openstackhelm/ceph-config-helper', tag: 'ubuntu_bionic-20201223' },
  cephConfigHelperJammy: { registry: 'docker.io', repository: 'openstackhelm/ceph-config-helper', tag: 'ubuntu_jammy_18.2.2-1-20240312' },
  cinder: starlingxImage('cinder'),
  fmRestApi: starlingxImage('fm-rest-api'),
  glance: starlingxImage('glance'),
  gnocchi: starlingxImage('gnocchi'),
  heat: starlingxImage('heat'),
  horizon: starlingxImage('horizon'),
  ingressNginxController: { registry: 'registry.k8s.io', repository: 'ingress-nginx/controller', tag: 'v1.15.1' },
  ironic: starlingxImage('ironic'),
  keystone: starlingxImage('keystone'),
  keystoneApiProxy: starlingxImage('keystone-api-proxy'),
  kubernetesEntrypoint: {
    registry: 'quay.io',
    repository: 'airshipit/kubernetes-entrypoint',
    tag: '7a6a594d2efec8b402ad970d18906863b2f04d4f-ubuntu_noble',
  },
  libvirt: starlingxImage('libvirt'),
  mariadb: { registry: 'quay.io', repository: 'airshipit/mariadb', tag: 'ubuntu_noble-20260511' },
  memcached: { registry: 'docker.io', repository: 'library/memcached', tag: '1.5.5' },
  neutron: starlingxImage('neutron'),
  nginx: { registry: 'docker.io', repository: 'nginx', tag: '1.13.3' },
  nova: starlingxImage('nova'),
  novaApiProxy: starlingxImage('nova-api-proxy'),
  openstackExporter: { registry: 'ghcr.io', repository: 'openstack-exporter/openstack-exporter', tag: '1.7.0' },
  openstackclients: starlingxImage('openstackclients'),
  ovs: starlingxImage('ovs'),
  pciIrqAffinityAgent: starlingxImage('pci-irq-affinity-agent'),
  placement: starlingxImage('placement'),
  rabbitmq: { registry: 'docker.io', repository: 'library/rabbitmq', tag: '3.11.28' },
  rabbitmqManagement: { registry: 'docker.io', repository: 'library/rabbitmq', tag: '3.11.28-management' },
  stxMariadb: starlingxImage('mariadb'),
  vaultManager: starlingxImage('vault-manager'),
} as const satisfies Record<string, ImageSource>;

/** Name of an image in the table. */
export type ImageName = keyof typeof IMAGES;
/** Full references (`registry/repository:tag`) of every image, for one build. */
export type ImageRefs = Readonly<Record<ImageName, string>>;

/** The tag of StarlingX-built images for `build`. */
export function starlingxTag(build: ImageBuild): string {
  return [build.imagePrefix, build.os, build.osCodename, build.osArch, build.buildStream, build.imageSuffix].join('-');
}

/** Repository (with registry) and tag of one image, for charts that take them apart. */
export function imageParts(name: ImageName, build: ImageBuild): { repository: string; tag: string } {
  const source: ImageSource = IMAGES[name];
  const registry = build.registry ? `${build.registry}/${source.registry}` : source.registry;
  const tag = source.tag === STARLINGX_BUILD ? starlingxTag(build) : source.tag;
  return { repository: `${registry}/${source.repository}`, tag };
}

/** Resolves the whole table for one build. */
export function imageRefs(build: ImageBuild): ImageRefs {
  const refs = {} as Record<ImageName, string>;
  for (const name of Object.keys(IMAGES) as ImageName[]) {
    const { repository, tag } = imageParts(name, build);
    refs[name] = `${repository}:${tag}`;
  }
  return refs;
}

/** Every image name, in table order. */
export const IMAGE_NAMES = Object.keys(IMAGES) as ImageName[];

/** Splits a full reference into the `repository` and `tag` that some charts take apart. */
export function splitImage(reference: string): { repository: string; tag: string } {
  const at = reference.lastIndexOf(':');
  return { repository: reference.slice(0, at), tag: reference.slice(at + 1) };
}
