/**
 * The StarlingX application's `metadata.yaml`: how the platform's app framework treats the app
 * (name, version, charts off by default, upgrade paths, when to re-apply).
 */
export interface AppMetadata {
  readonly app_name: string;
  readonly app_version: string;
  readonly maintain_user_overrides: boolean;
  readonly class: 'critical' | 'optional';
  /** Derived from the releases that are not enabled by default. */
  readonly disabled_charts: readonly string[];
  readonly upgrades: { readonly auto_update: boolean; readonly from_version: readonly string[] };
  readonly supported_k8s_version: { readonly minimum: string };
  readonly behavior: {
    readonly platform_managed_app: boolean;
    readonly evaluate_reapply: {
      readonly triggers: ReadonlyArray<{ readonly type: string; readonly filters?: ReadonlyArray<Record<string, string | boolean>> }>;
    };
  };
  readonly dependent_apps: ReadonlyArray<{ readonly name: string; readonly version: string; readonly action: string }>;
}

/** What the app metadata says apart from the chart list. */
export const STX_OPENSTACK_APP: Omit<AppMetadata, 'disabled_charts'> = {
  app_name: 'app-openstack',
  app_version: '1.0-2',
  maintain_user_overrides: true,
  class: 'optional',
  upgrades: { auto_update: false, from_version: ['^26\\.03.*', '^25\\.09.*'] },
  supported_k8s_version: { minimum: '1.32' },
  behavior: {
    platform_managed_app: true,
    evaluate_reapply: {
      triggers: [
        { type: 'unlock' },
        { type: 'force-unlock' },
        { type: 'runtime-apply-puppet' },
        { type: 'host-availability-updated' },
        { type: 'kube-upgrade-complete', filters: [{ availability: 'services-enabled' }] },
        { type: 'host-delete', filters: [{ openstack_worker: true }] },
      ],
    },
  },
  dependent_apps: [{ name: 'prometheus', version: '^26\\.10.*', action: 'ignore' }],
};

/** The app's `metadata.yaml` for a set of emitted releases: the ones off by default are `disabled_charts`. */
export function appMetadata(emitted: ReadonlyArray<{ readonly name: string; readonly enabledByDefault?: boolean }>): AppMetadata {
  const { app_name, app_version, maintain_user_overrides, ...rest } = STX_OPENSTACK_APP;
  return {
    app_name,
    app_version,
    maintain_user_overrides,
    class: rest.class,
    disabled_charts: emitted
      .filter((r) => r.enabledByDefault === false)
      .map((r) => r.name)
      .sort(),
    upgrades: rest.upgrades,
    supported_k8s_version: rest.supported_k8s_version,
    behavior: rest.behavior,
    dependent_apps: rest.dependent_apps,
  };
}
