import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { toYamlFile } from './yaml';

/** Props of an {@link OutputFile}. */
export interface OutputFileProps {
  /** Path of the file, relative to the stack folder (`nova/nova-static-overrides.yaml`). */
  readonly path: string;
  /**
   * The YAML documents of the file, in order.
   * @default - the Kubernetes objects defined under this construct, in the order they were added
   */
  readonly documents?: readonly unknown[];
}

/** The text of each single-document file, by its document object (data is never changed once given to a file). */
const RENDERED = new WeakMap<object, string>();

/** The paths written in each stack, with the construct that writes each. */
const PATHS_OF_STACK = new WeakMap<Chart, Map<string, string>>();

/**
 * One file of a stack. The writer lays out every OutputFile of a stack and nothing else, so a
 * construct decides its own file names (cdk8s' one-file-per-chart layout does not fit a Flux tree).
 */
export class OutputFile extends Construct {
  /** Path relative to the stack folder. */
  public readonly path: string;
  private readonly fixedDocuments?: readonly unknown[];
  private rendered?: string;

  constructor(scope: Construct, id: string, props: OutputFileProps) {
    super(scope, id);
    // Two files with one path would overwrite each other: refuse the second when it is created.
    const stack = Chart.of(this);
    const paths = PATHS_OF_STACK.get(stack) ?? new Map<string, string>();
    PATHS_OF_STACK.set(stack, paths);
    const owner = paths.get(props.path);
    if (owner) throw new Error(`stack "${stack.node.id}": ${this.node.path} and ${owner} both write ${props.path}`);
    paths.set(props.path, this.node.path);
    this.path = props.path;
    this.fixedDocuments = props.documents;
  }

  /** The documents of this file: the fixed ones, or the ApiObjects under this construct. */
  public documents(): unknown[] {
    if (this.fixedDocuments) return [...this.fixedDocuments];
    return this.node.children.filter((c): c is ApiObject => c instanceof ApiObject).map((o) => o.toJson());
  }

  /**
   * The file's text, as the writer writes it (rendered once: the tree does not change after synth
   * starts). A file of one fixed document shares the text of every file of the same object (stacks
   * that share their static values render them once).
   */
  public render(): string {
    if (this.rendered !== undefined) return this.rendered;
    const single = this.fixedDocuments?.length === 1 && typeof this.fixedDocuments[0] === 'object' && this.fixedDocuments[0] !== null ? (this.fixedDocuments[0] as object) : undefined;
    this.rendered = (single && RENDERED.get(single)) ?? toYamlFile(this.documents());
    if (single) RENDERED.set(single, this.rendered);
    return this.rendered;
  }
}

/** Every OutputFile under `root`, in construct-tree order. */
export function outputFiles(root: IConstruct): OutputFile[] {
  return root.node.findAll().filter((c): c is OutputFile => c instanceof OutputFile);
}

/** Props of a {@link TextFile}. */
export interface TextFileProps {
  /** Path of the file, relative to the stack folder (`README.md`). */
  readonly path: string;
  /** The file's text, written verbatim (no header: the writer adds nothing). */
  readonly text: string;
}

/** A plain file of a stack (not YAML, not a kustomize resource): written as given. */
export class TextFile extends OutputFile {
  private readonly text: string;

  constructor(scope: Construct, id: string, props: TextFileProps) {
    super(scope, id, { path: props.path, documents: [] });
    this.text = props.text;
  }

  public documents(): unknown[] {
    return [];
  }

  public render(): string {
    return this.text;
  }
}
