/**
 * `render`: what Helm renders for the releases of a written stack (lib/commands/render.ts). Without
 * --output the objects are printed; with --file only that config file as the pod sees it. Exit 1
 * when a release does not render (each reason on stderr).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  CHARTS_FLAG,
  CommandSpec,
  FlagValues,
  parseSpec,
  printJson,
  Reporter,
  schema,
  stringFlag,
  TARGET_ARGUMENT,
  usageLine,
} from '../command';
import { UsageError } from '../cli';
import {
  Credentials,
  findConfigFiles,
  formatRelease,
  presentObject,
  readCredentialsFile,
  readCredentialsFolder,
  renderStackReleases,
} from '../render';
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
  if (!charts)
    throw new UsageError('--charts is required (or STX_CHARTS): a chart folder, an app tarball, an index.yaml or a repository URL');
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

/** The credentials the renders use and where they came from: --credentials, else credentials/<stack>/ when it exists. */
function credentialsOf(args: RenderArgs): { values: Credentials; from: string } | undefined {
  const location = args.credentials ?? path.join('credentials', path.basename(args.stack));
  if (!fs.existsSync(location)) {
    if (args.credentials)
      throw new Error(`${location}: no such file or folder (expected the credentials \`stx-openstack-gitops credentials\` writes)`);
    return undefined;
  }
  return { values: fs.statSync(location).isDirectory() ? readCredentialsFolder(location) : readCredentialsFile(location), from: location };
}

/** One object of --json: its release, `Kind/name`, and the object as printed (credentials masked unless --show-secrets). */
const OBJECT = schema.object({ release: schema.string, id: schema.string, object: { type: 'object' } });
const RELEASE = schema.object(
  { release: schema.string, chart: schema.string, version: schema.string, objects: schema.integer, error: schema.string },
  ['release', 'chart', 'version', 'objects'],
);
const FILE = schema.object({ release: schema.string, object: schema.string, key: schema.string, text: schema.string });

/**
 * The JSON Schema of `render --json`: every release's outcome, then the objects (or, with --file, the
 * files; with --output, the folder).
 */
const RENDER_JSON = schema.object(
  {
    target: schema.string,
    credentials: { description: 'the credentials file or folder used; null: placeholders', type: ['string', 'null'] },
    masked: schema.boolean,
    releases: { type: 'array', items: RELEASE },
    objects: { type: 'array', items: OBJECT },
    files: { type: 'array', items: FILE },
    output: schema.string,
  },
  ['target', 'credentials', 'masked', 'releases'],
);

