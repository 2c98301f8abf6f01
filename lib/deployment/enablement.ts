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
    if (on) enabled.add(release.name);
    else if (asked === true && reason) notes.push(`${release.name}: enabled in the profile but not deployed: it ${reason}`);
  }
  return { enabled, notes };
}
