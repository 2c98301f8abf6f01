/**
 * The commands of the `stx-openstack-gitops` bin, in one list: help, the README's command
 * reference, completion and the command line parsing all come from it (lib/commands/command.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { exitQuietlyOnClosedPipe, HelpRequested, reportFailure, UsageError } from './cli';
import { allFlags, BIN, CommandSpec, Completion, parseSpec, printJson, ROOT, usageLine } from './command';
import { bench } from './commands/bench';
import { credentials } from './commands/credentials';
import { diff } from './commands/diff';
import { fleet } from './commands/fleet';
import { images } from './commands/images';
import { importCrds } from './commands/import';
import { render } from './commands/render';
import { synth } from './commands/synth';
import { validate } from './commands/validate';
import { values } from './commands/values';
import { completionScript, SHELLS } from './registry-completion';
import { Reporter, reporter, Streams } from './report';
import { listTargets } from './targets';
import { inventorySubclouds, loadInventories } from './inventories';
import { defaultProfileLocations, loadDeployments } from '../deployment/app';
import { defaultFleetLocations } from '../deployment/fleet';

const help: CommandSpec = {
  name: 'help',
  summary: 'list the commands, or explain one',
  arguments: [{ name: '[<command>]', description: 'the command to explain', complete: 'command' }],
  positionals: { min: 0, max: 1, name: 'command' },
  flags: {
    markdown: { type: 'boolean', default: 'off', description: "print the command reference as Markdown (the README's section)" },
    schema: { type: 'boolean', default: 'off', description: "print the JSON Schema of the command's --json output" },
  },
  examples: ['help', 'help values', 'help images --schema'],
  run({ values: flags, positionals }) {
    const name = positionals[0];
    if (flags.markdown) return void process.stdout.write(markdownReference());
    if (name === undefined) return void process.stdout.write(overview());
    const spec = findCommand(name);
    if (flags.schema) {
      if (!spec.json) throw new UsageError(`${name} has no --json output`);
      return printJson(spec.json);
    }
    process.stdout.write(commandHelp(spec));
  },
};

const completion: CommandSpec = {
  name: 'completion',
  summary: 'print the shell completion script: commands, flags, stacks, subclouds, releases, credential ids',
  arguments: [{ name: '<shell>', description: SHELLS.join(', '), complete: 'shell' }],
  positionals: { min: 1, max: 1, name: 'shell' },
  flags: {},
  examples: [
    'completion bash > ~/.local/share/bash-completion/completions/stx-openstack-gitops',
    'completion zsh > ~/.zfunc/_stx-openstack-gitops',
    'completion fish > ~/.config/fish/completions/stx-openstack-gitops.fish',
  ],
  run({ positionals }) {
    if (!(SHELLS as readonly string[]).includes(positionals[0]))
      throw new UsageError(`unknown shell '${positionals[0]}' (expected one of ${SHELLS.join(', ')})`);
    process.stdout.write(completionScript(positionals[0] as (typeof SHELLS)[number], BIN_FILE));
  },
};

/**
 * `__complete -- <command> <word-before> <current-word>`: the candidates, one a line (what the
 * completion scripts call; `--` lets the words be flags).
 */
const complete: CommandSpec = {
  name: '__complete',
  summary: 'completion candidates (used by the completion scripts)',
  arguments: [],
  positionals: { min: 0, max: Infinity },
  flags: {},
  examples: [],
  hidden: true,
  run({ positionals }) {
    const out = completeWords(positionals);
    process.stdout.write(out.map((w) => `${w}\n`).join(''));
  },
};

/** The bin's own file: what a completion script runs where the bin is not on PATH. */
export const BIN_FILE = path.join(ROOT, 'scripts', 'stx-openstack-gitops.cjs');

export const COMMANDS: readonly CommandSpec[] = [
  synth,
  validate,
  values,
  diff,
  render,
  images,
  credentials,
  fleet,
  importCrds,
  bench,
  help,
  completion,
  complete,
];

export function findCommand(name: string): CommandSpec {
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) {
    const close = COMMANDS.filter((c) => !c.hidden && (c.name.startsWith(name.slice(0, 3)) || name.startsWith(c.name)));
    throw new UsageError(
      `unknown command '${name}'${close.length ? ` (did you mean ${close.map((c) => c.name).join(', ')}?)` : ''}; \`${BIN} help\` lists the commands`,
    );
  }
  return spec;
}

