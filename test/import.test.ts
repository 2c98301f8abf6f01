/**
 * `npm run import` (scripts/import.ts) checks its inputs before it touches imports/, and replaces
 * imports/ only when everything succeeded (replaceFolder).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { replaceFolder } from '../lib/engine/output-folder';
import { crdsPresent } from '../lib/validate/flux-schema';
import { CRD_FILES, missingCrds } from '../scripts/import';

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('missingCrds lists each CRD file the folder lacks', () => {
  const dir = path.join(tmp, 'crds');
  expect(missingCrds(dir)).toEqual(CRD_FILES.map((f) => path.join(dir, f)));
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, CRD_FILES[0]), 'kind: CustomResourceDefinition\n');
  fs.mkdirSync(path.join(dir, CRD_FILES[1])); // a folder is not a CRD file
  expect(missingCrds(dir)).toEqual([path.join(dir, CRD_FILES[1]), path.join(dir, CRD_FILES[2])]);
});

(crdsPresent() ? test : test.skip)('../shared/crds has every CRD file imported', () => {
  expect(missingCrds()).toEqual([]);
});

test('replaceFolder: a failing fill leaves the folder as it was and no temporary folder', () => {
  const target = path.join(tmp, 'imports');
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, 'a.ts'), 'old');
  expect(() =>
    replaceFolder(target, (staging) => {
      fs.writeFileSync(path.join(staging, 'a.ts'), 'half-written');
      throw new Error('cdk8s import failed');
    }),
  ).toThrow('cdk8s import failed');
  expect(fs.readdirSync(tmp)).toEqual(['imports']);
  expect(fs.readFileSync(path.join(target, 'a.ts'), 'utf8')).toBe('old');

  replaceFolder(target, (staging) => fs.writeFileSync(path.join(staging, 'b.ts'), 'new'));
  expect(fs.readdirSync(tmp)).toEqual(['imports']);
  expect(fs.readdirSync(target)).toEqual(['b.ts']);
});
