/**
 * Command lines of the project's commands (main.ts, scripts/*.ts), parsed one way: `util.parseArgs`
 * in strict mode. An unknown flag, a flag without its value, a value given to a switch or a wrong
 * number of arguments is a UsageError: the command prints what is wrong and its usage line and
 * exits 1 (no stack trace). `--help` (`-h`) prints the usage line and exits 0.
 */
import { parseArgs, ParseArgsConfig } from 'util';
import { colorWanted, paint } from './report';

/** A command line the command does not accept. */
export class UsageError extends Error {}

/** `--help` was given: the command prints its usage line and does nothing else. */
export class HelpRequested extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags (typed by their options) and the positional arguments of a command line. */
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>;

/** How many positional arguments a command takes. */
export interface Positionals {
  readonly min: number;
  readonly max: number;
  /** What they are, for the error message ("deployment", "folder"). */
  readonly name?: string;
}

/**
 * Parses `argv` (without node and the script) strictly against `options`. Throws HelpRequested on
 * `--help`/`-h`, UsageError on anything the command does not accept.
 */
export function parseCommandLine<const O extends Options>(
  argv: readonly string[],
  options: O,
  positionals: Positionals = { min: 0, max: 0 },
): Parsed<O> {
  const all: Options = { ...options, help: { type: 'boolean', short: 'h' } };
  let parsed: ReturnType<typeof parseArgs<{ options: Options; strict: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: all, strict: true, allowPositionals: true });
  } catch (error) {
    // Node's messages go on with advice about `--`; the first sentence says what is wrong.
    throw new UsageError((error as Error).message.split(/\.(?:\s|$)/)[0], { cause: error });
  }
  if (parsed.values.help) throw new HelpRequested('help');
  const count = parsed.positionals.length;
  if (count < positionals.min || count > positionals.max) {
    const what = positionals.name ?? 'argument';
    const expected =
      positionals.max === 0
        ? 'no arguments'
        : positionals.min === positionals.max
          ? `${positionals.min} ${what}`
          : `${positionals.min} to ${positionals.max} ${what}s`;
    throw new UsageError(`expected ${expected}, got ${count === 0 ? 'none' : parsed.positionals.map((p) => `'${p}'`).join(' ')}`);
  }
  return parsed as unknown as Parsed<O>;
}

/**
 * Runs a command's `main` and sets the exit code: main's return (default 0, a promise awaited); 0
 * with the usage line on stdout for `--help`; `errorCode` (default 1) with `name: message` (and the
 * usage line for a UsageError) on stderr. A reader that closes the pipe early (`| head`) is not an error.
 */
export function runCommand(name: string, usage: string, main: () => number | void | Promise<number | void>, errorCode = 1): void {
  exitQuietlyOnClosedPipe();
  const fail = (error: unknown) => {
    if (error instanceof HelpRequested) {
      console.log(usage);
      process.exitCode = 0;
      return;
    }
    reportFailure(name, usage, error, colorWanted(process.stderr));
    process.exitCode = errorCode;
  };
  try {
    const result = main();
    // An asynchronous command (encryption) sets the exit code when it settles.
    if (result instanceof Promise) result.then((code) => (process.exitCode = code ?? 0), fail);
    else process.exitCode = result ?? 0;
  } catch (error) {
    fail(error);
  }
}

/** A reader that closes the pipe early (`| head`) is not an error: the process exits with its code so far. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * A failed command's one line on stderr, `name: message` (red when `color`: lib/commands/report.ts
 * decides), and its usage line after a UsageError; never a stack trace.
 */
export function reportFailure(name: string, usage: string, error: unknown, color: boolean): void {
  console.error(paint(`${name}: ${error instanceof Error ? error.message : String(error)}`, 'red', color));
  if (error instanceof UsageError && usage) console.error(usage);
}
