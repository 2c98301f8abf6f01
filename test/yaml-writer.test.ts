import { parseYaml11, parseYaml12, toYamlBody, toYamlFile } from '../lib/engine/yaml';

describe('the YAML writer', () => {
  const trouble = [
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    'Y',
    'True',
    '~',
    'null',
    '',
    '0777',
    '0o17',
    '0x1F',
    '1e3',
    '1_000',
    '12:30',
    '2001-12-14',
    '.inf',
    '-.inf',
    '.nan',
    '+1',
    '-0',
    '3.',
  ];

  it.each(trouble)('quotes %p so that YAML 1.1 and 1.2 both read it as a string', (value) => {
    const body = toYamlBody({ value, [value || 'empty']: 1 });
    expect(body).toMatch(/^value: "/m);
    expect(parseYaml11(body)[0]).toEqual({ value, [value || 'empty']: 1 });
    expect(parseYaml12(body)[0]).toEqual({ value, [value || 'empty']: 1 });
  });

  it('quotes the key << so that Helm does not read it as a merge key', () => {
    const body = toYamlBody({ '<<': { a: 1 }, b: 2 });
    expect(body).toContain('"<<":');
    expect(parseYaml11(body)[0]).toEqual({ '<<': { a: 1 }, b: 2 });
  });

  it('writes ordinary strings plain and multi-line strings as literal blocks', () => {
    const body = toYamlBody({ a: 'plain text', b: 'line one\nline two\n' });
    expect(body).toBe('a: plain text\nb: |\n  line one\n  line two\n');
  });

  it('writes no anchors or aliases for repeated objects', () => {
    const shared = { k: 1 };
    const body = toYamlBody({ a: shared, b: shared });
    expect(body).not.toMatch(/[&*]/);
  });

  it('writes a header-only file for no documents, and --- before each document', () => {
    expect(toYamlFile([], 'header')).toBe('# header\n');
    expect(toYamlFile([{ a: 1 }, { b: 2 }], 'h')).toBe('# h\n---\na: 1\n---\nb: 2\n');
  });
});
