/**
 * `render`: what Helm renders for the releases of a written stack (lib/commands/render.ts). Without
 * --output the objects are printed; with --file only that config file as the pod sees it. Exit 1
 * when a release does not render (each reason on stderr).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CHARTS_FLAG, CommandSpec, FlagValues, parseSpec, stringFlag, TARGET_ARGUMENT, usageLine } from '../command';
import { UsageError } from '../cli';
import { Credentials, findConfigFiles, formatRelease, readCredentialsFile, readCredentialsFolder, renderStackReleases } from '../render';
import { readTarget, resolveTarget } from '../targets';
import { StackTree, stackFromFiles } from '../values';
import { materializeSite } from '../../engine/fleet';
import { openChartSet } from '../../validate/chart-source';
import { isFleetFolder, readTree } from '../../validate/validate';

export interface RenderArgs {
  readonly stack: string;
  readonly release?: string;
  readonly charts: string;
  readonly output?: string;
  readonly file?: string;
  readonly showSecrets: boolean;
  readonly credentials?: string;
}

function renderArgs(values: FlagValues, positionals: readonly string[]): RenderArgs {
  const charts = stringFlag(values, 'charts') ?? process.env.STX_CHARTS;
  if (!charts) throw new UsageError('--charts is required (or STX_CHARTS): a chart folder, an app tarball, an index.yaml or a repository URL');
  const [output, file, credentials] = (['output', 'file', 'credentials'] as const).map((f) => stringFlag(values, f));
  return {
    stack: positionals[0],
    ...(positionals[1] !== undefined ? { release: positionals[1] } : {}),
    charts,
    ...(output !== undefined ? { output } : {}),
    ...(file !== undefined ? { file } : {}),
    showSecrets: values['show-secrets'] === true,
    ...(credentials !== undefined ? { credentials } : {}),
  };
}

/**
 * A fleet subcloud's folder path (`fleet/<inventory>/<subcloud>`, under dist/ or not), rebuilt
 * standalone; else what every review command takes (lib/commands/targets.ts): a stack, a
 * subcloud (`sample/subcloud1`) or a folder.
 */
export function readStackOrSite(stack: string): StackTree {
  const parent = path.dirname(stack);
  for (const fleet of [parent, path.join('dist', parent)]) {
    if (fs.existsSync(path.join(fleet, path.basename(stack), 'kustomization.yaml')) && isFleetFolder(fleet)) {
      return stackFromFiles(materializeSite(readTree(fleet), path.basename(stack)), path.join(fleet, path.basename(stack)));
    }
  }
  return readTarget(resolveTarget(stack));
}

/** The credentials the renders use: --credentials, else credentials/<stack>/ when it exists. */
function credentialsOf(args: RenderArgs): Credentials | undefined {
  const location = args.credentials ?? path.join('credentials', path.basename(args.stack));
  if (!fs.existsSync(location)) {
    if (args.credentials) throw new Error(`${location}: no such file or folder (expected the credentials \`stx-openstack-gitops credentials\` writes)`);
    return undefined;
  }
  return fs.statSync(location).isDirectory() ? readCredentialsFolder(location) : readCredentialsFile(location);
}

async function renderMain(args: RenderArgs, quiet: boolean): Promise<number> {
  const stack = readStackOrSite(args.stack);
  const charts = openChartSet(args.charts);
  const credentials = credentialsOf(args);
  const { releases, credentialValues } = await renderStackReleases(stack, { charts, credentials, ...(args.release ? { only: [args.release] } : {}) });
  const failed = releases.filter((r) => r.error);
  for (const r of failed) console.error(`render: ${r.error}`);
  if (args.file) {
    const found = findConfigFiles(releases, args.file, credentialValues, args.showSecrets);
    if (found.length === 0) {
      console.error(`render: no ConfigMap or Secret of ${args.release ? `release "${args.release}"` : 'the rendered releases'} holds a file "${args.file}"`);
      return 1;
    }
    for (const f of found) process.stdout.write(`# ${f.release}: ${f.object} key ${f.key}${args.showSecrets ? '' : ', credentials masked'}\n${f.text}${f.text.endsWith('\n') ? '' : '\n'}`);
    return failed.length > 0 ? 1 : 0;
  }
  if (args.output) {
    fs.mkdirSync(args.output, { recursive: true });
    for (const r of releases.filter((x) => !x.error)) fs.writeFileSync(path.join(args.output, `${r.release}.yaml`), formatRelease(r, credentialValues, args.showSecrets));
    const objects = releases.reduce((n, r) => n + r.objects.length, 0);
    if (!quiet) console.log(`rendered ${releases.length - failed.length} of ${releases.length} releases, ${objects} objects, into ${args.output}/<release>.yaml${credentials ? '' : ' (credentials: placeholders)'}`);
  } else {
    for (const r of releases.filter((x) => !x.error)) process.stdout.write(formatRelease(r, credentialValues, args.showSecrets));
  }
  return failed.length > 0 ? 1 : 0;
}

export const render: CommandSpec = {
  name: 'render',
  summary: 'what Helm renders for the releases of a written stack or subcloud (helm template)',
  description: 'Without --output the objects are printed; with --file only that config file (nova.conf) as the pod sees it. Credentials are masked unless --show-secrets.',
  arguments: [TARGET_ARGUMENT, { name: '[<release>]', description: 'only this HelmRelease (default: every release)', complete: 'release' }],
  positionals: { min: 1, max: 2, name: 'argument' },
  flags: {
    charts: { ...CHARTS_FLAG, default: 'STX_CHARTS (required)' },
    output: { type: 'string', short: 'o', value: 'DIR', default: 'print to stdout', description: 'write <release>.yaml files into DIR', complete: 'folder' },
    file: { type: 'string', value: 'NAME', default: 'every object', description: 'print only this config file (nova.conf)' },
    'show-secrets': { type: 'boolean', default: 'off: credentials masked', description: 'print credentials as they are' },
    credentials: { type: 'string', value: 'FILE|DIR', default: 'credentials/<stack>/ when it exists, else placeholders', description: 'the credentials the renders use', complete: 'file' },
  },
  examples: ['render aio-sx nova --charts ../shared/charts --file nova.conf', 'render aio-sx --charts ../shared/charts --output /tmp/rendered'],
  run({ values, positionals, report }) {
    return renderMain(renderArgs(values, positionals), report.quiet);
  },
};

/** The command line (without the bin and `render`); throws UsageError or HelpRequested. */
export function parseRenderArgs(argv: readonly string[]): RenderArgs {
  const { values, positionals } = parseSpec(render, argv);
  return renderArgs(values, positionals);
}

export const USAGE = usageLine(render);
