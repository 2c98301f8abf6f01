/**
 * `npm run render` and `npm run diff -- --rendered` on a small stack and a chart of our own: the
 * effective values reach Helm, credentials are filled and masked, a config file is found as the
 * pod sees it, a missing chart is named, and the rendered diff names the objects and lines that
 * change. Needs a Helm v3 binary (HELM or helm on PATH).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findConfigFiles, formatRelease, maskText, placeholderCredential, renderStackReleases } from '../lib/commands/render';
import { diffRenderedStacks, formatRenderedDiff } from '../lib/commands/rendered-diff';
import { stackFromFiles } from '../lib/commands/values';
import { openChartSet } from '../lib/validate/chart-source';
import { parseRenderArgs } from '../scripts/render';
import Ajv from 'ajv';
import { findCommand, runCli } from '../lib/commands/registry';
import { writeChartPackage, helmPresent } from './support/chart-packages';
import { runBin } from './support/bin';

const TEMPLATE = `apiVersion: v1
kind: Secret
metadata:
  name: {{ .Release.Name }}-etc
type: Opaque
data:
  app.conf: {{ include "conf" . | b64enc }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-bin
data:
  start.sh: |
    exec app --workers {{ .Values.workers }}
`;
const HELPERS = `{{- define "conf" -}}
[DEFAULT]
workers = {{ .Values.workers }}
[database]
connection = mysql://app:{{ .Values.password }}@db/app
{{- end -}}
`;

/** A stack folder of one release: static values, the password from a Secret outside the tree. */
function stackFiles(workers: number): Map<string, string> {
  return new Map([
    ['kustomization.yaml', 'namespace: openstack\nresources:\n  - app\n'],
    [
      'app/kustomization.yaml',
      'resources:\n  - helmrelease.yaml\nsecretGenerator:\n  - name: app-static\n    files:\n      - app-static-overrides.yaml\n',
    ],
    ['app/app-static-overrides.yaml', `workers: ${workers}\n`],
    [
      'app/helmrelease.yaml',
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\nspec:\n  releaseName: osh-app\n  chart:\n    spec:\n      chart: app\n      version: 1.0.0\n' +
        '  valuesFrom:\n    - kind: Secret\n      name: app-static\n      valuesKey: app-static-overrides.yaml\n    - kind: Secret\n      name: creds\n      valuesKey: db-password\n      targetPath: password\n',
    ],
  ]);
}

const describeWithHelm = helmPresent() ? describe : describe.skip;

