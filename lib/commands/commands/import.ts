/**
 * `import`: regenerates imports/ from the Flux CRDs in ../shared/crds: the typed classes
 * (`cdk8s import`) and the CRD schemas bundled for validate (flux-crd-schemas.json).
 *
 * Checks its inputs before it touches anything: with a CRD file missing it exits 1 and imports/
 * stays as it was. It imports into a temporary folder beside imports/, which replaces imports/ only
 * once every import and the bundle succeeded.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CommandSpec, Reporter, ROOT } from '../command';
import { childEnv } from '../report';
import { replaceFolder } from '../../engine/output-folder';
import { BUNDLED_SCHEMAS, bundleSchemas, CRDS_DIR } from '../../validate/flux-schema';

/** The CRDs imported, in the order of the generated files' history. */
export const CRD_FILES = [
  'helm.toolkit.fluxcd.io_helmreleases.yaml',
  'source.toolkit.fluxcd.io_helmrepositories.yaml',
  'kustomize.toolkit.fluxcd.io_kustomizations.yaml',
] as const;

/** The folder regenerated: the one the bundled schemas live in. */
export const IMPORTS_DIR = path.dirname(BUNDLED_SCHEMAS);

/** The project's cdk8s CLI. */
const CDK8S = path.join(ROOT, 'node_modules', '.bin', 'cdk8s');

/** The CRD files that `dir` lacks (an empty list when all are there). */
export function missingCrds(dir: string = CRDS_DIR): string[] {
  return CRD_FILES.map((f) => path.join(dir, f)).filter((f) => !fs.existsSync(f) || !fs.statSync(f).isFile());
}

function importMain(report: Reporter): void {
  const missing = missingCrds();
  if (missing.length > 0) throw new Error(`missing CRD file(s): ${missing.join(', ')}; imports/ left as it was`);
  // `cdk8s import` records what it imported in the cdk8s.yaml of its working folder (and drops that
  // file's comments): it runs in an empty folder so that the project's cdk8s.yaml stays as it is.
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-import-'));
  try {
    replaceFolder(IMPORTS_DIR, (staging) => {
      fs.chmodSync(staging, 0o755);
      for (const crd of CRD_FILES) {
        const args = ['import', '--no-check-upgrade', '--output', staging, '--language', 'typescript', path.join(CRDS_DIR, crd)];
        const run = spawnSync(CDK8S, args, {
          cwd,
          stdio: ['ignore', 'inherit', 'inherit'],
          env: { ...childEnv(report.color), CDK8S_CHECK_UPGRADE: 'false' },
        });
        if (run.status !== 0)
          throw new Error(`cdk8s import of ${crd} failed (${run.error?.message ?? `exit ${run.status}`}); imports/ left as it was`);
      }
      fs.writeFileSync(path.join(staging, path.basename(BUNDLED_SCHEMAS)), bundleSchemas());
    });
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
  report.note(`wrote ${path.relative(process.cwd(), IMPORTS_DIR)}/: ${fs.readdirSync(IMPORTS_DIR).sort().join(', ')}`);
}

export const importCrds: CommandSpec = {
  name: 'import',
  summary: 'regenerate imports/ (typed Flux classes and bundled CRD schemas) from ../shared/crds',
  description: 'imports/ is replaced only once every import succeeded; a missing CRD file leaves it as it was.',
  arguments: [],
  positionals: { min: 0, max: 0 },
  flags: {},
  examples: ['import'],
  run: ({ report }) => importMain(report),
};
