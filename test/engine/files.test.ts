import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { FileBase, outputFiles, TextFile, YamlFile } from '../../lib/engine/files';
import { GENERATED_HEADER } from '../../lib/engine/yaml';

describe('YamlFile', () => {
  test('a second file with the same path in one stack is refused when it is created, naming both', () => {
    const chart = new Chart(new App(), 'stack-a');
    new YamlFile(chart, 'first', { path: 'nova/values.yaml', documents: [] });
    const group = new Construct(chart, 'group');
    expect(() => new YamlFile(group, 'second', { path: 'nova/values.yaml', documents: [] })).toThrow(
      'stack "stack-a": stack-a/group/second and stack-a/first both write nova/values.yaml',
    );
  });

  test('the same path in two stacks, and two paths in one stack, are fine', () => {
    const app = new App();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    new YamlFile(a, 'f', { path: 'x.yaml' });
    new YamlFile(a, 'g', { path: 'y.yaml' });
    expect(() => new YamlFile(b, 'f', { path: 'x.yaml' })).not.toThrow();
    expect(outputFiles(a).map((f) => f.path)).toStrictEqual(['x.yaml', 'y.yaml']);
  });

  test('fixed documents are returned as a copy, in order', () => {
    const chart = new Chart(new App(), 's');
    const docs = [{ a: 1 }, { b: 2 }];
    const file = new YamlFile(chart, 'f', { path: 'f.yaml', documents: docs });
    const out = file.documents();
    expect(out).toStrictEqual([{ a: 1 }, { b: 2 }]);
    out.push({ c: 3 });
    expect(file.documents()).toHaveLength(2);
  });

  test('without fixed documents, the ApiObjects under the file, and nothing else', () => {
    const chart = new Chart(new App(), 's', { disableResourceNameHashes: true });
    const file = new YamlFile(chart, 'f', { path: 'f.yaml' });
    new ApiObject(file, 'one', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one' } });
    new Construct(file, 'not-an-object');
    new ApiObject(file, 'two', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'two' } });
    expect(file.documents()).toStrictEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one' } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'two' } },
    ]);
  });

  test('an empty list of documents gives a header-only file; render writes every document', () => {
    const chart = new Chart(new App(), 's');
    expect(new YamlFile(chart, 'e', { path: 'e.yaml', documents: [] }).render()).toBe(`# ${GENERATED_HEADER}\n`);
    expect(new YamlFile(chart, 'd', { path: 'd.yaml', documents: [{ a: 1 }, { b: 'x' }] }).render()).toBe(
      `# ${GENERATED_HEADER}\n---\na: 1\n---\nb: x\n`,
    );
  });

  test('a file of one fixed document shares its text with every file of that object (rendered once)', () => {
    const chart = new Chart(new App(), 's');
    const doc: { a: number } = { a: 1 };
    const first = new YamlFile(chart, 'first', { path: 'first.yaml', documents: [doc] }).render();
    expect(first).toBe(`# ${GENERATED_HEADER}\n---\na: 1\n`);
    // Data is never changed once given to a file: a change shows that the text was reused, not rendered again.
    doc.a = 2;
    expect(new YamlFile(chart, 'again', { path: 'again.yaml', documents: [doc] }).render()).toBe(first);
    // Not shared: a file of two documents, or of another object with the same content.
    expect(new YamlFile(chart, 'two', { path: 'two.yaml', documents: [doc, { b: 1 }] }).render()).toBe(`# ${GENERATED_HEADER}\n---\na: 2\n---\nb: 1\n`);
    expect(new YamlFile(chart, 'other', { path: 'other.yaml', documents: [{ a: 1 }] }).render()).toBe(first);
    const copy = { a: 3 };
    expect(new YamlFile(chart, 'copy', { path: 'copy.yaml', documents: [copy] }).render()).toBe(`# ${GENERATED_HEADER}\n---\na: 3\n`);
    // A file of the ApiObjects under it is rendered from them.
    const objects = new YamlFile(new Chart(new App(), 't', { disableResourceNameHashes: true }), 'o', { path: 'o.yaml' });
    new ApiObject(objects, 'one', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one' } });
    expect(objects.render()).toBe(`# ${GENERATED_HEADER}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n`);
  });

  test('a file of one scalar or null document is written (there is no object to share its text by)', () => {
    const chart = new Chart(new App(), 's');
    expect(new YamlFile(chart, 'x', { path: 'x.yaml', documents: ['text'] }).render()).toBe(`# ${GENERATED_HEADER}\n---\ntext\n`);
    expect(new YamlFile(chart, 'n', { path: 'n.yaml', documents: [null] }).render()).toBe(`# ${GENERATED_HEADER}\n---\nnull\n`);
  });

  test('outputFiles finds files at any depth, in construct-tree order, and only files', () => {
    const chart = new Chart(new App(), 's');
    new YamlFile(chart, 'top', { path: 't.yaml' });
    const group = new Construct(chart, 'g');
    new YamlFile(group, 'inner', { path: 'g/i.yaml' });
    new Construct(group, 'plain');
    expect(outputFiles(chart).map((f) => f.path)).toStrictEqual(['t.yaml', 'g/i.yaml']);
  });
});

describe('FileBase', () => {
  test('a subclass supplies only its content; render computes it once and the path registry still applies', () => {
    let calls = 0;
    class Counted extends FileBase {
      protected synthesizeContent(): string {
        calls += 1;
        return `text ${calls}`;
      }
    }
    const chart = new Chart(new App(), 's');
    const file = new Counted(chart, 'c', { path: 'c.txt' });
    expect([file.render(), file.render()]).toStrictEqual(['text 1', 'text 1']);
    expect(() => new TextFile(chart, 't', { path: 'c.txt', text: 'x' })).toThrow('stack "s": s/t and s/c both write c.txt');
  });

  test('a TextFile is written verbatim (no header) and is found by outputFiles beside YAML files', () => {
    const chart = new Chart(new App(), 's');
    new YamlFile(chart, 'y', { path: 'y.yaml', documents: [{ a: 1 }] });
    const text = new TextFile(chart, 't', { path: 'README.md', text: '# Title\n' });
    expect(text.render()).toBe('# Title\n');
    expect(text).not.toBeInstanceOf(YamlFile);
    expect(outputFiles(chart).map((f) => f.path)).toStrictEqual(['y.yaml', 'README.md']);
  });

  test('a TextFile of a function calls it only when rendered, and once', () => {
    const chart = new Chart(new App(), 's');
    let calls = 0;
    const text = new TextFile(chart, 't', { path: 'README.md', text: () => `# Title ${++calls}\n` });
    expect(calls).toBe(0);
    expect([text.render(), text.render()]).toStrictEqual(['# Title 1\n', '# Title 1\n']);
    expect(calls).toBe(1);
  });
});
