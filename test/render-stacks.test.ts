/**
 * Every enabled release of every built-in stack (and a fleet subcloud, standalone) rendered with
 * the charts StarlingX builds (../shared/charts) through Helm v3, from the effective values as
 * helm-controller computes them; then what the pods would read is scanned: no Go template leftovers
 * (`<nil>`, `<no value>`, `%!`), no build tokens, no published default secrets, no empty hosts, and
 * transport URLs that name only RabbitMQ members that exist.
 * Needs ../shared and a Helm v3 binary; renders are cached (lib/commands/helm-template.ts).
 */
import { helmBinary } from '../lib/commands/helm-template';
import { RenderedRelease, renderStackReleases } from '../lib/commands/render';
import { Json, JsonMap, stackFromFiles } from '../lib/commands/values';
import { openChartSet } from '../lib/validate/chart-source';
import { SHARED_CHARTS, sharedChartsPresent } from './support/chart-packages';
import { renderStack } from './support/synth';

/** Releases whose chart fails upstream, with StarlingX's own values too (../shared/charts/README.md). */
const KNOWN_CHART_FAILURES: Readonly<Record<string, RegExp>> = { ironic: /deployment-api\.yaml/ };

/** Releases that render no object in the built-in stacks, and why that is right. */
const EMPTY_RELEASES: string[] = [];

const STACKS = ['aio-sx', 'aio-dx', 'standard', 'aio-sx-subcloud'] as const;

function helmPresent(): boolean {
  try {
    helmBinary();
    return true;
  } catch (error) {
    if (process.env.CI) throw error;
    console.warn(`skipped: ${(error as Error).message} (the render tests need Helm v3)`);
    return false;
  }
}

const ready = sharedChartsPresent() && helmPresent();
const describeRendered = ready ? describe : describe.skip;

/** The texts a pod reads: ConfigMap data, and Secret data decoded. */
function configTexts(release: RenderedRelease): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  for (const object of release.objects) {
    const kind = object.doc.kind;
    if (kind !== 'ConfigMap' && kind !== 'Secret') continue;
    for (const field of ['data', 'stringData'] as const) {
      const data = object.doc[field] as JsonMap | undefined;
      if (!data || typeof data !== 'object') continue;
      for (const [key, value] of Object.entries(data)) {
        const raw = String(value);
        const text = kind === 'Secret' && field === 'data' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
        out.push({ where: `${release.release} ${object.id} ${key}`, text });
      }
    }
  }
  return out;
}

