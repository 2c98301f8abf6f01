/**
 * The fleet inventories as the commands read them from their sources (deployments/fleets/, or
 * --fleet), not from dist/fleet/: each subcloud merged over the profile it extends
 * (lib/deployment/fleet.ts loadInventory). `credentials` and `fleet list|show` read them here.
 */
import { inventoryFiles, LoadedInventory, loadInventory, profileInputs } from '../deployment/fleet';

/** One subcloud of an inventory: its name, `inventory/name`, and its merged profile input. */
export interface InventorySubcloud {
  readonly inventory: LoadedInventory;
  readonly site: LoadedInventory['subclouds'][number];
  readonly name: string;
  /** `inventory/name`. */
  readonly full: string;
}

/** Every inventory of the fleet locations, each subcloud merged over a profile of the profile locations. */
export function loadInventories(profileLocations: readonly string[], fleetLocations: readonly string[]): LoadedInventory[] {
  const inputs = profileInputs(profileLocations);
  return fleetLocations.flatMap((l) => inventoryFiles(l)).map((f) => loadInventory(f, inputs));
}

/** The subclouds of inventories, in inventory order. */
export function inventorySubclouds(inventories: readonly LoadedInventory[]): InventorySubcloud[] {
  return inventories.flatMap((inventory) =>
    inventory.subclouds.map((site) => {
      const name = String((site.input as { name?: unknown }).name);
      return { inventory, site, name, full: `${inventory.name}/${name}` };
    }),
  );
}

/** The subclouds a name means: `inventory/subcloud`, or a subcloud's own name (several when inventories share it). */
export function subcloudsNamed(name: string, subclouds: readonly InventorySubcloud[]): InventorySubcloud[] {
  return subclouds.filter((s) => s.full === name || s.name === name);
}
