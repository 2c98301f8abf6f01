/**
 * Which releases a deployment emits (spec §4.1): the app's defaults, the profile's own
 * enable/disable, then each release's platform rule. A disabled release disappears from the stack.
 */
import { ProfileFacts } from '../profile/context';
import { ReleaseDefinition } from '../../releases/define';
import { ReleaseName } from '../../releases/names';

export interface EnabledReleases {
  readonly enabled: ReadonlySet<ReleaseName>;
  /** Why a release asked for by the profile is not emitted, for the synth summary. */
  readonly notes: readonly string[];
}

export function enabledReleases(facts: ProfileFacts, releases: readonly ReleaseDefinition[]): EnabledReleases {
  const enabled = new Set<ReleaseName>();
  const notes: string[] = [];
  for (const release of releases) {
    const asked = facts.profile.charts.enabled[release.name];
    const requested = asked ?? release.enabledByDefault ?? true;
    const { on, reason } = release.enabled ? release.enabled(facts, requested) : { on: requested, reason: undefined };
    if (!on) {
      if (asked === true && reason) notes.push(`${release.name}: enabled in the profile but not deployed: it ${reason}`);
    } else if (!restoreKeeps(facts.profile.applyMode, release.name)) {
      notes.push(`${release.name}: not deployed in ${facts.profile.applyMode} mode`);
    } else enabled.add(release.name);
  }
  return { enabled, notes };
}

/**
 * The releases a restore applies (spec §4.3), each only if it would be deployed anyway:
 * restore_db brings back the database (ingress, the port policy, mariadb and garbd);
 * restore_storage adds what the storage services need (memcached, rabbitmq, keystone, glance,
 * cinder, keystone-api-proxy). Normal mode keeps every release.
 */
const RESTORE_RELEASES: Readonly<Record<string, readonly string[]>> = {
  restore_db: ['ingress-nginx-openstack', 'nginx-ports-control', 'mariadb', 'garbd'],
  restore_storage: [
    'ingress-nginx-openstack',
    'nginx-ports-control',
    'mariadb',
    'garbd',
    'memcached',
    'rabbitmq',
    'keystone',
    'keystone-api-proxy',
    'glance',
    'cinder',
  ],
};

function restoreKeeps(mode: string, name: ReleaseName): boolean {
  const kept = RESTORE_RELEASES[mode];
  return kept === undefined || kept.includes(name);
}
