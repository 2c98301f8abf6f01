/**
 * Given a deployment on each Flux target and credentials that hold everything Helm's `--set`
 * parser (strvals) would change, when helm-controller composes each release's values (valuesFrom in
 * order: a values document is parsed as YAML and merged as a map, a targetPath entry is set by
 * strvals, as a literal only where the controller honours `literal`), then every credential leaf
 * holds exactly the credential's string.
 */
import { resolveInput } from '../lib/deployment/app';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCredentials, valuesDocuments } from '../lib/commands/credentials';
import { mergeMaps, setAtPath, targetValue } from '../lib/commands/values';
import { Json, JsonMap, parseSetPath } from '../lib/engine/json';
import { deploymentStack } from '../lib/deployment/stack';
import { splitCredentials } from '../lib/engine/credentials';
import { renderApp } from '../lib/engine/synth';
import { parseYaml11 } from '../lib/engine/yaml';
import { FLUX_TARGETS, FluxTargetName } from '../lib/profile/targets';
import { App } from 'cdk8s';
import { aioDuplex, aioSimplex } from './support/profiles';

/** Every character class strvals or YAML reads specially. */
const HOSTILE = [
  'a,b',
  'k=v',
  'a.b',
  'x[0]',
  '{a,b}',
  'back\\slash',
  ' spaced out ',
  '0123',
  'true',
  'null',
  '12345',
  'yes',
  '~',
  '- dash',
  '#hash',
  'it\'s "q"',
  'line\nbreak',
  ':colon',
];
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUd+/a==\n-----END CERTIFICATE-----\n';

const getAt = (root: Json, segments: readonly (string | number)[]): Json | undefined =>
  segments.reduce<Json | undefined>(
    (node, s) =>
      node === undefined || node === null || typeof node !== 'object' ? undefined : (node as Record<string, Json>)[s as string],
    root,
  );

describe.each(Object.keys(FLUX_TARGETS) as FluxTargetName[])('on %s, credentials reach Helm unchanged', (target) => {
  const deployment = resolveInput(
    aioDuplex({
      name: 'creds',
      https: { enabled: true, certRef: { secretName: 'openstack-public-tls', caKey: 'ca.crt' } },
      flux: { target },
    }),
    'creds.yaml',
  );
  const app = new App({ outdir: '.cdk8s-out' });
  deploymentStack(app, deployment);
  const [stack] = renderApp(app);

  // The Secrets as the cluster holds them: every credential hostile, then the command's documents.
  const mainSecret = deployment.profile.credentials.secretName;
  const secrets = new Map<string, Record<string, string>>();
  let i = 0;
  for (const ref of deployment.credentials) {
    const source = deployment.credentialSources.get(ref.id)!;
    const data = secrets.get(source.name) ?? {};
    data[source.key] ??= ref.kind === 'tls' ? PEM : HOSTILE[i++ % HOSTILE.length];
    secrets.set(source.name, data);
  }
  const documents = valuesDocuments(deployment, mainSecret, secrets.get(mainSecret)!);
  Object.assign(secrets.get(mainSecret)!, documents.data);

  /** helm-controller's composition of one HelmRelease's valuesFrom (chartutil.ChartValuesFromReferences). */
  const compose = (release: string): JsonMap => {
    const hr = parseYaml11(stack.files.get(`${release}/helmrelease.yaml`)!)[0] as { spec: { valuesFrom: Array<Record<string, unknown>> } };
    let values: JsonMap = {};
    for (const ref of hr.spec.valuesFrom) {
      const name = ref.name as string;
      const text = stack.files.get(`${release}/${name}.yaml`) ?? secrets.get(name)?.[ref.valuesKey as string];
      if (text === undefined) throw new Error(`${release}: ${name}/${String(ref.valuesKey)} is not there`);
      if (typeof ref.targetPath === 'string') setAtPath(values, parseSetPath(ref.targetPath), targetValue(text, ref.literal === true));
      else values = mergeMaps(values, (parseYaml11(text)[0] ?? {}) as JsonMap);
    }
    return values;
  };

  test('the credentials command knows every value the documents need', () => {
    expect(documents.lacking).toEqual([]);
  });

  test.each(deployment.releases.filter((r) => splitCredentials(r.systemValues).leaves.length > 0).map((r) => r.definition.name))(
    '%s',
    (release) => {
      const values = compose(release);
      const leaves = splitCredentials(deployment.releases.find((r) => r.definition.name === release)!.systemValues).leaves;
      const wrong = leaves.flatMap((leaf) => {
        const source = deployment.credentialSources.get(leaf.ref.id)!;
        const expected = secrets.get(source.name)![source.key];
        const got = getAt(values, leaf.segments);
        return got === expected ? [] : [`${leaf.targetPath}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`];
      });
      expect(wrong).toEqual([]);
    },
  );
});

describe('the control: strvals without literal would change these values', () => {
  test.each([
    ['a,b', 'a'],
    ['true', true],
    ['null', null],
    ['12345', 12345],
    ['{a,b}', ['a', 'b']],
    ['back\\slash', 'backslash'],
  ])('%j becomes %j', (text, parsed) => {
    expect(targetValue(text, false)).toEqual(parsed);
  });
});

describe('a rotation says what it needs on the target', () => {
  const rotate = async (target: FluxTargetName): Promise<string> => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-rotate-'));
    try {
      fs.mkdirSync(path.join(tmp, 'dist'));
      const deployment = resolveInput(aioSimplex({ flux: { target } }), 'rotate.yaml');
      const request = { deployment, dir: path.join(tmp, 'credentials'), generatedRoot: path.join(tmp, 'dist') };
      await runCredentials(request);
      return (await runCredentials({ ...request, rotate: new Set(['db-password.nova']) })).lines.find((l) => l.startsWith('rotation: '))!;
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  };

  test('stx.11: the watch label is ignored, so it gives the command that upgrades the readers now', async () => {
    const line = await rotate('stx.11');
    expect(line).toMatch(/helm-controller 1\.2\.0 ignores reconcile\.fluxcd\.io\/watch \(it needs >= 1\.4\.0\)/);
    expect(line).toMatch(
      /kubectl -n openstack annotate --overwrite helmrelease [a-z -]*\bnova\b[a-z -]* reconcile\.fluxcd\.io\/requestedAt="\$\(date \+%s\)"$/,
    );
  });

  test('stx.12: the watch label upgrades the readers once the Secret is applied', async () => {
    expect(await rotate('stx.12')).toMatch(
      /^rotation: on stx\.12 \(helm-controller 1\.4\.5\) the Secrets carry reconcile\.fluxcd\.io\/watch: Enabled: .*\bnova\b/,
    );
  });
});
