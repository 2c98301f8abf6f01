/**
 * Byte-exact snapshots of folders, to prove that a failed synth or a check left a tree alone.
 */
import * as fs from 'fs';
import * as path from 'path';

/**
 * Every entry below `dir`: relative path to content. Files map to their bytes (as a latin1
 * string, byte for byte); folders (empty ones too) to `<folder>`; symlinks to `-> <target>`.
 */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, child);
      if (entry.isSymbolicLink()) out.set(child, `-> ${fs.readlinkSync(full)}`);
      else if (entry.isDirectory()) {
        out.set(`${child}/`, '<folder>');
        walk(child);
      } else out.set(child, fs.readFileSync(full).toString('latin1'));
    }
  };
  walk('');
  return out;
}

/** The paths whose content differs between two snapshots (added, removed or changed). */
export function changedPaths(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

/** Staging (`.<name>.new-*`) or previous (`.<name>.old-*`) folders that an atomic write left beside `target`. */
export function atomicLeftovers(target: string): string[] {
  const parent = path.dirname(target);
  if (!fs.existsSync(parent) || !fs.statSync(parent).isDirectory()) return [];
  const prefix = `.${path.basename(target)}.`;
  return fs.readdirSync(parent).filter((e) => e.startsWith(`${prefix}new-`) || e.startsWith(`${prefix}old-`));
}

/** Every file below `dir` (relative path with `/`) with its text, in directory order. */
export function filesBelow(dir: string, rel = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [file, text] of filesBelow(dir, child)) out.set(file, text);
    else out.set(child, fs.readFileSync(path.join(dir, child), 'utf8'));
  }
  return out;
}
