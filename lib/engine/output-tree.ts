/**
 * What the writer lays out: a construct that owns one folder of the output (a stack, a cluster's
 * entry points). Recognised by a symbol, as cdk8s-core's `Chart.isChart` does: `instanceof` is
 * useless here (cdk8s' Chart[Symbol.hasInstance] answers true for every Chart) and a prototype
 * check fails across two copies of this module.
 */
import { IConstruct } from 'constructs';

const OUTPUT_TREE = Symbol.for('stx-openstack-gitops/engine.OutputTree');

/** A construct that owns one folder under the output folder. */
export interface OutputTree extends IConstruct {
  /** The folder under the output folder. */
  readonly stackName: string;
  /** Lines for the synth summary. */
  readonly notes: readonly string[];
  /** How many HelmReleases the folder holds (for the summary). */
  readonly releaseCount: number;
}

/** Marks `tree` as an output tree (called by the constructor of each kind of tree). */
export function markOutputTree(tree: OutputTree): void {
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, isOutputTree asks whether the key is there (in), not its value
  Object.defineProperty(tree, OUTPUT_TREE, { value: true });
}

/** True when `x` is a construct marked by {@link markOutputTree}. */
export function isOutputTree(x: unknown): x is OutputTree {
  return x !== null && typeof x === 'object' && OUTPUT_TREE in x;
}
