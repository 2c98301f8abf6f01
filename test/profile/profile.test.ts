import { inventoryJsonSchema } from '../../lib/profile/inventory';
import { profileJsonSchema } from '../../lib/profile/profile';

type JsonSchema = { description?: string; properties?: Record<string, JsonSchema>; [key: string]: unknown };

/** Every property of a JSON Schema, by path, with whether it has a description (the editor's help). */
function fields(schema: unknown, at = ''): Array<{ path: string; described: boolean }> {
  if (typeof schema !== 'object' || schema === null) return [];
  if (Array.isArray(schema)) return schema.flatMap((s) => fields(s, at));
  const s = schema as JsonSchema;
  const own = Object.entries(s.properties ?? {}).flatMap(([key, sub]) => [
    { path: `${at}.${key}`, described: typeof sub.description === 'string' && sub.description.length > 0 },
    ...fields(sub, `${at}.${key}`),
  ]);
  const nested = (['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties'] as const).flatMap((k) =>
    fields(s[k], k === 'items' ? `${at}[]` : k === 'additionalProperties' ? `${at}.*` : at),
  );
  return [...own, ...nested];
}

describe('every field of the published JSON Schemas has a description', () => {
  it.each([
    ['profile', profileJsonSchema()],
    ['inventory', inventoryJsonSchema()],
  ])('the %s schema: no field without one', (_, schema) => {
    const all = fields(schema);
    expect(all.length).toBeGreaterThan(20); // the walk finds the fields
    expect(all.filter((f) => !f.described).map((f) => f.path)).toEqual([]);
  });

  it('the walk finds fields nested in lists, unions and maps, and sees a missing description', () => {
    const schema = {
      properties: {
        a: { description: 'x', items: { properties: { b: {} } } },
        m: { description: 'y', additionalProperties: { anyOf: [{ properties: { c: { description: 'z' } } }] } },
      },
    };
    expect(fields(schema)).toEqual([
      { path: '.a', described: true },
      { path: '.a[].b', described: false },
      { path: '.m', described: true },
      { path: '.m.*.c', described: true },
    ]);
  });

  it('the fields whose omission silently changes values say what they do', () => {
    const hosts = (profileJsonSchema() as JsonSchema).properties!.hosts as JsonSchema;
    const iface = ((hosts.items as JsonSchema).properties!.interfaces as JsonSchema).items as JsonSchema;
    expect(iface.properties!.port.properties!.sriovVfAddresses.description).toMatch(/whitelist/);
  });
});
