import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { helmBinary } from '../../lib/commands/helm-template';

/** `../shared/charts`, beside the project: the charts StarlingX's build packages. */
export const SHARED_CHARTS = path.resolve(__dirname, '..', '..', '..', 'shared', 'charts');

/** True when the shared charts are present; prints why a test is skipped when they are not (never in CI). */
export function sharedChartsPresent(): boolean {
  if (fs.existsSync(path.join(SHARED_CHARTS, 'index.yaml'))) return true;
  if (process.env.CI) throw new Error(`the chart set ${SHARED_CHARTS} is missing, and CI must check the chart pins`);
  console.warn(`skipped: ${SHARED_CHARTS} is absent (the chart pin tests need ../shared beside the project)`);
  return false;
}

/** Writes `<dir>/<name>-<version>.tgz`, a minimal chart package (Chart.yaml, one template), as `helm package` lays it out. */
export function writeChartPackage(
  dir: string,
  name: string,
  version: string,
  template = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  value: {{ .Values.value | default "none" | quote }}\n',
): string {
  const work = fs.mkdtempSync(path.join(dir, '.chart-'));
  fs.mkdirSync(path.join(work, name, 'templates'), { recursive: true });
  fs.writeFileSync(path.join(work, name, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\n`);
  fs.writeFileSync(path.join(work, name, 'values.yaml'), 'value: default\n');
  fs.writeFileSync(path.join(work, name, 'templates', 'configmap.yaml'), template);
  const file = path.join(dir, `${name}-${version}.tgz`);
  execFileSync('tar', ['-czf', file, '-C', work, name]);
  fs.rmSync(work, { recursive: true, force: true });
  return file;
}

/** An app tarball as StarlingX builds it: `<app>/charts/*.tgz` beside its metadata. */
export function writeAppTarball(file: string, packages: readonly string[]): string {
  const work = fs.mkdtempSync(path.join(path.dirname(file), '.app-'));
  fs.mkdirSync(path.join(work, 'charts'));
  fs.writeFileSync(path.join(work, 'metadata.yaml'), 'app_name: app-test\napp_version: 1.0-1\n');
  for (const p of packages) fs.copyFileSync(p, path.join(work, 'charts', path.basename(p)));
  execFileSync('tar', ['-czf', file, '-C', work, 'metadata.yaml', 'charts']);
  fs.rmSync(work, { recursive: true, force: true });
  return file;
}

/** True when a Helm v3 binary is found; prints why a render test is skipped when not (never in CI). */
export function helmPresent(): boolean {
  try {
    helmBinary();
    return true;
  } catch (error) {
    if (process.env.CI) throw error;
    console.warn(`skipped: ${(error as Error).message} (the render tests need Helm v3)`);
    return false;
  }
}