const visible = () => COMMANDS.filter((c) => !c.hidden);

function overview(): string {
  const width = Math.max(...visible().map((c) => c.name.length));
  return [
    `${BIN}: generates StarlingX stx-openstack FluxCD GitOps trees, and reviews them`,
    '',
    `usage: ${BIN} <command> [arguments] [flags]`,
    '',
    'Commands:',
    ...visible().map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `\`${BIN} help <command>\` or \`${BIN} <command> --help\` explains one, with examples.`,
    '',
  ].join('\n');
}

function flagLabel(name: string, f: ReturnType<typeof allFlags>[string]): string {
  return `${f.short ? `-${f.short}, ` : ''}--${name}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}`;
}

/** `<command> --help`: usage, what it does, every argument and flag with its default, examples. */
export function commandHelp(spec: CommandSpec): string {
  const flags = { ...allFlags(spec), help: { type: 'boolean' as const, short: 'h', description: 'print this help' } };
  const labels = Object.entries(flags).map(([n, f]) => [flagLabel(n, f), f] as const);
  const width = Math.max(...labels.map(([l]) => l.length), ...spec.arguments.map((a) => a.name.length));
  const lines = [
    `usage: ${BIN} ${spec.name}${spec.arguments.map((a) => ` ${a.name}`).join('')} [flags]`,
    '',
    spec.summary + (spec.description ? `.\n${spec.description}` : '.'),
  ];
  if (spec.arguments.length > 0) lines.push('', 'Arguments:', ...spec.arguments.map((a) => `  ${a.name.padEnd(width)}  ${a.description}`));
  lines.push(
    '',
    'Flags:',
    ...labels.map(
      ([l, f]) =>
        `  ${l.padEnd(width)}  ${f.description}${'default' in f && f.default ? ` (default: ${f.default})` : ''}${'multiple' in f && f.multiple ? ' [repeatable]' : ''}`,
    ),
  );
  if (spec.examples.length > 0) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${BIN} ${e}`));
  if (spec.json) lines.push('', `--json prints one document; its JSON Schema: ${BIN} help ${spec.name} --schema`);
  return lines.join('\n') + '\n';
}

/** The README's command reference (between its `commands` markers). */
export function markdownReference(): string {
  const out = [
    `Generated from the command registry (lib/commands/registry.ts) by \`npx ${BIN} help --markdown\`; test/cli-registry.test.ts fails when it differs.`,
    '',
  ];
  out.push(
    '| command | what it does |',
    '| --- | --- |',
    ...visible().map((c) => `| [\`${c.name}\`](#${BIN}-${c.name}) | ${c.summary} |`),
    '',
  );
  for (const c of visible()) out.push(`#### \`${BIN} ${c.name}\``, '', '```text', commandHelp(c).trimEnd(), '```', '');
  return out.join('\n');
}

export const README_BEGIN = '<!-- command-reference:begin (generated: npx stx-openstack-gitops help --markdown) -->';
export const README_END = '<!-- command-reference:end -->';

/** README.md text with its reference section replaced by `reference`. */
export function withReference(readme: string, reference = markdownReference()): string {
  const a = readme.indexOf(README_BEGIN);
  const b = readme.indexOf(README_END);
  if (a < 0 || b < a) throw new Error(`README.md: the markers ${README_BEGIN} and ${README_END} are missing`);
  return `${readme.slice(0, a + README_BEGIN.length)}\n${reference}${readme.slice(b)}`;
}

/** The candidates for completing `current`, after `previous`, in `command` (`''` before a command). */
export function completeWords([command = '', previous = '', current = '']: readonly string[]): string[] {
  const starting = (words: Iterable<string>) => [...new Set(words)].filter((w) => w.startsWith(current)).sort();
  if (command === '') return starting(visible().map((c) => c.name));
  const spec = COMMANDS.find((c) => c.name === command);
  if (!spec) return [];
  const flags = allFlags(spec);
  if (current.startsWith('-')) return starting([...Object.keys(flags).map((f) => `--${f}`), '--help']);
  const flag = previous.startsWith('--') ? flags[previous.slice(2)] : undefined;
  if (flag?.type === 'string') return flag.complete ? candidates(flag.complete, starting) : [];
  if (spec.completeArgument) {
    const own = spec.completeArgument(previous);
    return own ? candidates(own, starting) : [];
  }
  // Positionals: the first argument's completion (enough for the commands' first argument and, for values/render, the release).
  const kind = spec.arguments.find((a) => a.complete && a.complete !== 'release')?.complete;
  const release = spec.arguments.find((a) => a.complete === 'release');
  if (release && previous && !previous.startsWith('-') && previous !== command) return candidates('release', starting, previous);
  return kind ? candidates(kind, starting) : [];
}

