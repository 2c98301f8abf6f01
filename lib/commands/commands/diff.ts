/** `diff`: the effective values (or, with --rendered, the rendered objects) of the working tree against a git revision. */
import { CHARTS_FLAG, CommandSpec, printJson, Reporter, stringFlag } from '../command';
import { Style } from '../report';
import { UsageError } from '../cli';
import { runDiff } from '../diff';
import { runRenderedDiff } from '../rendered-diff';
import { openChartSet } from '../../validate/chart-source';

const CHANGE = {
  type: 'object',
  properties: { path: { type: 'string' }, kind: { enum: ['added', 'removed', 'changed'] }, old: {}, new: {} },
  required: ['path', 'kind'],
};
const RELEASE = {
  type: 'object',
  properties: {
    release: { type: 'string' },
    status: { enum: ['added', 'removed', 'changed'] },
    spec: { type: 'array', items: { type: 'string' } },
    leaves: { type: 'array', items: CHANGE },
  },
  required: ['release', 'status', 'spec', 'leaves'],
};
/** One object of a rendered release (`Kind/name`), added, removed, or changed leaf by leaf (credentials masked). */
const OBJECT = {
  type: 'object',
  properties: { id: { type: 'string' }, kind: { enum: ['added', 'removed', 'changed'] }, leaves: { type: 'array', items: CHANGE } },
  required: ['id', 'kind', 'leaves'],
  additionalProperties: false,
};
const RENDERED_RELEASE = {
  type: 'object',
  properties: {
    release: { type: 'string' },
    status: { enum: ['added', 'removed', 'changed'] },
    objects: { type: 'array', items: OBJECT },
    errors: { type: 'array', items: { type: 'string' } },
  },
  required: ['release', 'status', 'objects', 'errors'],
  additionalProperties: false,
};
const RENDERED_STACK = {
  type: 'object',
  properties: { stack: { type: 'string' }, releases: { type: 'array', items: RENDERED_RELEASE } },
  required: ['stack', 'releases'],
  additionalProperties: false,
};

const STACK = {
  type: 'object',
  properties: {
    stack: { type: 'string' },
    status: { enum: ['added', 'removed', 'changed'] },
    kind: { enum: ['stack', 'subcloud', 'shared'] },
    sharedOnly: { type: 'boolean' },
    releases: { type: 'array', items: RELEASE },
  },
  required: ['stack', 'status', 'releases'],
};

/** Added lines green, removed red, changed yellow, headings bold: when stdout takes colours (lib/commands/report.ts). */
export function colourDiff(text: string, report: Pick<Reporter, 'paint'>): string {
  const style = (line: string): Style | undefined =>
    /^\s*\+ /.test(line) ? 'green' : /^\s*- /.test(line) ? 'red' : /^\s*~ /.test(line) ? 'yellow' : /^#/.test(line) ? 'bold' : undefined;
  return text
    .split('\n')
    .map((line) => {
      const s = style(line);
      return s ? report.paint(line, s, 'stdout') : line;
    })
    .join('\n');
}

export const diff: CommandSpec = {
  name: 'diff',
  summary: 'what changed in the values of every release: the working tree dist/ against a git revision',
  description:
    'Exit 0 when nothing changed, 1 when something did, 2 on error (so CI can tell a change from a failure). With --rendered, the objects Helm renders, credentials masked.',
  arguments: [{ name: '[<git-rev>]', description: 'the revision to compare with (default HEAD)', complete: 'revision' }],
  positionals: { min: 0, max: 1, name: 'revision' },
  flags: {
    stack: {
      type: 'string',
      value: 'TARGET',
      default: 'every stack',
      description: 'only this stack, subcloud or fleet',
      complete: 'target',
    },
    dist: { type: 'string', value: 'DIR', default: 'dist', description: 'the folder of the stacks', complete: 'folder' },
    rendered: { type: 'boolean', default: 'off', description: 'compare the rendered objects (needs --charts)' },
    charts: CHARTS_FLAG,
  },
  examples: ['diff', 'diff HEAD~1 --stack aio-sx', 'diff --json', 'diff --rendered --charts ../shared/charts --stack aio-sx'],
  json: {
    oneOf: [
      {
        type: 'object',
        properties: {
          changed: { type: 'boolean' },
          diffs: { type: 'array', items: STACK },
          credentials: { type: 'array', items: { type: 'string' } },
        },
        required: ['changed', 'diffs', 'credentials'],
        additionalProperties: false,
      },
      {
        description: 'with --rendered',
        type: 'object',
        properties: { changed: { type: 'boolean' }, rendered: { const: true }, diffs: { type: 'array', items: RENDERED_STACK } },
        required: ['changed', 'rendered', 'diffs'],
        additionalProperties: false,
      },
    ],
  },
  errorCode: 2,
  run({ values, positionals, report }) {
    const stack = stringFlag(values, 'stack');
    const dist = stringFlag(values, 'dist');
    if (!values.rendered) {
      if (values.charts !== undefined) throw new UsageError('--charts goes with --rendered');
      const result = runDiff({ rev: positionals[0], stack, dist });
      if (report.json) printJson({ changed: result.code !== 0, diffs: result.diffs, credentials: result.credentials });
      else process.stdout.write(colourDiff(result.text, report));
      return result.code;
    }
    const charts = stringFlag(values, 'charts') ?? process.env.STX_CHARTS;
    if (!charts)
      throw new UsageError('--rendered needs --charts (or STX_CHARTS): a chart folder, an app tarball, an index.yaml or a repository URL');
    return runRenderedDiff({ rev: positionals[0], stack, dist, charts: openChartSet(charts) }).then((result) => {
      if (report.json) printJson({ changed: result.code !== 0, rendered: true, diffs: result.diffs });
      else process.stdout.write(colourDiff(result.text, report));
      return result.code;
    });
  },
};
