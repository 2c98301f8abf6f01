/**
 * Chart version pins: one table per StarlingX app build (releases/chart-versions.ts), chosen by the
 * profile; every pin of every built-in stack is a version that the shared chart set holds; the
 * chart set reader (folder, app tarball, index file, repository URL) and `validate --charts`.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultFleetLocations, renderFleets } from '../lib/deployment/fleet';
import { fleetSites, materializeSite } from '../lib/engine/fleet';
import { parseYaml12 } from '../lib/engine/yaml';
import { chartArchivePath, checkChartPins, findChart, openChartSet } from '../lib/validate/chart-source';
import { validateStack } from '../lib/validate/validate';
import { ALL_RELEASES } from '../releases';
import { APP_BUILDS, DEFAULT_APP_BUILD } from '../releases/chart-versions';
import { RELEASE_NAMES } from '../releases/names';
import { runBin } from './support/bin';
import { SHARED_CHARTS, sharedChartsPresent, writeAppTarball, writeChartPackage } from './support/chart-packages';
import { aioSimplex } from './support/profiles';
import { renderDeployment, renderStacks } from './support/synth';

const ROOT = path.resolve(__dirname, '..');
const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** chart → version of every HelmRelease in a stack's files. */
function pins(files: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, text] of files) {
    if (!file.endsWith('helmrelease.yaml')) continue;
    const doc = parseYaml12(text, file)[0] as { spec: { chart: { spec: { chart: string; version: string } } } };
    out.set(doc.spec.chart.spec.chart, doc.spec.chart.spec.version);
  }
  return out;
}

describe('the chart version tables', () => {
  it('pin every release of every app build to one exact version', () => {
    for (const [build, { charts }] of Object.entries(APP_BUILDS)) {
      expect([build, Object.keys(charts).sort()]).toEqual([build, [...RELEASE_NAMES].sort()]);
      for (const [release, version] of Object.entries(charts)) expect([release, version]).toEqual([release, expect.stringMatching(EXACT)]);
    }
  });

  it('are the only place the project states chart versions', () => {
    expect(ALL_RELEASES.filter((r) => r.chartVersion !== undefined).map((r) => r.name)).toEqual([]);
  });

  it('give each stack its profile app build, charts.versions over it', () => {
    const stack = renderDeployment(aioSimplex({ name: 'pinned', charts: { appBuild: DEFAULT_APP_BUILD, versions: { nova: '2026.1.7' } } }));
    const table = APP_BUILDS[DEFAULT_APP_BUILD].charts;
    const got = pins(stack.files);
    expect(got.get('nova')).toBe('2026.1.7');
    expect(got.get('keystone')).toBe(table.keystone);
    expect(got.get('ingress-nginx-openstack')).toBe(table['ingress-nginx-openstack']);
  });
});

const describeWithCharts = sharedChartsPresent() ? describe : describe.skip;

describeWithCharts('every pin of every built-in stack against ../shared/charts', () => {
  const set = sharedChartsPresent() ? openChartSet(SHARED_CHARTS) : undefined;

  it('the default app build table is the shared chart set, chart for chart', () => {
    const index = openChartSet(path.join(SHARED_CHARTS, 'index.yaml'));
    const table = APP_BUILDS[DEFAULT_APP_BUILD].charts;
    expect(Object.fromEntries([...index.charts].map(([name, versions]) => [name, versions.map((v) => v.version)]))).toEqual(
      Object.fromEntries(Object.entries(table).map(([name, version]) => [name, [version]])),
    );
  });

  it('resolves every pin of every stack, the starlingx-app stack and the fleet included', () => {
    const fleetSubclouds = renderFleets(defaultFleetLocations(), [path.join(ROOT, 'deployments')]).flatMap((fleet) =>
      fleetSites(fleet.files).map((site) => ({ name: `${fleet.name}/${site}`, files: materializeSite(fleet.files, site) })),
    );
    const stacks = [...renderStacks().filter((s) => !s.name.startsWith('clusters/')), ...fleetSubclouds];
    expect(stacks.map((s) => s.name)).toEqual(expect.arrayContaining(['starlingx-app', 'aio-sx', 'fleet/sample/subcloud2']));
    const problems = stacks.flatMap((s) => checkChartPins(s.files, set!).map((p) => `${s.name}/${p}`));
    expect(problems).toEqual([]);
    const checked = stacks.reduce((n, s) => n + pins(s.files).size, 0);
    expect(checked).toBeGreaterThan(RELEASE_NAMES.length * 3);
  });

  it('reads the folder from its packages with the digests that index.yaml states', () => {
    const index = openChartSet(path.join(SHARED_CHARTS, 'index.yaml'));
    const fromPackages = findChart(set!, 'keystone', APP_BUILDS[DEFAULT_APP_BUILD].charts.keystone);
    expect(fromPackages.digest).toBe(findChart(index, 'keystone', fromPackages.version).digest);
    expect(set!.kind).toBe('folder');
  });
});

