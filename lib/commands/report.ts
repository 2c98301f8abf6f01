/**
 * How every command talks to people, in one place: progress redrawn on one stderr line when stderr
 * is a terminal (nothing at all otherwise: a CI log keeps only the commands' own lines, one per
 * stack), and colours only on a terminal, never with NO_COLOR set (https://no-color.org) nor on
 * TERM=dumb. The registry builds one reporter per run (lib/commands/registry.ts); main.ts and the
 * failure line use colorWanted; child processes get childEnv so that they follow the same rule.
 */

/** What a reporter writes to or asks about: process.stdout / process.stderr, or a fake in tests. */
export interface TerminalLike {
  readonly isTTY?: boolean;
  /** The terminal's width, when it is one. */
  readonly columns?: number;
  write(text: string): unknown;
}

export interface Streams {
  readonly stdout: TerminalLike;
  readonly stderr: TerminalLike;
}

export type Style = 'red' | 'green' | 'yellow' | 'bold';

const CODES: Readonly<Record<Style, readonly [number, number]>> = { red: [31, 39], green: [32, 39], yellow: [33, 39], bold: [1, 22] };

/** How the command reports: set from --json, --quiet, the terminal and NO_COLOR. */
export interface Reporter {
  readonly json: boolean;
  readonly quiet: boolean;
  /** stderr is a terminal: progress may redraw one line. */
  readonly tty: boolean;
  /** Colours are wanted on stderr: a terminal, NO_COLOR unset, TERM not dumb. */
  readonly color: boolean;
  /** `text` in `style` when `stream` (default stderr) takes colours, else as it is. */
  paint(text: string, style: Style, stream?: keyof Streams): string;
  /**
   * One step of long work (`done` of `total` finished; `label` is the one under way): redrawn on a
   * terminal, nothing otherwise, nothing with --quiet or --json.
   */
  progress(done: number, total: number, label: string): void;
  /** Clears a progress line (before other output, and at the end). */
  progressDone(): void;
  /** A line for people on stderr (a summary, a note): not with --quiet or --json. */
  note(line: string): void;
}

/** Colours on this stream: a terminal, NO_COLOR unset or empty, TERM not `dumb`. */
export function colorWanted(stream: Pick<TerminalLike, 'isTTY'>, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** `text` wrapped in the style's escape codes when `on`. */
export function paint(text: string, style: Style, on: boolean): string {
  const [open, close] = CODES[style];
  return on ? `\x1b[${open}m${text}\x1b[${close}m` : text;
}

/** The environment of a child process that prints (cdk8s import, bench): without colours when this run has none. */
export function childEnv(color: boolean, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return color ? env : { ...env, NO_COLOR: '1', FORCE_COLOR: '0' };
}

export interface ReporterOptions {
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** Builds the reporter of one run. @default streams process.stdout and process.stderr, env process.env */
export function reporter(
  options: ReporterOptions = {},
  streams: Streams = { stdout: process.stdout, stderr: process.stderr },
  env: NodeJS.ProcessEnv = process.env,
): Reporter {
  const json = options.json === true;
  const quiet = options.quiet === true;
  const tty = streams.stderr.isTTY === true;
  const colors = { stdout: colorWanted(streams.stdout, env), stderr: colorWanted(streams.stderr, env) };
  let drawn = false;
  const clear = () => {
    if (drawn) streams.stderr.write('\r\x1b[K');
    drawn = false;
  };
  return {
    json,
    quiet,
    tty,
    color: colors.stderr,
    paint: (text, style, stream = 'stderr') => paint(text, style, colors[stream]),
    progress(done, total, label) {
      if (!tty || quiet || json) return;
      const line = `[${Math.min(done + 1, total)}/${total}] ${label}`;
      // One terminal line, or the carriage return redraws only its last row (a terminal of unknown width: 80 columns).
      const width = Math.max((streams.stderr.columns || 80) - 1, 10);
      streams.stderr.write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      drawn = true;
    },
    progressDone: clear,
    note(line) {
      if (quiet || json) return;
      clear();
      streams.stderr.write(`${line}\n`);
    },
  };
}
