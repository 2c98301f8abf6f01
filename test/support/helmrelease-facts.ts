/**
 * A release's HelmRelease facts checked against what StarlingX's reference tree states for it
 * (../shared/reference/stx-openstack: `manifests/<name>/helmrelease.yaml` and the app's
 * `metadata.yaml` disabled_charts). The expected facts are written in each release's suite, read
 * from the reference, never from our output.
 */
import { ReleaseDefinition } from '../../releases/define';

export interface HelmReleaseFacts {
  readonly releaseName: string;
  /** `metadata.labels.chart_group` */
  readonly chartGroup: string;
  readonly chart: string;
  /** `spec.dependsOn` names, in the reference's order */
  readonly dependsOn: readonly string[];
  /** Whether the HelmRelease has a `spec.install` block */
  readonly install: boolean;
  /** `disableWait: true` on install and upgrade */
  readonly disableWait: boolean;
  /** Not listed in the app's disabled_charts */
  readonly enabledByDefault: boolean;
}

/** Registers the test that `definition` states the reference's facts. */
export function expectReferenceFacts(definition: ReleaseDefinition, expected: HelmReleaseFacts): void {
  test(`${definition.name}: names, chart, dependsOn, Helm wait flags and default enablement are the reference tree's`, () => {
    const wait = [definition.install?.disableWait, definition.upgrade.disableWait];
    expect({
      releaseName: definition.releaseName,
      chartGroup: definition.chartGroup,
      chart: definition.chart,
      dependsOn: definition.dependsOn,
      install: definition.install !== undefined,
      disableWait: wait.every((flag) => flag === true) ? true : wait.every((flag) => flag !== true) ? false : wait,
      enabledByDefault: definition.enabledByDefault ?? true,
    }).toEqual(expected);
  });
}
