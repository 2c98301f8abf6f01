/**
 * Checks of a folder of Flux entry points (`clusters/<site>/*.yaml`, one Flux Kustomization per
 * file, no kustomization.yaml): dependsOn targets among the cluster's Kustomizations, no cycle, and
 * each `spec.path` present in the repository that holds the tree.
 */
import * as fs from 'fs';
import * as path from 'path';
import { findCycle } from '../engine/depends-on';
import { yaml12Of } from './parsed';
import { isMapping, Mapping } from '../engine/json';

const isFluxKustomization = (doc: unknown): boolean =>
  isMapping(doc) &&
  typeof doc.apiVersion === 'string' &&
  doc.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/') &&
  doc.kind === 'Kustomization';

/** True when the folder's files are Flux entry points: YAML files of Flux Kustomizations only, no kustomization.yaml. */
export function isEntrypointFolder(files: ReadonlyMap<string, string>): boolean {
  const yaml = [...files.keys()].filter((f) => /\.ya?ml$/.test(f));
  if (yaml.length === 0 || yaml.some((f) => path.posix.basename(f) === 'kustomization.yaml' && !f.includes('/flux-system/'))) return false;
  return yaml
    .filter((f) => !f.includes('/flux-system/'))
    .every((f) => {
      try {
        return yaml12Of(files, f).every((d) => d === null || isFluxKustomization(d));
      } catch {
        return false;
      }
    });
}

/**
 * The problems of an entry-point folder. `repoRoot` is the folder that Flux's GitRepository
 * checks out (paths are relative to it); paths that point into `generatedRoot` (the tree being
 * validated) must exist. Either undefined skips the path check.
 */
export function checkEntrypoints(files: ReadonlyMap<string, string>, repoRoot: string | undefined, generatedRoot?: string): string[] {
  const problems: string[] = [];
  const bySite = new Map<string, Array<{ file: string; doc: Mapping }>>();
  for (const file of files.keys()) {
    if (!/\.ya?ml$/.test(file) || file.includes('/flux-system/')) continue;
    const site = path.posix.dirname(file);
    for (const doc of yaml12Of(files, file)) {
      if (!isFluxKustomization(doc)) continue;
      bySite.set(site, [...(bySite.get(site) ?? []), { file, doc: doc as Mapping }]);
    }
  }
  for (const entries of bySite.values()) {
    const names = new Set(entries.map(({ doc }) => String((doc.metadata as Mapping | undefined)?.name)));
    const edges = new Map<string, string[]>();
    for (const { file, doc } of entries) {
      const spec = (isMapping(doc.spec) ? doc.spec : {}) as Mapping;
      const name = String((doc.metadata as Mapping | undefined)?.name);
      const targets = Array.isArray(spec.dependsOn) ? spec.dependsOn.map((d) => String((d as Mapping).name)) : [];
      edges.set(name, targets);
      targets.forEach((t, i) => {
        if (!names.has(t)) problems.push(`${file}: spec.dependsOn[${i}]: Kustomization ${JSON.stringify(t)} is not defined beside it`);
      });
      // Paths into the generated tree must exist; others (the operator's credentials folder) are theirs to create.
      const target = typeof spec.path === 'string' && repoRoot ? path.join(repoRoot, spec.path) : undefined;
      if (target && generatedRoot && target.startsWith(generatedRoot + path.sep) && !fs.existsSync(target)) {
        problems.push(`${file}: spec.path: ${spec.path} does not exist in the repository (${repoRoot})`);
      }
    }
    const cycle = findCycle(edges);
    if (cycle) problems.push(`${entries[0].file}: spec.dependsOn: cycle ${cycle}`);
  }
  return problems;
}
