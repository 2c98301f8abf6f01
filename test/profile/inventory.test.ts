import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { z } from 'zod';
import { loadInventory, profileInputs, resolveSubcloud } from '../../lib/deployment/fleet';
import { inventorySchema, mergeProfileInput, siteSchema, siteSchemaOf } from '../../lib/profile/inventory';
import { parseProfile, parseProfileOver } from '../../lib/profile/loader';
import { deploymentProfileSchema, profileJsonSchema } from '../../lib/profile/profile';
import { INVENTORY_SCHEMA_FILE, renderInventorySchema } from '../../scripts/schema';
import { newFieldName } from '../support/new-field';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the subcloud schema is derived from the profile schema', () => {
  it('a field added to the profile schema is accepted in a subcloud with no other edit', () => {
    // given a profile schema with a new field (`logging` while the profile has none)
    const field = newFieldName();
    const extended = deploymentProfileSchema.extend({
      [field]: z
        .object({ debug: z.boolean().default(false) })
        .strict()
        .prefault({})
        .describe('log levels of the services'),
    });
    const site = { name: 'sc1', extends: 'aio-sx', [field]: { debug: true } };
    // then today's subcloud schema refuses it, and the one derived from the extended schema accepts it as written
    expect(siteSchema.safeParse(site).success).toBe(false);
    const derived = siteSchemaOf(extended);
    expect(derived.parse(site)).toEqual(site);
    // and its description reaches the inventory's JSON Schema
    const json = z.toJSONSchema(derived, { io: 'input' }) as { properties: Record<string, { description?: string }> };
    expect(json.properties[field].description).toMatch(/^log levels of the services; merged over/);
  });

  it('every profile field but name is a subcloud field; name and extends are the site own', () => {
    const profileFields = Object.keys(deploymentProfileSchema.shape).filter((k) => k !== 'name');
    expect(Object.keys(siteSchema.shape).sort()).toEqual(['extends', 'name', ...profileFields].sort());
  });

  it('applies no default of the profile: an overlay carries only what the site wrote', () => {
    const site = {
      name: 'sc1',
      extends: 'aio-sx',
      horizon: { lockout: { retries: 3, seconds: 300 } },
      charts: { enabled: { aodh: false } },
    };
    expect(siteSchema.parse(site)).toEqual(site);
  });

  it('checks a scalar field with the profile type, naming the field', () => {
    const result = siteSchema.safeParse({ name: 'sc1', extends: 'aio-sx', applyMode: 'restore_everything' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['applyMode']);
    expect(siteSchema.safeParse({ name: 'sc1', extends: 'aio-sx', applyMode: 'restore_db', vswitch: 'ovs-dpdk' }).success).toBe(true);
  });

  it('refuses a key that is no profile field, and a mapping field given as a list', () => {
    expect(siteSchema.safeParse({ name: 'sc1', extends: 'aio-sx', loging: {} }).error?.issues[0].message).toMatch(
      /Unrecognized key: "loging"/,
    );
    expect(siteSchema.safeParse({ name: 'sc1', extends: 'aio-sx', horizon: [] }).error?.issues[0].path).toEqual(['horizon']);
  });

  it('a subcloud that sets fields it could not set before (horizon, applyMode, flux) resolves with them', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-')), 'fleet.json');
    const overlay = { horizon: { lockout: { retries: 5, seconds: 600 } }, flux: { interval: '5m' }, applyMode: 'restore_db' };
    fs.writeFileSync(file, JSON.stringify({ subclouds: [{ name: 'sc9', extends: 'aio-sx-subcloud', ...overlay }] }));
    const [site] = loadInventory(file, profileInputs([path.join(ROOT, 'deployments')])).subclouds;
    const profile = resolveSubcloud(site).profile;
    expect(profile.horizon.lockout).toEqual({ retries: 5, seconds: 600 });
    expect(profile.flux.interval).toBe('5m');
    expect(profile.applyMode).toBe('restore_db');
    expect(profile.flux.timeout).toBe('60m'); // the rest of the mapping from the profile defaults
  });
});

describe('deployments/fleets/inventory.schema.json', () => {
  it('is what the inventory schema generates (run npm run schema after changing lib/profile/profile.ts or inventory.ts)', () => {
    expect(fs.readFileSync(INVENTORY_SCHEMA_FILE, 'utf8')).toBe(renderInventorySchema());
  });

  it('names every profile field but name as a subcloud property', () => {
    const inventory = JSON.parse(renderInventorySchema()) as {
      properties: { subclouds: { items: { properties: Record<string, unknown>; additionalProperties: boolean } } };
    };
    const profile = profileJsonSchema() as { properties: Record<string, unknown> };
    const site = inventory.properties.subclouds.items;
    expect(Object.keys(site.properties)).toEqual(expect.arrayContaining(Object.keys(profile.properties)));
    expect(site.additionalProperties).toBe(false);
  });

  it('the sample inventory is valid', () => {
    const sample = path.join(ROOT, 'deployments', 'fleets', 'sample.yaml');
    expect(loadInventory(sample, profileInputs([path.join(ROOT, 'deployments')])).subclouds).toHaveLength(3);
    expect(inventorySchema.shape.subclouds).toBeDefined();
  });
});

describe('parseProfileOver: a subcloud parsed over the parse of the profile it extends', () => {
  const profiles = profileInputs([path.join(ROOT, 'deployments')]);
  const baseInput = profiles.get('aio-sx-subcloud');
  const base = { input: baseInput, profile: parseProfile(baseInput, 'aio-sx-subcloud.yaml') };
  const over = (overlay: Record<string, unknown>) => mergeProfileInput(baseInput, { name: 'sc1', ...overlay });

  it.each([
    ['a region and an address', { system: { regionName: 'sc1' }, network: { oam: { floatingAddress: '10.30.1.2' } } }],
    ['charts and credentials', { charts: { enabled: { aodh: false } }, credentials: { secretName: 'sc1-credentials' } }],
    ['an optional field the profile lacks', { description: 'one subcloud' }],
    ['nothing but the name', {}],
  ])('%s: the same profile as the whole parse, key order included', (_, overlay) => {
    const input = over(overlay);
    const whole = parseProfile(input, 'x.yaml');
    const parsed = parseProfileOver(base, input, { file: 'x.yaml' });
    expect(parsed).toStrictEqual(whole);
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(whole));
    // the fields it does not replace are the base's parse itself
    expect((parsed as { hosts: unknown }).hosts).toBe((base.profile as { hosts: unknown }).hosts);
  });

  it.each([
    ['a bad value', { system: { regionName: 'bad region!' } }],
    ['an unknown field', { loging: {} }],
    ['a wrong type', { network: [] }],
  ])('%s: the error of the whole parse, word for word', (_, overlay) => {
    const input = over(overlay);
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected an error');
    };
    const whole = message(() => parseProfile(input, { file: 'x.yaml' }));
    expect(whole).toMatch(/x\.yaml/);
    expect(message(() => parseProfileOver(base, input, { file: 'x.yaml' }))).toBe(whole);
  });
});