describeWithHelm('rendering a stack', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-'));
  const charts = path.join(dir, 'charts');
  fs.mkdirSync(charts);
  const chartFile = writeChartPackage(charts, 'app', '1.0.0', TEMPLATE);
  // writeChartPackage writes one template; add the helper the template includes.
  const work = path.join(dir, 'chart');
  fs.mkdirSync(work);
  spawnSync('tar', ['-xzf', chartFile, '-C', work]);
  fs.writeFileSync(path.join(work, 'app', 'templates', '_helpers.tpl'), HELPERS);
  spawnSync('tar', ['-czf', chartFile, '-C', work, 'app']);
  const set = openChartSet(charts);
  const env = { ...process.env, STX_RENDER_CACHE: path.join(dir, 'cache') };
  process.env.STX_RENDER_CACHE = env.STX_RENDER_CACHE;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the effective values to the chart and fills the credential from the credentials given', async () => {
    const { releases, credentialValues } = await renderStackReleases(stackFromFiles(stackFiles(3)), {
      charts: set,
      credentials: new Map([['creds/db-password', 'S3cret-pw']]),
    });
    expect(releases.map((r) => [r.release, r.error, r.objects.map((o) => o.id)])).toEqual([
      ['app', undefined, ['Secret/osh-app-etc', 'ConfigMap/osh-app-bin']],
    ]);
    const [conf] = findConfigFiles(releases, 'app.conf', credentialValues);
    expect(conf).toMatchObject({ release: 'app', object: 'Secret/osh-app-etc' });
    expect(conf.text).toBe('[DEFAULT]\nworkers = 3\n[database]\nconnection = mysql://app:***@db/app');
    expect(findConfigFiles(releases, 'app.conf', credentialValues, true)[0].text).toContain('mysql://app:S3cret-pw@db/app');
    const printed = formatRelease(releases[0], credentialValues);
    expect(printed).not.toContain('S3cret-pw');
    expect(printed).toContain('stringData:');
  });

  it('stands a placeholder in for a credential no file provides', async () => {
    const { releases, credentialValues } = await renderStackReleases(stackFromFiles(stackFiles(3)), { charts: set });
    expect(findConfigFiles(releases, 'app.conf', credentialValues, true)[0].text).toContain(
      `mysql://app:${placeholderCredential('creds', 'db-password')}@db/app`,
    );
  });

  /** The form every target writes: the release reads its credentials as one values document, whole. */
  function stackReadingValuesDocument(): Map<string, string> {
    const files = stackFiles(3);
    files.set(
      'app/helmrelease.yaml',
      files
        .get('app/helmrelease.yaml')!
        .replace('      valuesKey: db-password\n      targetPath: password\n', '      valuesKey: helm-values.app.yaml\n'),
    );
    return files;
  }

  it("takes a release's credentials values document (read whole, no targetPath) from the credentials given, and masks each value in it", async () => {
    const credentials = new Map([['creds/helm-values.app.yaml', 'password: S3cret-pw\n']]);
    const { releases, credentialValues } = await renderStackReleases(stackFromFiles(stackReadingValuesDocument()), {
      charts: set,
      credentials,
    });
    expect(releases[0].notGiven).toEqual([]);
    expect(findConfigFiles(releases, 'app.conf', credentialValues, true)[0].text).toContain('mysql://app:S3cret-pw@db/app');
    expect(findConfigFiles(releases, 'app.conf', credentialValues)[0].text).toContain('mysql://app:***@db/app');
  });

  it('names a values document neither the tree nor the credentials give (the chart default stands in)', async () => {
    const { releases } = await renderStackReleases(stackFromFiles(stackReadingValuesDocument()), { charts: set });
    expect(releases[0].notGiven).toEqual([expect.stringContaining('Secret creds key helm-values.app.yaml is not in the tree')]);
  });

  it('names the release, chart, pin and available versions when the chart set lacks the chart', async () => {
    const files = stackFiles(3);
    files.set('app/helmrelease.yaml', files.get('app/helmrelease.yaml')!.replace('version: 1.0.0', 'version: 2.0.0'));
    const { releases } = await renderStackReleases(stackFromFiles(files), { charts: set });
    expect(releases[0].error).toBe(`release "app": chart "app" version "2.0.0" is not in ${charts} (available: 1.0.0)`);
  });

  it('diff --rendered: the changed objects and config lines, credentials masked', async () => {
    const credentials = new Map([['creds/db-password', 'S3cret-pw']]);
    const diffs = await diffRenderedStacks(
      new Map([['lab', stackFromFiles(stackFiles(3))]]),
      new Map([['lab', stackFromFiles(stackFiles(5))]]),
      set,
      credentials,
    );
    const text = formatRenderedDiff(diffs, 'HEAD:dist', 'dist');
    expect(text).toContain('  ~ Secret/osh-app-etc\n    ~ stringData.app\\.conf:\n      - workers = 3\n      + workers = 5\n');
    expect(text).toContain('  ~ ConfigMap/osh-app-bin\n');
    expect(text).toMatch(/1 stack\(s\), 1 release\(s\), 2 object change\(s\)\n$/);
    expect(text).not.toContain('S3cret-pw');
    const same = await diffRenderedStacks(
      new Map([['lab', stackFromFiles(stackFiles(3))]]),
      new Map([['lab', stackFromFiles(stackFiles(3))]]),
      set,
      credentials,
    );
    expect(same).toEqual([]);
  });

  it('npm run render -- <stack> --file: the config file as the pod sees it; exit 1 on a missing file', () => {
    const stackDir = path.join(dir, 'dist', 'lab');
    for (const [file, text] of stackFiles(4)) {
      fs.mkdirSync(path.dirname(path.join(stackDir, file)), { recursive: true });
      fs.writeFileSync(path.join(stackDir, file), text);
    }
    const run = (...args: string[]) => runBin(['render', stackDir, ...args], env);
    const ok = run('--charts', charts, '--file', 'app.conf');
    expect(ok.stdout).toBe(
      `# app: Secret/osh-app-etc key app.conf, credentials masked\n[DEFAULT]\nworkers = 4\n[database]\nconnection = mysql://app:***@db/app\n`,
    );
    expect(ok.status).toBe(0);
    const missing = run('app', '--charts', charts, '--file', 'nova.conf');
    expect(missing.stderr).toContain('render: no ConfigMap or Secret of release "app" holds a file "nova.conf"');
    expect(missing.status).toBe(1);
  }, 120_000);

  it('diff --rendered --json: the changed objects as its JSON Schema says, credentials masked; exit 1', async () => {
    // A git repository whose committed dist/ renders 3 workers and whose working tree 5.
    const repo = path.join(dir, 'repo');
    const write = (workers: number) => {
      for (const [file, text] of stackFiles(workers)) {
        fs.mkdirSync(path.dirname(path.join(repo, 'dist', 'lab', file)), { recursive: true });
        fs.writeFileSync(path.join(repo, 'dist', 'lab', file), text);
      }
    };
    write(3);
    const git = (...args: string[]) =>
      expect(spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' }).status).toBe(0);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'lab');
    write(5);
    let stdout = '';
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
    const cwd = process.cwd();
    let code: number;
    try {
      process.chdir(repo);
      code = await runCli(['diff', '--rendered', '--charts', charts, '--json'], {
        stdout: { isTTY: false, write: () => true },
        stderr: { isTTY: false, write: () => true },
      });
    } finally {
      process.chdir(cwd);
      out.mockRestore();
    }
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    const validate = new Ajv({ strict: false }).compile(findCommand('diff').json!);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc.rendered).toBe(true);
    expect(doc.changed).toBe(true);
    expect(doc.diffs.map((d: { stack: string }) => d.stack)).toEqual(['lab']);
    const objects = doc.diffs[0].releases[0].objects;
    expect(objects.map((o: { id: string; kind: string }) => `${o.kind} ${o.id}`).sort()).toEqual([
      'changed ConfigMap/osh-app-bin',
      'changed Secret/osh-app-etc',
    ]);
    const conf = objects.find((o: { id: string }) => o.id === 'Secret/osh-app-etc').leaves[0];
    expect(conf.path).toBe('stringData.app\\.conf');
    expect(conf.old).toContain('workers = 3');
    expect(conf.new).toContain('workers = 5');
    // the placeholder credential is masked on both sides
    expect(stdout).not.toContain(placeholderCredential('creds', 'db-password'));
  }, 120_000);
});

describe('the render command line', () => {
  it('takes <stack> [<release>] and needs --charts', () => {
    const saved = process.env.STX_CHARTS;
    delete process.env.STX_CHARTS;
    try {
      expect(parseRenderArgs(['aio-sx', 'nova', '--charts', 'c', '--file', 'nova.conf', '--show-secrets'])).toEqual({
        stack: 'aio-sx',
        release: 'nova',
        charts: 'c',
        file: 'nova.conf',
        showSecrets: true,
      });
      expect(() => parseRenderArgs(['aio-sx'])).toThrow(/--charts is required/);
      expect(() => parseRenderArgs(['a', 'b', 'c', '--charts', 'x'])).toThrow("expected 1 to 2 arguments, got 'a' 'b' 'c'");
    } finally {
      if (saved !== undefined) process.env.STX_CHARTS = saved;
    }
  });
});

describe('masking', () => {
  it('masks credential values, secret-setting lines and private keys, and nothing else', () => {
    const text =
      'password = hunter22\nuser = admin\nurl = rabbit://nova:pw-1234@host\nkey: -----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----';
    expect(maskText(text, new Set(['pw-1234']))).toBe('password = ***\nuser = admin\nurl = rabbit://nova:***@host\nkey: ***');
  });
});
