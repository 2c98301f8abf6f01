import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { compareWithReference, Deviation, ParityReport } from './support/parity';
import { REFERENCE_MANIFESTS, REFERENCE_ROOT, referencePresent } from './support/reference';
import { renderStack } from './support/synth';

const DEVIATIONS: Deviation[] = parse(fs.readFileSync(path.join(__dirname, 'deviations.yaml'), 'utf8'));
const describeWithReference = referencePresent() ? describe : describe.skip;

describeWithReference('parity of dist/starlingx-app with the StarlingX reference tree', () => {
  let report: ParityReport;
  beforeAll(() => {
    report = compareWithReference(renderStack('starlingx-app').files, REFERENCE_MANIFESTS, DEVIATIONS, undefined, {
      'metadata.yaml': path.join(REFERENCE_ROOT, 'metadata.yaml'),
    });
    const exact = (100 * report.equal) / report.referenceLeaves;
    const ignoringComments = (100 * (report.equal + report.equalButComments)) / report.referenceLeaves;
    console.log(
      `parity: ${report.equal}/${report.referenceLeaves} reference leaves equal (${exact.toFixed(2)}%), ` +
        `${ignoringComments.toFixed(2)}% counting texts that differ only in comments; ` +
        `${report.differences.length} listed differences`,
    );
    const kinds = ['own', 'chart-default', 'missing', 'changed', 'extra', 'comments'] as const;
    console.log(`parity by kind: ${kinds.map((k) => `${k} ${report.byDeviationKind[k] ?? 0}`).join(', ')}`);
  });

  it('has no difference that test/deviations.yaml does not list', () => {
    const lines = report.unlisted.map(
      (d) => `${d.kind} ${d.file} ${d.path}: ours ${JSON.stringify(d.ours)} reference ${JSON.stringify(d.reference)}`,
    );
    expect(lines).toEqual([]);
  });

  it('has no stale entry in test/deviations.yaml', () => {
    expect(report.unused.map((d) => `${d.kind} ${d.file} ${d.path}`)).toEqual([]);
  });

  it('gives every deviation a reason', () => {
    for (const deviation of DEVIATIONS) expect(deviation.reason?.length ?? 0).toBeGreaterThan(20);
  });

  it('has at least 99.5% of the reference leaves equal, comments in embedded config files ignored', () => {
    expect((report.equal + report.equalButComments) / report.referenceLeaves).toBeGreaterThanOrEqual(0.995);
  });

  it('has at least 99% of the reference leaves equal to the letter', () => {
    expect(report.equal / report.referenceLeaves).toBeGreaterThanOrEqual(0.99);
  });

  it('compares every reference file, the app metadata included', () => {
    expect(report.referenceLeaves).toBeGreaterThan(9000);
    expect(report.differences.filter((d) => d.file === 'metadata.yaml')).toEqual([]);
  });
});

describe('the parity comparator', () => {
  // Guards the oracle itself: a comparator that always says "equal" would pass everything.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-'));
  fs.writeFileSync(
    path.join(dir, 'a.yaml'),
    'x: &base {k: 1}\nw:\n  <<: *base\n  j: 2\nimage: docker.io/starlingx/stx-heat:@IMAGE_PREFIX@-@OS@-@OS_CODENAME@-@OS_ARCH@-@BUILD_STREAM@-@IMAGE_SUFFIX@\n',
  );

  it('expands YAML 1.1 merge keys and build tokens in the reference', () => {
    const ours = new Map([
      ['a.yaml', 'x: {k: 1}\nw: {k: 1, j: 2}\nimage: docker.io/starlingx/stx-heat:master-debian-trixie-amd64-stable-latest\n'],
    ]);
    const report = compareWithReference(ours, dir, []);
    expect(report.differences).toEqual([]);
    expect(report.equal).toBe(4);
  });

  it('fails when a value differs or a leaf is missing', () => {
    const ours = new Map([['a.yaml', 'x: {k: 2}\nw: {j: 2}\nimage: docker.io/starlingx/stx-heat:other\n']]);
    const report = compareWithReference(ours, dir, []);
    expect(report.unlisted.map((d) => `${d.kind} ${d.path}`).sort()).toEqual(['changed [0].image', 'changed [0].x.k', 'missing [0].w.k']);
  });
});