function candidates(kind: Completion, starting: (words: Iterable<string>) => string[], target?: string): string[] {
  if (Array.isArray(kind)) return starting(kind);
  switch (kind) {
    case 'command':
      return starting(visible().map((c) => c.name));
    case 'shell':
      return starting(SHELLS);
    case 'credential':
      return starting(credentialIds());
    case 'target':
      return starting(targetNames());
    case 'subcloud':
      return starting(subcloudNames());
    case 'release':
      return starting(releaseNames(target));
    default:
      // Files, folders and revisions: the shell's own completion (the scripts fall back to it).
      return [];
  }
}

/** Stacks and subclouds under dist/, fleets by name, and the profiles of deployments/ (for credentials). */
function targetNames(): string[] {
  const names: string[] = [];
  try {
    for (const t of listTargets('dist')) names.push(t.name, ...(t.kind === 'subcloud' ? [t.inventory] : []));
  } catch {
    // No dist/ yet: the profiles still complete.
  }
  const deployments = path.join(ROOT, 'deployments');
  if (fs.existsSync(deployments))
    for (const f of fs.readdirSync(deployments))
      if (/\.(ya?ml|ts)$/.test(f) && !f.includes('schema')) names.push(f.replace(/\.(ya?ml|ts)$/, ''));
  return names;
}

/** `inventory/subcloud` of every inventory (deployments/fleets/, as the synth reads it). */
function subcloudNames(): string[] {
  return inventorySubclouds(loadInventories(defaultProfileLocations(), defaultFleetLocations())).map((s) => s.full);
}

/** The releases of a written stack (`target`), else every release the project defines (releases/<name>/). */
function releaseNames(target?: string): string[] {
  if (target) {
    try {
      const found = listTargets('dist').find((t) => t.name === target);
      if (found?.kind === 'stack')
        return fs
          .readdirSync(found.dir, { withFileTypes: true })
          .filter((e) => e.isDirectory() && fs.existsSync(path.join(found.dir, e.name, 'helmrelease.yaml')))
          .map((e) => e.name);
    } catch {
      // Fall through to every release.
    }
  }
  const dir = path.join(ROOT, 'releases');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

/** The credential ids the sites read (the catalogue of overrides/credentials.ts, as the profiles use it): `db-password.nova`, ... */
export function credentialIds(): string[] {
  return loadDeployments(defaultProfileLocations()).flatMap((d) => d.credentials.map((ref) => ref.id));
}

/**
 * Runs a command line (without node and the bin): the exit code. Errors are one line on stderr
 * (and the usage line for a usage error), never a stack trace. `streams` decide progress and
 * colours (lib/commands/report.ts). @default process.stdout and process.stderr
 */
export async function runCli(argv: readonly string[], streams?: Streams): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(overview());
    return name === undefined ? 1 : 0;
  }
  let spec: CommandSpec | undefined;
  // Until the command line is parsed: no --json, no --quiet.
  let report: Reporter = reporter({}, streams);
  try {
    spec = findCommand(name);
    const { values: flags, positionals } = parseSpec(spec, rest);
    report = reporter({ json: flags.json === true, quiet: flags.quiet === true }, streams);
    const code = await spec.run({ values: flags, positionals, report });
    report.progressDone();
    return code ?? 0;
  } catch (error) {
    report.progressDone();
    if (error instanceof HelpRequested && spec) {
      process.stdout.write(commandHelp(spec));
      return 0;
    }
    reportFailure(spec?.name ?? BIN, spec ? usageLine(spec) : '', error, report.color);
    return spec?.errorCode ?? 1;
  }
}

/** A scripts/*.ts alias (`npm run values -- ...`): runs `<name> <argv...>` and sets the exit code. */
export function runAlias(name: string, argv: readonly string[] = process.argv.slice(2)): void {
  exitQuietlyOnClosedPipe();
  void runCli([name, ...argv]).then((code) => (process.exitCode = code));
}
