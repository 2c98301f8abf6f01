import { DependsOnNode, findCycle, resolveDependsOn } from '../../lib/engine/depends-on';

const node = (name: string, ...dependsOn: string[]): DependsOnNode => ({ name, dependsOn });

describe('resolveDependsOn', () => {
  const nodes = [node('db'), node('mq'), node('keystone', 'db', 'mq'), node('proxy', 'keystone'), node('nova', 'proxy', 'db', 'ghost')];

  test('edges onto emitted releases are kept, in order; releases that are not emitted get no entry', () => {
    const r = resolveDependsOn(nodes, new Set(['db', 'mq', 'keystone']), false);
    expect([...r.edges.entries()]).toStrictEqual([
      ['db', []],
      ['mq', []],
      ['keystone', ['db', 'mq']],
    ]);
    expect(r.repaired).toStrictEqual([]);
    expect(r.missing).toStrictEqual([]);
  });

  test('without repair, an edge onto a release that is not emitted is dropped and reported', () => {
    const r = resolveDependsOn(nodes, new Set(['db', 'mq', 'nova']), false);
    expect(r.edges.get('nova')).toStrictEqual(['db']);
    expect(r.missing).toStrictEqual([
      { release: 'nova', target: 'proxy', unknown: false },
      { release: 'nova', target: 'ghost', unknown: true },
    ]);
    expect(r.repaired).toStrictEqual([]);
  });

  test('with repair, the edge is replaced by the nearest emitted ancestors, walking through several missing releases', () => {
    const r = resolveDependsOn(nodes, new Set(['db', 'mq', 'nova']), true);
    // nova -> proxy (missing) -> keystone (missing) -> db, mq; db once only.
    expect(r.edges.get('nova')).toStrictEqual(['db', 'mq']);
    expect(r.repaired).toStrictEqual([{ release: 'nova', removed: 'proxy', replacedBy: ['db', 'mq'] }]);
    // An unknown target is still reported, even with repair.
    expect(r.missing).toStrictEqual([{ release: 'nova', target: 'ghost', unknown: true }]);
  });

  test('repair stops at emitted ancestors and does not walk through them', () => {
    const graph = [node('a'), node('b', 'a'), node('c', 'b'), node('d', 'c')];
    const r = resolveDependsOn(graph, new Set(['a', 'b', 'd']), true);
    expect(r.edges.get('d')).toStrictEqual(['b']);
    expect(r.repaired).toStrictEqual([{ release: 'd', removed: 'c', replacedBy: ['b'] }]);
  });

  test('repair never adds a self edge, and lists a shared ancestor once', () => {
    // x -> y (missing) -> x: the replacement of y is x itself, which is not an edge.
    const graph = [node('x', 'y'), node('y', 'x', 'z'), node('z')];
    const r = resolveDependsOn(graph, new Set(['x', 'z']), true);
    expect(r.edges.get('x')).toStrictEqual(['z']);
    expect(r.repaired).toStrictEqual([{ release: 'x', removed: 'y', replacedBy: ['x', 'z'] }]);

    // Diamond: top -> l, r (both missing) -> base; base is listed once in replacedBy.
    const diamond = [node('base'), node('l', 'base'), node('r', 'base'), node('m', 'l', 'r'), node('top', 'm')];
    const d = resolveDependsOn(diamond, new Set(['base', 'top']), true);
    expect(d.repaired).toStrictEqual([{ release: 'top', removed: 'm', replacedBy: ['base'] }]);
    expect(d.edges.get('top')).toStrictEqual(['base']);
  });

  test('repair terminates on a cycle of missing releases', () => {
    const graph = [node('p', 'q'), node('q', 'r'), node('r', 'q', 's'), node('s')];
    const r = resolveDependsOn(graph, new Set(['p', 's']), true);
    expect(r.edges.get('p')).toStrictEqual(['s']);
  });

  test('repair ignores an unknown release met while walking through missing ones', () => {
    const r = resolveDependsOn([node('a'), node('b', 'ghost', 'a'), node('c', 'b')], new Set(['a', 'c']), true);
    expect(r.edges.get('c')).toStrictEqual(['a']);
    expect(r.repaired).toStrictEqual([{ release: 'c', removed: 'b', replacedBy: ['a'] }]);
    // Only edges of emitted releases are checked: b's unknown target is not reported.
    expect(r.missing).toStrictEqual([]);
  });

  test('a duplicate edge is emitted once', () => {
    const r = resolveDependsOn([node('a'), node('b', 'a', 'a')], new Set(['a', 'b']), false);
    expect(r.edges.get('b')).toStrictEqual(['a']);
  });

  test('repair of a missing release without dependencies removes the edge', () => {
    const r = resolveDependsOn([node('a'), node('b', 'a')], new Set(['b']), true);
    expect(r.edges.get('b')).toStrictEqual([]);
    expect(r.repaired).toStrictEqual([{ release: 'b', removed: 'a', replacedBy: [] }]);
  });
});

describe('findCycle', () => {
  const edges = (o: Record<string, string[]>) => new Map(Object.entries(o));

  test('no cycle', () => {
    expect(findCycle(edges({ a: ['b', 'c'], b: ['c'], c: [] }))).toBeUndefined();
    expect(findCycle(new Map())).toBeUndefined();
  });

  test('a cycle is given from its first node, without the path that led to it', () => {
    expect(findCycle(edges({ a: ['b'], b: ['c'], c: ['b'] }))).toBe('b -> c -> b');
  });

  test('a self edge is a cycle', () => {
    expect(findCycle(edges({ a: ['a'] }))).toBe('a -> a');
  });

  test('an edge onto a node without an entry is a leaf', () => {
    expect(findCycle(edges({ a: ['zzz'] }))).toBeUndefined();
  });

  test('the first cycle in name order is reported, not a later one', () => {
    expect(findCycle(edges({ d: ['c'], c: ['d'], b: ['a'], a: ['b'] }))).toBe('a -> b -> a');
  });

  test('a node reached twice without a cycle is not a cycle', () => {
    expect(findCycle(edges({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toBeUndefined();
  });

  test('each node is visited once (a deep lattice is fast)', () => {
    // 40 layers of two nodes, each depending on both nodes of the next layer: 2^40 paths.
    const o: Record<string, string[]> = {};
    for (let i = 0; i < 40; i++) o[`n${i}a`] = o[`n${i}b`] = [`n${i + 1}a`, `n${i + 1}b`];
    expect(findCycle(edges(o))).toBeUndefined();
  });
});
