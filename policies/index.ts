/**
 * RBAC policy sets, applied as an opt-in overlay per deployment (`policies: [enhanced-rbac]` in a
 * profile): each set gives values per release, merged over the release's system values.
 */
import type { Values } from '../lib/engine/values';
import type { ReleaseName } from '../releases/names';
import { enhancedRbac } from './enhanced-rbac';

export const POLICY_SETS: Readonly<Record<string, Partial<Record<ReleaseName, Values>>>> = {
  'enhanced-rbac': enhancedRbac,
};

export const POLICY_SET_NAMES = Object.keys(POLICY_SETS);