describe('chart sets and validate --charts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-set-'));
  const charts = path.join(dir, 'charts');
  fs.mkdirSync(charts);
  const packages = [
    writeChartPackage(charts, 'alpha', '1.2.3'),
    writeChartPackage(charts, 'beta', '4.15.1+STX.1'),
    writeChartPackage(charts, 'alpha', '1.3.0'),
  ];
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a folder of packages: every version of every chart, from each Chart.yaml', () => {
    const set = openChartSet(charts);
    expect(Object.fromEntries([...set.charts].map(([n, v]) => [n, v.map((x) => x.version)]))).toEqual({
      alpha: ['1.2.3', '1.3.0'],
      beta: ['4.15.1+STX.1'],
    });
  });

  it('reads an app tarball (charts/*.tgz inside) and gives each package a local path', () => {
    const tarball = writeAppTarball(path.join(dir, 'app-test-1.0-1.tgz'), packages);
    const set = openChartSet(tarball, { cacheDir: path.join(dir, 'cache') });
    expect(set.kind).toBe('app tarball');
    const beta = findChart(set, 'beta', '4.15.1+STX.1');
    expect(fs.readFileSync(chartArchivePath(beta))).toEqual(fs.readFileSync(packages[1]));
  });

  it('fails when a tarball holds no charts/*.tgz, saying what it is', () => {
    expect(() => openChartSet(packages[0], { cacheDir: path.join(dir, 'cache') })).toThrow(/a single chart package, not an app tarball/);
    expect(() => openChartSet(path.join(dir, 'nowhere'))).toThrow(
      /nowhere: no such file or folder \(expected a chart folder, an app tarball/,
    );
  });

  it('reads a repository index file and an index served over http, packages resolved against it', async () => {
    const served = path.join(dir, 'served');
    fs.mkdirSync(served);
    fs.copyFileSync(packages[0], path.join(served, 'alpha-1.2.3.tgz'));
    fs.writeFileSync(
      path.join(served, 'index.yaml'),
      'apiVersion: v1\nentries:\n  alpha:\n  - name: alpha\n    version: 1.2.3\n    urls: [alpha-1.2.3.tgz]\n',
    );
    expect(chartArchivePath(findChart(openChartSet(path.join(served, 'index.yaml')), 'alpha', '1.2.3'))).toBe(
      path.join(served, 'alpha-1.2.3.tgz'),
    );
    // The reader fetches synchronously through a child process, so the server runs in another one.
    const server = spawn(process.execPath, [
      '-e',
      `require('http').createServer((q, r) => { try { r.end(require('fs').readFileSync(require('path').join(${JSON.stringify(served)}, q.url))); } catch { r.statusCode = 404; r.end(); } }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
    ]);
    try {
      const port = await new Promise<string>((resolve) => server.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
      const set = openChartSet(`http://127.0.0.1:${port}/`, { cacheDir: path.join(dir, 'cache') });
      const alpha = findChart(set, 'alpha', '1.2.3');
      expect(alpha.archive).toBe(`http://127.0.0.1:${port}/alpha-1.2.3.tgz`);
      expect(fs.readFileSync(chartArchivePath(alpha, { cacheDir: path.join(dir, 'cache') }))).toEqual(fs.readFileSync(packages[0]));
      expect(() => openChartSet(`http://127.0.0.1:${port}/missing/`)).toThrow(/missing\/index\.yaml: could not be fetched \(HTTP 404/);
    } finally {
      server.kill();
    }
  });

  it('names release, chart, pin and the available versions of a pin the set does not hold', () => {
    const set = openChartSet(charts);
    const release = (name: string, chart: string, version: string) =>
      `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${name}\nspec:\n  chart:\n    spec:\n      chart: ${chart}\n      version: "${version}"\n`;
    const files = new Map([
      ['a/helmrelease.yaml', release('osh-a', 'alpha', '1.2.3')],
      ['b/helmrelease.yaml', release('osh-b', 'alpha', '0.3.13')],
      ['c/helmrelease.yaml', release('osh-c', 'gamma', '1.0.0')],
      ['d/helmrelease.yaml', release('osh-d', 'beta', '>=0.1.0')],
    ]);
    expect(checkChartPins(files, set)).toEqual([
      `b/helmrelease.yaml: spec.chart.spec.version: release "osh-b": chart "alpha" version "0.3.13" is not in ${charts} (available: 1.2.3, 1.3.0)`,
      `c/helmrelease.yaml: spec.chart.spec.version: release "osh-c": chart "gamma" is not in ${charts} (charts there: alpha, beta)`,
      `d/helmrelease.yaml: spec.chart.spec.version: release "osh-d": chart "beta" version ">=0.1.0" is not in ${charts} (available: 4.15.1+STX.1; a range, not a pin: name one exact version)`,
    ]);
  });

  it('validate --charts refuses a stack with a pin the chart set lacks, exit 1', () => {
    const stackDir = path.join(dir, 'dist', 'pinned');
    const stack = renderDeployment(aioSimplex({ name: 'pinned', charts: { versions: { nova: '0.3.50' } } }));
    for (const [file, text] of stack.files) {
      fs.mkdirSync(path.dirname(path.join(stackDir, file)), { recursive: true });
      fs.writeFileSync(path.join(stackDir, file), text);
    }
    const set = openChartSet(charts);
    const problems = validateStack(stackDir, { kustomize: false, charts: set });
    expect(problems.problems.filter((p) => p.includes('release "nova"'))).toEqual([
      `pinned/nova/helmrelease.yaml: spec.chart.spec.version: release "nova": chart "nova" is not in ${charts} (charts there: alpha, beta)`,
    ]);
    if (!sharedChartsPresent()) return;
    const run = runBin(['validate', stackDir, '--no-kustomize', '--charts', SHARED_CHARTS]);
    expect(run.stdout).toContain(
      `pinned/nova/helmrelease.yaml: spec.chart.spec.version: release "nova": chart "nova" version "0.3.50" is not in ${SHARED_CHARTS} (available: 2026.1.0)`,
    );
    expect(run.stdout).toMatch(/FAILED: 1 stacks, \d+ files, 1 problems/);
    expect(run.status).toBe(1);
  });
});
