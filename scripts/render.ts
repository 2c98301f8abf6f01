/**
 * `npm run render -- <stack> [<release>] --charts <charts> [--output DIR] [--file NAME] [--show-secrets]
 * [--credentials FILE|DIR]`: what Helm renders for the releases of a written stack (lib/commands/render.ts).
 * Without --output the objects are printed; with --file only that config file (`nova.conf`) as the
 * pod sees it. Exit 1 when a release does not render (each reason on stderr).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';
import { Credentials, findConfigFiles, formatRelease, readCredentialsFile, readCredentialsFolder, renderStackReleases } from '../lib/commands/render';
import { readStack, resolveStackDir, StackTree, stackFromFiles } from '../lib/commands/values';
import { materializeSite } from '../lib/engine/fleet';
import { openChartSet } from '../lib/validate/chart-source';
import { isFleetFolder, readTree } from '../lib/validate/validate';

export const USAGE =
  'usage: npm run render -- <stack> [<release>] --charts <folder|app-tarball|index.yaml|url> [--output <dir>] [--file <name>] [--show-secrets] [--credentials <file|dir>]';

export interface RenderArgs {
  readonly stack: string;
  readonly release?: string;
  readonly charts: string;
  readonly output?: string;
  readonly file?: string;
  readonly showSecrets: boolean;
  readonly credentials?: string;
}

/** The command line (without node and the script); throws UsageError or HelpRequested. */
export function parseRenderArgs(argv: readonly string[]): RenderArgs {
  const { values, positionals } = parseCommandLine(
    argv,
    { charts: { type: 'string' }, output: { type: 'string' }, file: { type: 'string' }, 'show-secrets': { type: 'boolean' }, credentials: { type: 'string' } },
    { min: 1, max: 2, name: 'argument' },
  );
  const charts = values.charts ?? process.env.STX_CHARTS;
  if (!charts) throw new UsageError('--charts is required (or STX_CHARTS): a chart folder, an app tarball, an index.yaml or a repository URL');
  return {
    stack: positionals[0],
    ...(positionals[1] !== undefined ? { release: positionals[1] } : {}),
    charts,
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values.file !== undefined ? { file: values.file } : {}),
    showSecrets: values['show-secrets'] === true,
    ...(values.credentials !== undefined ? { credentials: values.credentials } : {}),
  };
}

/** A stack folder, a stack under dist/, or a fleet subcloud (`fleet/<inventory>/<subcloud>`), rebuilt standalone. */
export function readStackOrSite(stack: string): StackTree {
  const parent = path.dirname(stack);
  for (const fleet of [parent, path.join('dist', parent)]) {
    if (fs.existsSync(path.join(fleet, path.basename(stack), 'kustomization.yaml')) && isFleetFolder(fleet)) {
      return stackFromFiles(materializeSite(readTree(fleet), path.basename(stack)), path.join(fleet, path.basename(stack)));
    }
  }
  return readStack(resolveStackDir(stack));
}

/** The credentials the renders use: --credentials, else credentials/<stack>/ when it exists. */
function credentialsOf(args: RenderArgs): Credentials | undefined {
  const location = args.credentials ?? path.join('credentials', path.basename(args.stack));
  if (!fs.existsSync(location)) {
    if (args.credentials) throw new Error(`${location}: no such file or folder (expected the credentials npm run credentials writes)`);
    return undefined;
  }
  return fs.statSync(location).isDirectory() ? readCredentialsFolder(location) : readCredentialsFile(location);
}

async function main(args: RenderArgs): Promise<number> {
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
    console.log(`rendered ${releases.length - failed.length} of ${releases.length} releases, ${objects} objects, into ${args.output}/<release>.yaml${credentials ? '' : ' (credentials: placeholders)'}`);
  } else {
    for (const r of releases.filter((x) => !x.error)) process.stdout.write(formatRelease(r, credentialValues, args.showSecrets));
  }
  return failed.length > 0 ? 1 : 0;
}

if (require.main === module) runCommand('render', USAGE, () => main(parseRenderArgs(process.argv.slice(2))));
