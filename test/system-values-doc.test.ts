/**
 * docs/system-values.md is the document that `§N` references cite (`spec §3.10` in a release, `§6-2`
 * in a comment, `(spec §2.2)` in the README): every reference in the repository names one of its
 * headings, every file it names exists, and every release has its section.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RELEASE_NAMES } from '../releases/names';

const ROOT = path.resolve(__dirname, '..');
const DOC = 'docs/system-values.md';
/** Where references are written: sources, tests, profiles, docs. */
const SCANNED = [
  'main.ts',
  'README.md',
  'BENCHMARKS.md',
  'docs',
  'lib',
  'releases',
  'overrides',
  'policies',
  'scripts',
  'deployments',
  'test',
];
const TEXT = /\.(ts|md|ya?ml|json|cjs|mjs|js)$/;
/** `§3.10`, `§1.3-6`, `§6-11`: section numbers, with an item after `-`. */
const REFERENCE = /§(\d+(?:\.\d+)*(?:-\d+)?)/g;

const doc = fs.readFileSync(path.join(ROOT, DOC), 'utf8');

/** The section numbers of the document's headings (`### §3.10 nova` is 3.10). */
function headings(text: string): Set<string> {
  return new Set([...text.matchAll(/^#{1,6} §(\d+(?:\.\d+)*(?:-\d+)?) /gm)].map((m) => m[1]));
}

/** Every `§` reference of the scanned files: `file:line: §id`. */
function references(): Array<{ where: string; id: string }> {
  const found: Array<{ where: string; id: string }> = [];
  const walk = (rel: string) => {
    const full = path.join(ROOT, rel);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(full)) if (entry !== 'node_modules' && entry !== '__snapshots__') walk(path.join(rel, entry));
      return;
    }
    if (!TEXT.test(rel)) return;
    fs.readFileSync(full, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const m of line.matchAll(REFERENCE)) found.push({ where: `${rel}:${i + 1}`, id: m[1] });
      });
  };
  SCANNED.forEach(walk);
  return found;
}

describe(`${DOC}`, () => {
  test('every § reference of the repository names one of its headings', () => {
    const known = headings(doc);
    const all = references();
    expect(all.length).toBeGreaterThan(100); // the scan finds the references
    expect(all.filter((r) => !known.has(r.id)).map((r) => `${r.where}: §${r.id}`)).toEqual([]);
  });

  test('the heading scan sees numbered headings and items, and nothing else', () => {
    expect([...headings('# §1 a\n### §3.10 nova\n#### §1.3-6 dex\n## 2 unnumbered\ntext §4.1 here\n')]).toEqual(['1', '3.10', '1.3-6']);
  });

  test('every file or folder it names exists', () => {
    const named = [...doc.matchAll(/`((?:lib|releases|overrides|policies|deployments|scripts|test|docs)\/[^`\s<>*]*)`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((file) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
  });

  test('every release has its part in §3 or §4', () => {
    const releasesPart = doc.slice(doc.indexOf('## §3 '), doc.indexOf('## §5 '));
    expect(RELEASE_NAMES.filter((name) => !new RegExp(`(### §[\\d.]+ |\\*\\*)${name.replace(/-/g, '\\-')}\\b`).test(releasesPart))).toEqual(
      [],
    );
  });
});
