import * as fs from 'fs';
import * as path from 'path';

/** `../shared/reference/stx-openstack`, beside the project. */
export const REFERENCE_ROOT = path.resolve(__dirname, '..', '..', '..', 'shared', 'reference', 'stx-openstack');
export const REFERENCE_MANIFESTS = path.join(REFERENCE_ROOT, 'manifests');

/** True when the reference is present; prints why a test is skipped when it is not (never in CI). */
export function referencePresent(): boolean {
  if (fs.existsSync(REFERENCE_MANIFESTS)) return true;
  if (process.env.CI) throw new Error(`the reference tree ${REFERENCE_MANIFESTS} is missing, and CI must run the parity tests`);
  console.warn(`skipped: ${REFERENCE_MANIFESTS} is absent (the parity tests need ../shared beside the project)`);
  return false;
}

/** Every file below `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out.sort();
}
