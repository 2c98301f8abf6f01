/**
 * The layering rules of .dependency-cruiser.js (run on the real tree by `npm run deps`, part of
 * `npm test`) catch each wrong arrow: dependency-cruiser runs, with the project's config and the
 * same command line as `npm run deps`, on a small fixture tree that mirrors the project's layout
 * with one forbidden import per rule beside the allowed ones.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

/** The fixture: file -> its imports (each line one import statement). */
const FIXTURE: Record<string, string[]> = {
  'main.ts': ["import './lib/commands/synth';"],
  'imports/flux.ts': [],
  // Allowed: engine -> engine, imports/, node built-ins, npm packages.
  'lib/engine/ok.ts': ["import 'fs';", "import 'yaml';", "import '../../imports/flux';", "import './other';"],
  'lib/engine/other.ts': [],
  'lib/engine/up.ts': ["import '../profile/profile';"],
  'lib/engine/type-only.ts': ["import type { P } from '../deployment/app';"],
  'lib/engine/typo.ts': ["import './nonexistent';"],
  // Allowed: profile -> releases/names.ts, overrides/images.ts.
  'lib/profile/profile.ts': ["import '../../releases/names';", "import '../../overrides/images';", 'export type P = string;'],
  'lib/profile/up.ts': ["import '../../releases/keystone/index';", "import '../../overrides/common';"],
  'lib/validate/ok.ts': ["import '../engine/ok';", "import '../../imports/flux';", "import 'ajv';"],
  'lib/validate/up.ts': ["import '../profile/profile';"],
  'releases/names.ts': [],
  'releases/define.ts': ["import '../lib/profile/profile';", "import '../lib/engine/ok';"],
  'releases/keystone/index.ts': ["import '../define';", "import '../names';", "import './values';", "import '../../overrides/common';"],
  'releases/keystone/values.ts': [],
  'releases/nova/index.ts': ["import '../keystone/values';", "import '../../lib/deployment/app';"],
  'overrides/images.ts': [],
  'overrides/common.ts': ["import '../releases/names';", "import '../releases/define';"],
  'policies/index.ts': ["import '../releases/names';", "import '../scripts/tool';"],
  'lib/deployment/app.ts': ["import '../../releases/keystone/index';", "import '../commands/synth';", 'export type P = string;'],
  'lib/deployment/a.ts': ["import './b';"],
  'lib/deployment/b.ts': ["import './a';"],
  'lib/commands/synth.ts': ["import '../engine/ok';"],
  'scripts/tool.ts': ["import '../lib/deployment/a';", "import '../test/support/helper';"],
  'test/support/helper.ts': [],
  'test/x.test.ts': ["import '../main';", "import './support/helper';", "import '../scripts/tool';", "import '../lib/validate/ok';"],
};

/** The violations expected: `rule: from -> to`. */
const EXPECTED = [
  'definitions-below-composition: policies/index.ts -> scripts/tool.ts',
  'definitions-below-composition: releases/nova/index.ts -> lib/deployment/app.ts',
  'deployment-below-commands: lib/deployment/app.ts -> lib/commands/synth.ts',
  'engine-is-self-contained: lib/engine/type-only.ts -> lib/deployment/app.ts',
  'engine-is-self-contained: lib/engine/typo.ts -> ./nonexistent', // an unresolved import is outside the engine too
  'engine-is-self-contained: lib/engine/up.ts -> lib/profile/profile.ts',
  'no-circular: lib/deployment/a.ts -> lib/deployment/b.ts', // a cycle is reported once
  'not-to-unresolvable: lib/engine/typo.ts -> ./nonexistent',
  'nothing-imports-tests: scripts/tool.ts -> test/support/helper.ts',
  'overrides-below-releases: overrides/common.ts -> releases/define.ts',
  'profile-below-releases: lib/profile/up.ts -> overrides/common.ts',
  'profile-below-releases: lib/profile/up.ts -> releases/keystone/index.ts',
  'release-folders-independent: releases/nova/index.ts -> releases/keystone/values.ts',
  'validate-builds-on-engine-only: lib/validate/up.ts -> lib/profile/profile.ts',
];

/** The `depcruise` arguments of the `deps` npm script (so that the test runs what `npm test` runs). */
function depsArgs(): string[] {
  const script: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.deps;
  const [command, ...args] = script.split(/\s+/);
  expect(command).toBe('depcruise');
  return args;
}

describe('dependency-cruiser layering rules', () => {
  let fixture: string;

  beforeAll(() => {
    fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'layering-'));
    for (const [file, imports] of Object.entries(FIXTURE)) {
      fs.mkdirSync(path.join(fixture, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(fixture, file), [...imports, 'export {};', ''].join('\n'));
    }
    fs.copyFileSync(path.join(ROOT, '.dependency-cruiser.js'), path.join(fixture, '.dependency-cruiser.js'));
    fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(fixture, 'tsconfig.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(fixture, 'node_modules'), 'dir');
  });

  afterAll(() => fs.rmSync(fixture, { recursive: true, force: true }));

  const depcruise = (...extra: string[]) =>
    spawnSync(path.join(ROOT, 'node_modules', '.bin', 'depcruise'), [...depsArgs(), ...extra], {
      cwd: fixture,
      encoding: 'utf8',
      timeout: 60_000,
    });

  test('each forbidden arrow is reported, the allowed ones are not', () => {
    const run = depcruise('--output-type', 'json');
    expect(run.stderr).toBe('');
    const violations = (JSON.parse(run.stdout).summary.violations as { from: string; to: string; rule: { name: string } }[])
      .map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)
      .sort();
    expect(violations).toEqual(EXPECTED);
  }, 60_000);

  test('`npm run deps` fails (exit code = number of errors) on them', () => {
    const run = depcruise();
    expect(run.stdout).toContain(`x ${EXPECTED.length} dependency violations (${EXPECTED.length} errors, 0 warnings)`);
    expect(run.status).toBe(EXPECTED.length);
  }, 60_000);
});