/** Findings of one text: template leftovers, build tokens, published secrets, empty hosts. */
export function scanConfigText(text: string): string[] {
  const findings: string[] = [];
  const rules: Array<[string, RegExp]> = [
    ['<nil>', /<nil>/],
    ['<no value>', /<no value>/],
    ['fmt error', /%!\w?\(/],
    ['build token', /@(IMAGE_PREFIX|OS|OS_CODENAME|OS_ARCH|BUILD_STREAM|IMAGE_SUFFIX|PLATFORM_REGISTRY)@/],
    ['published secret', /^\s*(metadata_proxy_shared_secret|memcache_secret_key|password|admin_password|secret_key)\s*[=:]\s*"?(password|secret)"?\s*$/im],
    // A network URL whose host is empty (`rabbit://u:p@:5672`, `http://:80`); file:/// and qemu+unix:/// have none by design.
    ['empty host', /\b(https?|rabbit|mysql\+pymysql|memcached?):\/\/([^\s/@]*@)?(:|\/|$)/m],
  ];
  for (const [name, pattern] of rules) {
    const match = pattern.exec(text);
    if (match) findings.push(`${name}: ${text.split('\n').find((line) => pattern.test(line)) ?? match[0]}`.slice(0, 200));
  }
  return findings;
}

describeRendered('every release of every built-in stack renders with the shared charts', () => {
  const rendered = new Map<string, RenderedRelease[]>();

  beforeAll(async () => {
    const charts = openChartSet(SHARED_CHARTS);
    for (const name of STACKS) {
      const stack = stackFromFiles(renderStack(name).files);
      const { releases } = await renderStackReleases(stack, { charts, concurrency: 2 });
      rendered.set(name, releases);
    }
    const counts = [...rendered].map(([name, rs]) => `${name} ${rs.filter((r) => !r.error).length}/${rs.length}`);
    console.log(`rendered: ${counts.join(', ')}`);
  }, 600_000);

  it.each(STACKS)('%s: every release renders (but the known chart failures, which still fail)', (name) => {
    const releases = rendered.get(name)!;
    expect(releases.length).toBeGreaterThan(10);
    const failed = releases.filter((r) => r.error && !KNOWN_CHART_FAILURES[r.release]).map((r) => `${r.release}: ${r.error!.slice(0, 300)}`);
    expect(failed).toEqual([]);
    for (const release of releases.filter((r) => KNOWN_CHART_FAILURES[r.release])) expect(release.error).toMatch(KNOWN_CHART_FAILURES[release.release]);
    expect(releases.filter((r) => !r.error && r.objects.length === 0).map((r) => r.release)).toEqual(EMPTY_RELEASES);
  });

  it.each(STACKS)('%s: every object has apiVersion, kind and a DNS-1123 name', (name) => {
    const bad: string[] = [];
    for (const release of rendered.get(name)!) {
      for (const object of release.objects) {
        const metadata = (object.doc.metadata ?? {}) as JsonMap;
        const objectName = String(metadata.name ?? '');
        if (typeof object.doc.apiVersion !== 'string' || typeof object.doc.kind !== 'string') bad.push(`${release.release} ${object.id}: no apiVersion/kind`);
        if (!/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(objectName)) bad.push(`${release.release} ${object.id}: name ${JSON.stringify(objectName)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(STACKS)('%s: no config file holds template leftovers, build tokens, published secrets or empty hosts', (name) => {
    const findings: string[] = [];
    for (const release of rendered.get(name)!) {
      for (const { where, text } of configTexts(release)) for (const finding of scanConfigText(text)) findings.push(`${where}: ${finding}`);
    }
    expect(findings).toEqual([]);
  });

  it('names only RabbitMQ members that exist: one on simplex, two on duplex', () => {
    const members = (name: string) => {
      const seen = new Set<string>();
      for (const release of rendered.get(name)!) {
        for (const { text } of configTexts(release)) for (const m of text.matchAll(/rabbitmq-rabbitmq-(\d+)\./g)) seen.add(m[1]);
      }
      return [...seen].sort();
    };
    expect(members('aio-sx')).toEqual(['0']);
    expect(members('aio-dx')).toEqual(['0', '1']);
  });

  it('keeps a host without SR-IOV interfaces off the chart\'s sample device mapping', () => {
    const texts = [...rendered.values()].flat().flatMap(configTexts).map((t) => t.text);
    expect(texts.filter((t) => t.includes('physnet2:enp3s0f1'))).toEqual([]);
  });

  it('gives every *-keystone-stx-admin Secret its project and domains', () => {
    const secrets = rendered
      .get('aio-sx')!
      .flatMap((r) => r.objects)
      .filter((o) => o.doc.kind === 'Secret' && /keystone-stx-?admin$/.test(String((o.doc.metadata as JsonMap).name)));
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) {
      const data = secret.doc.data as Record<string, Json>;
      const decoded = (key: string) => Buffer.from(String(data[key]), 'base64').toString('utf8');
      expect([secret.id, decoded('OS_PROJECT_NAME'), decoded('OS_PROJECT_DOMAIN_NAME'), decoded('OS_USER_DOMAIN_NAME')]).toEqual([secret.id, 'admin', 'default', 'default']);
    }
  });
});

describe('scanConfigText', () => {
  it.each([
    ['x = <nil>', '<nil>'],
    ['x = <no value>', '<no value>'],
    ['x = %!s(int=1)', 'fmt error'],
    ['image = a/b:@IMAGE_PREFIX@-x', 'build token'],
    ['metadata_proxy_shared_secret = password', 'published secret'],
    ['transport_url = rabbit://nova:pw@:5672/nova', 'empty host'],
  ])('finds %j', (text, finding) => {
    expect(scanConfigText(text).map((f) => f.split(':')[0])).toEqual([finding]);
  });

  it('passes clean text', () => {
    expect(scanConfigText('backend_url = file:///var/lib/cinder\nconnection_uri = qemu+unix:///system\nvalues=${@:1:$#-1}')).toEqual([]);
    expect(scanConfigText('[DEFAULT]\nmetadata_proxy_shared_secret = Xy7kQ\ntransport_url = rabbit://nova:pw@rabbitmq-rabbitmq-0.rabbitmq.openstack.svc.cluster.local:5672/nova\n')).toEqual([]);
  });
});