async function renderMain(args: RenderArgs, report: Reporter): Promise<number> {
  const stack = readStackOrSite(args.stack);
  const charts = openChartSet(args.charts);
  const credentials = credentialsOf(args);
  const { releases, credentialValues } = await renderStackReleases(stack, {
    charts,
    credentials: credentials?.values,
    ...(args.release ? { only: [args.release] } : {}),
    progress: (started, total, name) => report.progress(started, total, `helm template ${name}`),
  });
  report.progressDone();
  const failed = releases.filter((r) => r.error);
  const rendered = releases.filter((r) => !r.error);
  for (const r of failed) console.error(report.paint(`render: ${r.error}`, 'red'));
  // Without the credentials, a release's credentials values document is absent and the chart's
  // published defaults (password) stand in: say so, rather than show them as the cloud's.
  const notGiven = releases.filter((r) => r.notGiven.length > 0);
  if (notGiven.length > 0) {
    console.error(
      `render: ${notGiven.length} release(s) read values created out of band that were not given (${notGiven.map((r) => r.release).join(', ')}); the charts' defaults stand in for them. ` +
        `Give the credentials (\`stx-openstack-gitops credentials <site>\` writes credentials/<site>/, or --credentials FILE|DIR).`,
    );
  }
  const code = failed.length > 0 ? 1 : 0;
  const summary = {
    target: args.stack,
    credentials: credentials?.from ?? null,
    masked: !args.showSecrets,
    releases: releases.map((r) => ({
      release: r.release,
      chart: r.chart,
      version: r.version,
      objects: r.objects.length,
      ...(r.error ? { error: r.error } : {}),
    })),
  };
  if (args.file) {
    const found = findConfigFiles(releases, args.file, credentialValues, args.showSecrets);
    if (found.length === 0) {
      console.error(
        report.paint(
          `render: no ConfigMap or Secret of ${args.release ? `release "${args.release}"` : 'the rendered releases'} holds a file "${args.file}"`,
          'red',
        ),
      );
      return 1;
    }
    if (report.json) printJson({ ...summary, files: found });
    else
      for (const f of found)
        process.stdout.write(
          `# ${f.release}: ${f.object} key ${f.key}${args.showSecrets ? '' : ', credentials masked'}\n${f.text}${f.text.endsWith('\n') ? '' : '\n'}`,
        );
    return code;
  }
  if (args.output) {
    fs.mkdirSync(args.output, { recursive: true });
    for (const r of rendered)
      fs.writeFileSync(path.join(args.output, `${r.release}.yaml`), formatRelease(r, credentialValues, args.showSecrets));
    const objects = releases.reduce((n, r) => n + r.objects.length, 0);
    if (report.json) printJson({ ...summary, output: args.output });
    else
      report.note(
        `rendered ${rendered.length} of ${releases.length} releases, ${objects} objects, into ${args.output}/<release>.yaml${credentials ? '' : ' (credentials: placeholders)'}`,
      );
  } else if (report.json) {
    printJson({
      ...summary,
      objects: rendered.flatMap((r) =>
        r.objects.map((o) => ({ release: r.release, id: o.id, object: presentObject(o, credentialValues, args.showSecrets) })),
      ),
    });
  } else {
    for (const r of rendered) process.stdout.write(formatRelease(r, credentialValues, args.showSecrets));
  }
  return code;
}

export const render: CommandSpec = {
  name: 'render',
  summary: 'what Helm renders for the releases of a written stack or subcloud (helm template)',
  description:
    'Without --output the objects are printed; with --file only that config file (nova.conf) as the pod sees it. Credentials are masked unless --show-secrets.',
  arguments: [TARGET_ARGUMENT, { name: '[<release>]', description: 'only this HelmRelease (default: every release)', complete: 'release' }],
  positionals: { min: 1, max: 2, name: 'argument' },
  flags: {
    charts: { ...CHARTS_FLAG, default: 'STX_CHARTS (required)' },
    output: {
      type: 'string',
      short: 'o',
      value: 'DIR',
      default: 'print to stdout',
      description: 'write <release>.yaml files into DIR',
      complete: 'folder',
    },
    file: { type: 'string', value: 'NAME', default: 'every object', description: 'print only this config file (nova.conf)' },
    'show-secrets': { type: 'boolean', default: 'off: credentials masked', description: 'print credentials as they are' },
    credentials: {
      type: 'string',
      value: 'FILE|DIR',
      default: 'credentials/<stack>/ when it exists, else placeholders',
      description: 'the credentials the renders use',
      complete: 'file',
    },
  },
  examples: [
    'render aio-sx nova --charts ../shared/charts --file nova.conf',
    'render aio-sx --charts ../shared/charts --output /tmp/rendered',
    'render sample/subcloud1 keystone --charts ../shared/charts --json',
  ],
  json: RENDER_JSON,
  run({ values, positionals, report }) {
    return renderMain(renderArgs(values, positionals), report);
  },
};

/** The command line (without the bin and `render`); throws UsageError or HelpRequested. */
export function parseRenderArgs(argv: readonly string[]): RenderArgs {
  const { values, positionals } = parseSpec(render, argv);
  return renderArgs(values, positionals);
}

export const USAGE = usageLine(render);
