/**
 * What the review commands' CLIs share: strict argument parsing (unknown flag or missing value:
 * the usage line, exit 1; --help: the usage line, exit 0) and the exit-code wrapper.
 */
import { parseArgs, ParseArgsConfig } from 'util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments, or the exit code when the command must stop here (usage printed). */
export function parseCommandLine<O extends Options>(name: string, usage: string, argv: string[], options: O) {
  try {
    const parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
    if ((parsed.values as Record<string, unknown>).help) {
      console.log(usage);
      return 0;
    }
    return parsed as unknown as { values: { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean }; positionals: string[] };
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}\n${usage}`);
    return 1;
  }
}

/** Runs `main` and sets the exit code: its result, or `errorCode` (with the message) when it throws. */
export function runMain(name: string, main: (argv: string[]) => number, errorCode = 1): void {
  // `| head` closes the pipe early: not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}`);
    process.exitCode = errorCode;
  }
}
