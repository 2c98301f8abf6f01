/**
 * A fleet inventory: many sites (StarlingX subclouds), each a deployment profile of `deployments/`
 * it extends, with what differs. Inheritance is a deep merge (mappings merge key by key, lists and
 * scalars are replaced); the merged profile then goes through exactly the validation of a profile.
 * A site's fields are derived from the profile schema (siteSchemaOf): mappings and lists are
 * checked after the merge, where the profile schema names them; scalars here, with the profile's type.
 */
import { z } from 'zod';
import { deploymentProfileSchema } from './profile';
import { isMapping } from '../engine/json';

const DNS_LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The schema under defaults, optionals and transforms: what kind of value a field holds. */
function innermost(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
  if (def.innerType && ['default', 'prefault', 'optional', 'nullable'].includes(def.type)) return innermost(def.innerType);
  if (def.type === 'pipe' && def.in) return innermost(def.in);
  return schema;
}

/** The description of a field, looked for through its wrappers. */
function descriptionOf(schema: z.ZodType): string | undefined {
  if (schema.description !== undefined) return schema.description;
  const def = schema._zod.def as { innerType?: z.ZodType; in?: z.ZodType };
  const inner = def.innerType ?? def.in;
  return inner ? descriptionOf(inner) : undefined;
}

/**
 * What a site may set for one profile field, as written (no defaults applied, so that a site's
 * overlay never carries a value it did not write): a mapping merges over the extended profile's,
 * a list replaces it (both checked after the merge by the profile schema), a scalar is checked
 * here with the profile's own type.
 */
function overlayField(field: z.ZodType): z.ZodType {
  const inner = innermost(field);
  const about = descriptionOf(field);
  const said = about === undefined ? '' : `${about}; `;
  switch (inner._zod.def.type) {
    case 'object':
    case 'record':
      return z
        .record(z.string(), z.unknown())
        .optional()
        .describe(`${said}merged over the extended profile's (mappings merge, lists and scalars replace)`);
    case 'array':
      return z.array(z.unknown()).optional().describe(`${said}replaces the extended profile's list`);
    default:
      return inner.optional().describe(`${said}replaces the extended profile's value`);
  }
}

/**
 * The schema of a site, derived from a profile schema: every profile field but `name` may be
 * overridden, so a new profile field is a site field with no other edit.
 */
export function siteSchemaOf(profileSchema: z.ZodObject) {
  const { name: _name, ...fields } = profileSchema.shape;
  void _name;
  const overlay = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, overlayField(field as z.ZodType)]));
  return z
    .object({
      name: z
        .string()
        .regex(DNS_LABEL, 'expected a site name (lower-case DNS label)')
        .describe('the site: its overlay folder dist/fleet/<inventory>/<name>/ and profile name'),
      extends: z.string().min(1).describe('name of the deployment profile (in deployments/) this site inherits from'),
      ...overlay,
    })
    .strict();
}

export const siteSchema = siteSchemaOf(deploymentProfileSchema);

export const inventorySchema = z
  .object({
    description: z.string().optional().describe('what this fleet is, for people'),
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

/** Deep merge of profile input: mappings merge key by key; lists, scalars and null replace. */
export function mergeProfileInput(base: unknown, overlay: unknown): unknown {
  if (!isMapping(base) || !isMapping(overlay)) return overlay;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) out[key] = key in out ? mergeProfileInput(out[key], value) : value;
  return out;
}
