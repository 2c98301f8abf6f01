/**
 * The dependsOn graph of a stack. Flux waits forever on a dependsOn edge whose target is not in
 * the stack, so an edge onto a release that is not emitted is either reported or repaired.
 */

/** A release and the releases it depends on. */
export interface DependsOnNode {
  readonly name: string;
  readonly dependsOn: readonly string[];
}

/** A dependsOn edge that was rewritten because its target is not emitted. */
export interface RepairedEdge {
  readonly release: string;
  readonly removed: string;
  readonly replacedBy: readonly string[];
}

/** An edge onto a release that is not emitted (or unknown), left for the caller to report. */
export interface MissingEdge {
  readonly release: string;
  readonly target: string;
  /** True when the target is no release of the graph at all. */
  readonly unknown: boolean;
}

/** The edges to emit, per emitted release, with what was repaired and what is missing. */
export interface ResolvedDependsOn {
  readonly edges: ReadonlyMap<string, readonly string[]>;
  readonly repaired: readonly RepairedEdge[];
  readonly missing: readonly MissingEdge[];
}

/**
 * Resolves the dependsOn edges of the `emitted` releases. With `repair`, an edge onto a release
 * that is not emitted is replaced by that release's nearest emitted dependencies (transitively);
 * otherwise it is dropped and listed in `missing`.
 */
export function resolveDependsOn(nodes: readonly DependsOnNode[], emitted: ReadonlySet<string>, repair: boolean): ResolvedDependsOn {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const edges = new Map<string, string[]>();
  const repaired: RepairedEdge[] = [];
  const missing: MissingEdge[] = [];
  for (const node of nodes.filter((n) => emitted.has(n.name))) {
    const out: string[] = [];
    const add = (name: string) => {
      if (!out.includes(name) && name !== node.name) out.push(name);
    };
    for (const target of node.dependsOn) {
      if (!byName.has(target)) missing.push({ release: node.name, target, unknown: true });
      else if (emitted.has(target)) add(target);
      else if (!repair) missing.push({ release: node.name, target, unknown: false });
      else {
        const replacement = emittedAncestors(target, emitted, byName);
        replacement.forEach(add);
        repaired.push({ release: node.name, removed: target, replacedBy: replacement });
      }
    }
    edges.set(node.name, out);
  }
  return { edges, repaired, missing };
}

/** The nearest emitted releases that `name` depends on, walking through the others. */
function emittedAncestors(name: string, emitted: ReadonlySet<string>, byName: ReadonlyMap<string, DependsOnNode>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    for (const target of byName.get(current)?.dependsOn ?? []) {
      if (emitted.has(target)) {
        if (!out.includes(target)) out.push(target);
      } else {
        visit(target);
      }
    }
  };
  visit(name);
  return out;
}

/** The first dependsOn cycle, as `a -> b -> a`, or undefined. */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  let cycle: string | undefined;
  const visit = (node: string): void => {
    if (cycle || state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      cycle = [...path.slice(path.indexOf(node)), node].join(' -> ');
      return;
    }
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) visit(next);
    path.pop();
    state.set(node, 'done');
  };
  [...edges.keys()].sort().forEach(visit);
  return cycle;
}
