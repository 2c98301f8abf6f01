import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ALL_RELEASES } from '../releases';
import { GENERATED_HEADER } from '../lib/engine/yaml';
import { runSynth } from '../lib/commands/synth';
import { readTree } from '../lib/validate/validate';

// One deployment profile: the synth writes two stacks (starlingx-app and aio-sx), enough to fail
// half-way through and to prove the swap, at two fifths of the cost of every profile.
const DEPLOYMENTS = path.resolve(__dirname, '..', 'deployments', 'aio-sx.yaml');

describe('a synth that fails half-way', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
  const target = path.join(root, 'dist');

  beforeAll(() => {
    expect(runSynth({ outdir: target, profiles: [DEPLOYMENTS] }).code).toBe(0);
  });

  it('leaves the output folder exactly as before when a release fails while its values are computed', () => {
    const before = readTree(target);
    // nova comes after 13 releases in every stack: the failure happens half-way through the render.
    const failing = ALL_RELEASES.map((r) =>
      r.name === 'nova'
        ? {
            ...r,
            staticValues: () => {
              throw new Error('injected failure');
            },
          }
        : r,
    );
    const result = runSynth({ outdir: target, profiles: [DEPLOYMENTS], build: { releases: failing } });
    expect(result.code).toBe(1);
    expect(result.messages[0]).toBe('synth failed: injected failure');
    expect(readTree(target)).toEqual(before);
    expect(fs.readdirSync(root)).toEqual(['dist']);
  });

  it('removes a release folder that a new synth no longer emits', () => {
    fs.mkdirSync(path.join(target, 'aio-sx', 'retired-release'), { recursive: true });
    fs.writeFileSync(path.join(target, 'aio-sx', 'retired-release', 'helmrelease.yaml'), `# ${GENERATED_HEADER}\nstale: true\n`); // written by an earlier synth
    expect(runSynth({ outdir: target, profiles: [DEPLOYMENTS] }).code).toBe(0);
    expect(fs.existsSync(path.join(target, 'aio-sx', 'retired-release'))).toBe(false);
  });

  it('writes the same bytes twice', () => {
    const first = readTree(target);
    expect(runSynth({ outdir: target, profiles: [DEPLOYMENTS] }).code).toBe(0);
    expect(readTree(target)).toEqual(first);
  });
});
