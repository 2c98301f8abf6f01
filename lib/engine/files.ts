import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { toYamlFile } from './yaml';

/** Props every file of a stack has. */
export interface FileBaseProps {
  /** Path of the file, relative to the stack folder (`nova/nova-static-overrides.yaml`). */
  readonly path: string;
}

/** Props of a {@link YamlFile}. */
export interface YamlFileProps extends FileBaseProps {
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
 * One file of a stack, as projen's FileBase: a path and an abstract content. The writer lays out
 * every file of a stack and nothing else, so a construct decides its own file names (cdk8s'
 * one-file-per-chart layout does not fit a Flux tree).
 */
export abstract class FileBase extends Construct {
  /** Path relative to the stack folder. */
  public readonly path: string;
  private rendered?: string;

  constructor(scope: Construct, id: string, props: FileBaseProps) {
    super(scope, id);
    // Two files with one path would overwrite each other: refuse the second when it is created.
    const stack = Chart.of(this);
    const paths = PATHS_OF_STACK.get(stack) ?? new Map<string, string>();
    PATHS_OF_STACK.set(stack, paths);
    const owner = paths.get(props.path);
    if (owner) throw new Error(`stack "${stack.node.id}": ${this.node.path} and ${owner} both write ${props.path}`);
    paths.set(props.path, this.node.path);
    this.path = props.path;
  }

  /** The file's text, computed once by {@link render}. */
  protected abstract synthesizeContent(): string;

  /** The file's text, as the writer writes it (rendered once: the tree does not change after synth starts). */
  public render(): string {
    if (this.rendered === undefined) this.rendered = this.synthesizeContent();
    return this.rendered;
  }
}

/** A YAML file of a stack: fixed documents, or the Kubernetes objects defined under it. */
export class YamlFile extends FileBase {
  private readonly fixedDocuments?: readonly unknown[];

  constructor(scope: Construct, id: string, props: YamlFileProps) {
    super(scope, id, props);
    this.fixedDocuments = props.documents;
  }

  /** The documents of this file: the fixed ones, or the ApiObjects under this construct. */
  public documents(): unknown[] {
    if (this.fixedDocuments) return [...this.fixedDocuments];
    return this.node.children.filter((c): c is ApiObject => c instanceof ApiObject).map((o) => o.toJson());
  }

  /**
   * A file of one fixed document shares the text of every file of the same object (stacks that
   * share their static values render them once).
   */
  protected synthesizeContent(): string {
    const single =
      this.fixedDocuments?.length === 1 && typeof this.fixedDocuments[0] === 'object' && this.fixedDocuments[0] !== null
        ? (this.fixedDocuments[0] as object)
        : undefined;
    const text = (single && RENDERED.get(single)) ?? toYamlFile(this.documents());
    if (single) RENDERED.set(single, text);
    return text;
  }
}

/** Every file under `root`, in construct-tree order. */
export function outputFiles(root: IConstruct): FileBase[] {
  return root.node.findAll().filter((c): c is FileBase => c instanceof FileBase);
}

/** Props of a {@link TextFile}. */
export interface TextFileProps extends FileBaseProps {
  /**
   * The file's text, written verbatim (no header: the writer adds nothing); a function is called
   * only when the file is rendered (a fleet's subclouds never render their README).
   */
  readonly text: string | (() => string);
}

/** A plain file of a stack (not YAML, not a kustomize resource): written as given. */
export class TextFile extends FileBase {
  private readonly text: string | (() => string);

  constructor(scope: Construct, id: string, props: TextFileProps) {
    super(scope, id, props);
    this.text = props.text;
  }

  protected synthesizeContent(): string {
    return typeof this.text === 'function' ? this.text() : this.text;
  }
}
