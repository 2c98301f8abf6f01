/**
 * A fleet inventory: many sites (StarlingX subclouds), each a deployment profile of `deployments/`
 * it extends, with what differs. Inheritance is a deep merge (mappings merge key by key, lists and
 * scalars are replaced); the merged profile then goes through exactly the validation of a profile.
 * This schema checks only the inventory's own shape; the fields a site overrides are checked after
 * the merge, where the profile schema names them.
 */
import { z } from 'zod';

const DNS_LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const mapping = (what: string) => z.record(z.string(), z.unknown()).describe(`${what}; merged over the extended profile's (mappings merge, lists and scalars replace)`);
const list = (what: string) => z.array(z.unknown()).describe(`${what}; replaces the extended profile's list`);

/** The profile fields a site may override (checked after the merge by the profile schema). */
export const OVERRIDABLE_FIELDS = ['description', 'system', 'network', 'hosts', 'datanetworks', 'storage', 'endpoints', 'https', 'charts', 'userOverrides', 'credentials', 'helmRepository', 'helmReleases', 'images', 'flux'] as const;

export const siteSchema = z
  .object({
    name: z.string().regex(DNS_LABEL, 'expected a site name (lower-case DNS label)').describe('the site: its overlay folder dist/fleet/<inventory>/<name>/ and profile name'),
    extends: z.string().min(1).describe('name of the deployment profile (in deployments/) this site inherits from'),
    description: z.string().optional(),
    system: mapping('system: regionName, ...'),
    network: mapping('addresses: clusterHost, oam, ...'),
    hosts: list('hosts'),
    datanetworks: list('datanetworks'),
    storage: mapping('storage'),
    endpoints: mapping('endpoints'),
    https: mapping('https'),
    charts: mapping('charts: enabled, versions, ...'),
    userOverrides: mapping('user Helm values per release'),
    credentials: mapping('credentials: secretName, overrides'),
    helmRepository: mapping('helmRepository'),
    helmReleases: mapping('helmReleases'),
    images: mapping('images'),
    flux: mapping('flux: target (the StarlingX release or Flux versions of this site), intervals, ...'),
  })
  .partial({ system: true, network: true, hosts: true, datanetworks: true, storage: true, endpoints: true, https: true, charts: true, userOverrides: true, credentials: true, helmRepository: true, helmReleases: true, images: true, flux: true })
  .strict();

export const inventorySchema = z
  .object({
    description: z.string().optional(),
    subclouds: z.array(siteSchema).min(1).describe('the sites of the fleet, each one overlay'),
  })
  .strict();

export type InventorySite = z.output<typeof siteSchema>;
export type Inventory = z.output<typeof inventorySchema>;

/** The JSON Schema of an inventory (deployments/fleets/inventory.schema.json, `npm run schema`). */
export function inventoryJsonSchema(): object {
  return {
    ...z.toJSONSchema(inventorySchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://stx-openstack-gitops/inventory.schema.json',
    title: 'stx-openstack-gitops fleet inventory',
  };
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge of profile input: mappings merge key by key; lists, scalars and null replace. */
export function mergeProfileInput(base: unknown, overlay: unknown): unknown {
  if (!isMapping(base) || !isMapping(overlay)) return overlay;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) out[key] = key in out ? mergeProfileInput(out[key], value) : value;
  return out;
}
