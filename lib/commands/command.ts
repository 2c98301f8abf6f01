/**
 * What a command of the `stx-openstack-gitops` bin is (lib/commands/registry.ts lists them): its
 * flags with their defaults, its arguments, examples and the JSON Schema of its `--json` output.
 * The same description parses the command line (util.parseArgs, strict, lib/commands/cli.ts),
 * prints `--help`, writes the README's command reference and drives shell completion.
 */
import * as path from 'path';
import { parseCommandLine, Positionals } from './cli';
import { Reporter } from './report';

export type { Reporter } from './report';

/** What a shell completes for an argument or a flag's value. */
export type Completion =
  | 'target'
  | 'subcloud'
  | 'release'
  | 'credential'
  | 'revision'
  | 'file'
  | 'folder'
  | 'command'
  | 'shell'
  | readonly string[];

export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The flag may be given more than once (each value kept). */
  readonly multiple?: boolean;
  /** The placeholder of its value in help (`DIR`, `FILE`). */
  readonly value?: string;
  /** What happens without the flag, for help ("dist/", "off"). */
  readonly default?: string;
  readonly description: string;
  readonly complete?: Completion;
}

export interface ArgumentSpec {
  /** As help shows it: `<target>`, `[<release>]`, `[<folder>...]`. */
  readonly name: string;
  readonly description: string;
  readonly complete?: Completion;
}

/** The values of a parsed command line: a string, a boolean or (multiple) a list, by flag name. */
export type FlagValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

export interface CommandContext {
  readonly values: FlagValues;
  readonly positionals: readonly string[];
  readonly report: Reporter;
}

export interface CommandSpec {
  readonly name: string;
  /** One line for `help`. */
  readonly summary: string;
  /** A paragraph for `help <command>`. */
  readonly description?: string;
  readonly arguments: readonly ArgumentSpec[];
  readonly positionals: Positionals;
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** Command lines after the bin's name, e.g. `values aio-sx nova --json`. */
  readonly examples: readonly string[];
  /** The JSON Schema of what `--json` prints; present when the command has `--json`. */
  readonly json?: object;
  /** The exit code of an error (diff: 2, since 1 means "changed"). @default 1 */
  readonly errorCode?: number;
  /**
   * What an argument after `previous` completes to, where the arguments' own completion is not enough
   * (`fleet show <subcloud>`). @default - the first argument's
   */
  readonly completeArgument?: (previous: string) => Completion | undefined;
  /** Not listed by help (`__complete`). */
  readonly hidden?: boolean;
  run(context: CommandContext): number | void | Promise<number | void>;
}

/** The project's root folder (this file is lib/commands/command.ts; the bundle keeps each module's __dirname). */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The argument every review command takes: a stack, a subcloud, a fleet or a folder (lib/commands/targets.ts). */
export const TARGET_ARGUMENT: ArgumentSpec = {
  name: '<target>',
  description:
    'a stack (aio-sx), a subcloud (sample/subcloud1, or subcloud1 where unique), a fleet (sample: every subcloud) or a folder (dist/aio-sx)',
  complete: 'target',
};

/** --profile / --fleet: what STX_PROFILES / STX_FLEETS say for `cdk8s synth`. */
export const PROFILE_FLAGS: Readonly<Record<string, FlagSpec>> = {
  profile: {
    type: 'string',
    multiple: true,
    value: 'FILE|DIR',
    default: 'STX_PROFILES, else deployments/',
    description: 'a deployment profile file or folder (repeatable); only these sites are synthesised or read',
    complete: 'file',
  },
  fleet: {
    type: 'string',
    multiple: true,
    value: 'FILE|DIR',
    default: 'STX_FLEETS, else deployments/fleets/',
    description: 'a fleet inventory file or folder (repeatable)',
    complete: 'file',
  },
};

export const CHARTS_FLAG: FlagSpec = {
  type: 'string',
  value: 'CHARTS',
  default: 'STX_CHARTS',
  description: 'the charts: a folder, an app tarball, an index.yaml or a repository URL',
  complete: 'file',
};

/** The string value of a flag (undefined when absent). */
export const stringFlag = (values: FlagValues, name: string): string | undefined => values[name] as string | undefined;

/** The values of a repeatable flag (undefined when absent). */
export const listFlag = (values: FlagValues, name: string): string[] | undefined => values[name] as string[] | undefined;

/** Writes a JSON document to stdout, one per command run. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** JSON Schema helpers, kept short: the shapes are documented by these. */
export const schema = {
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  integer: { type: 'integer', minimum: 0 },
  strings: { type: 'array', items: { type: 'string' } },
  object(properties: Record<string, object>, required: string[] = Object.keys(properties)): object {
    return { type: 'object', properties, required, additionalProperties: false };
  },
};

/** The flags every command takes besides its own (help is added by parseCommandLine). */
export function commonFlags(spec: Pick<CommandSpec, 'json'>): Record<string, FlagSpec> {
  return {
    ...(spec.json
      ? {
          json: {
            type: 'boolean',
            default: 'off',
            description: 'print one JSON document (its JSON Schema: `help <command> --schema`)',
          } as FlagSpec,
        }
      : {}),
    quiet: {
      type: 'boolean',
      short: 'q',
      default: 'off',
      description: 'print only problems and the results asked for: no summary, no progress',
    },
  };
}

/** Every flag of a command: its own, then the common ones. */
export const allFlags = (spec: CommandSpec): Record<string, FlagSpec> => ({ ...spec.flags, ...commonFlags(spec) });

/** Parses a command line (without the bin and the command's name) strictly against the spec. */
export function parseSpec(spec: CommandSpec, argv: readonly string[]): { values: FlagValues; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(allFlags(spec)).map(([name, f]) => [
      name,
      { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}) },
    ]),
  );
  const { values, positionals } = parseCommandLine(argv, options as Parameters<typeof parseCommandLine>[1], spec.positionals);
  return { values: values as FlagValues, positionals };
}

/** `usage: stx-openstack-gitops <name> <arguments> [flags]`. */
export function usageLine(spec: CommandSpec): string {
  return `usage: ${BIN} ${spec.name}${spec.arguments.map((a) => ` ${a.name}`).join('')} [flags]   (${BIN} ${spec.name} --help)`;
}

/** The bin's name (package.json `bin`). */
export const BIN = 'stx-openstack-gitops';
