/**
 * Builders for configuration files that charts take as text (`conf.rootwrap`, sudoers,
 * my.cnf fragments, ...). The content is data; the layout is ours: no comments are carried.
 */

/** A file of lines, each ended by a newline. */
export function configText(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/** An INI file: sections in order, `key=value` or a bare `key` (null) per line. */
export function iniFile(sections: Readonly<Record<string, Readonly<Record<string, string | null>>>>): string {
  const lines: string[] = [];
  for (const [section, entries] of Object.entries(sections)) {
    lines.push(`[${section}]`);
    for (const [key, value] of Object.entries(entries)) {
      lines.push(value === null ? key : `${key}=${value}`);
    }
  }
  return configText(lines);
}

/**
 * An oslo.rootwrap filter file: filter name to `[FilterClass, executable/user/args...]`,
 * written as `name: FilterClass, arg, arg` under `[Filters]`.
 */
export function rootwrapFilters(filters: Readonly<Record<string, readonly string[]>>): string {
  return configText(['[Filters]', ...Object.entries(filters).map(([name, args]) => `${name}: ${args.join(', ')}`)]);
}

/** The rootwrap filter that lets root start os-brick's privsep daemon (nova, glance and cinder attach volumes through os-brick). */
export const OS_BRICK_PRIVSEP_FILTER: readonly string[] = [
  'RegExpFilter',
  'privsep-helper',
  'root',
  'privsep-helper',
  '--config-file',
  '/etc/(?!\\.\\.).*',
  '--privsep_context',
  'os_brick.privileged.default',
  '--privsep_sock_path',
  '/tmp/.*',
];

/** Rootwrap filters that let root run each command by its own name: `<command>: CommandFilter, <command>, root`. */
export function commandFilters(...commands: readonly string[]): Record<string, readonly string[]> {
  return Object.fromEntries(commands.map((command) => [command, ['CommandFilter', command, 'root']]));
}
