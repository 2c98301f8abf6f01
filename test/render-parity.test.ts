/**
 * Render-level parity: the starlingx-app stack rendered equals StarlingX's own tree rendered with
 * its own values through the same charts, object by object, but for the differences that
 * test/render-deviations.yaml lists with a reason; an entry that lists nothing fails.
 * Needs ../shared (reference and charts) and a Helm v3 binary (HELM or helm on PATH).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { stackFromFiles } from '../lib/commands/values';
import { openChartSet } from '../lib/validate/chart-source';
import { SHARED_CHARTS, sharedChartsPresent, helmPresent } from './support/chart-packages';
import { REFERENCE_MANIFESTS, referencePresent } from './support/reference';
import { listedBy, packagedReference, RenderedDeviation, RenderParity, renderParity, withoutComments } from './support/render-parity';
import { renderStack } from './support/synth';

const DEVIATIONS: RenderedDeviation[] = parse(fs.readFileSync(path.join(__dirname, 'render-deviations.yaml'), 'utf8'));

const ready = referencePresent() && sharedChartsPresent() && helmPresent();
const describeRendered = ready ? describe : describe.skip;

describeRendered('render-level parity of starlingx-app with the StarlingX tree', () => {
  let parity: RenderParity;
  beforeAll(async () => {
    parity = await renderParity(
      stackFromFiles(renderStack('starlingx-app').files),
      packagedReference(REFERENCE_MANIFESTS),
      openChartSet(SHARED_CHARTS),
    );
    const objects = parity.reference.reduce((n, r) => n + r.objects.length, 0);
    console.log(
      `render parity: ${parity.reference.length} releases, ${objects} reference objects, ${parity.differences.length} listed differences`,
    );
  }, 180_000);

  it('has no difference that test/render-deviations.yaml does not list', () => {
    const unlisted = parity.differences.filter((d) => !DEVIATIONS.some((dev) => listedBy(dev, d)));
    expect(
      unlisted.map(
        (d) =>
          `${d.release} ${d.object} ${d.path}: ours ${JSON.stringify(d.ours).slice(0, 300)} reference ${JSON.stringify(d.reference).slice(0, 300)}`,
      ),
    ).toEqual([]);
  });

  it('has no stale entry in test/render-deviations.yaml', () => {
    const stale = DEVIATIONS.filter((dev) => !parity.differences.some((d) => listedBy(dev, d)));
    expect(stale.map((d) => `${d.release} ${d.object} ${d.path}`)).toEqual([]);
  });

  it('gives every entry a reason', () => {
    for (const deviation of DEVIATIONS)
      expect([deviation.release, deviation.reason?.length ?? 0]).toEqual([deviation.release, expect.any(Number)]);
    expect(DEVIATIONS.filter((d) => (d.reason?.length ?? 0) < 40).map((d) => d.release)).toEqual([]);
  });

  it('renders every release of the reference but ironic, which fails on both sides', () => {
    expect(parity.reference.filter((r) => r.error).map((r) => r.release)).toEqual(['ironic']);
    expect(parity.ours.find((r) => r.release === 'ironic')?.error).toMatch(/deployment-api\.yaml/);
    expect(parity.reference.length).toBe(parity.ours.length);
  });

  it('compares objects: the reference renders more than 900 of them, Secrets and ConfigMaps included', () => {
    const objects = parity.reference.flatMap((r) => r.objects);
    expect(objects.length).toBeGreaterThan(900);
    expect(objects.filter((o) => o.id.startsWith('Secret/')).length).toBeGreaterThan(100);
  });
});

describe('the render-level comparator', () => {
  it('counts texts that differ only in comments and blank lines as equal, and nothing else', () => {
    expect(withoutComments('# a comment\n[DEFAULT]\n\ndebug = true  \n; another\n')).toBe(withoutComments('[DEFAULT]\ndebug = true'));
    expect(withoutComments('[DEFAULT]\ndebug = false')).not.toBe(withoutComments('[DEFAULT]\ndebug = true'));
  });
});
