/**
 * `validate`: validates every stack under a folder (default dist/), or the named stacks and
 * subclouds. With --charts every HelmRelease's chart version must be one the chart set holds.
 * Prints one line per problem (`stack/path: field: what is wrong`), then one result line per
 * subcloud named, then a total; exits 1 on any problem.
 */
import * as fs from 'fs';
import { CHARTS_FLAG, CommandSpec, FlagValues, parseSpec, printJson, schema, stringFlag, usageLine } from '../command';
import { UsageError } from '../cli';
import { resolveTargets, subcloudOfFolder } from '../targets';
import { ChartSet, openChartSet } from '../../validate/chart-source';
import { StackReport, stackFolders, validateStack, validateSubcloud } from '../../validate/validate';
import { DEFAULT_FLUX_TARGET, FLUX_TARGET_NAMES, FLUX_TARGETS, FluxTargetName } from '../../profile/targets';

/** A validation to run: a stack folder (or tree) as before, or one subcloud of a fleet folder. */
type Job = { readonly dir: string } | { readonly fleetDir: string; readonly site: string };

/** The jobs of one argument: a folder (a subcloud's, a stack's, a tree), else a stack, subcloud or fleet name under dist/. */
function jobsOf(arg: string): Job[] {
  if (fs.existsSync(arg)) {
    const target = subcloudOfFolder(arg);
    // A subcloud's own folder is checked as that subcloud; any other folder as before (a fleet folder whole).
    if (target?.kind === 'subcloud') return [{ fleetDir: target.fleetDir, site: target.site }];
    return stackFolders(arg).map((dir) => ({ dir }));
  }
  return resolveTargets(arg).map((t) => (t.kind === 'subcloud' ? { fleetDir: t.fleetDir, site: t.site } : { dir: t.dir }));
}

export interface ValidateArgs {
  /** Trees or stack folders to validate. */
  readonly dirs: string[];
  readonly kustomize: boolean;
  /** The chart set to check pins against. @default - pins are not checked */
  readonly charts?: string;
  readonly target: FluxTargetName;
}

const FLAGS = {
  'no-kustomize': { type: 'boolean', default: 'kustomize builds every stack', description: 'skip the `kustomize build` check' },
  charts: { ...CHARTS_FLAG, default: 'chart versions not checked' },
  target: {
    type: 'string',
    value: 'FLUX',
    default: DEFAULT_FLUX_TARGET,
    description: `the Flux the tree is checked against: ${FLUX_TARGET_NAMES.join(', ')}`,
    complete: FLUX_TARGET_NAMES,
  },
} as const;

function validateArgs(values: FlagValues, positionals: readonly string[]): ValidateArgs {
  const target = stringFlag(values, 'target') ?? DEFAULT_FLUX_TARGET;
  if (!(FLUX_TARGET_NAMES as string[]).includes(target))
    throw new UsageError(`--target: expected one of ${FLUX_TARGET_NAMES.join(', ')}, got "${target}"`);
  const charts = stringFlag(values, 'charts');
  return {
    dirs: positionals.length > 0 ? [...positionals] : ['dist'],
    kustomize: !values['no-kustomize'],
    ...(charts !== undefined ? { charts } : {}),
    target: target as FluxTargetName,
  };
}

const SUBCLOUD = schema.object({ name: schema.string, ok: schema.boolean, files: schema.integer, problems: schema.integer });

export const validate: CommandSpec = {
  name: 'validate',
  summary: 'validate written trees: schemas, references, kustomize builds, credentials, chart pins',
  description:
    'Prints one line per problem (`stack/path: field: what is wrong`), one result line per subcloud named, then a total; exits 1 on any problem.',
  arguments: [{ name: '[<target>...]', description: 'folders, stacks, subclouds or fleets (default dist/)', complete: 'target' }],
  positionals: { min: 0, max: Infinity, name: 'folder' },
  flags: FLAGS,
  examples: ['validate', 'validate aio-sx sample/subcloud1 --no-kustomize', 'validate --charts ../shared/charts --json'],
  json: schema.object({
    ok: schema.boolean,
    stacks: schema.integer,
    files: schema.integer,
    problems: schema.strings,
    subclouds: { type: 'array', items: SUBCLOUD },
  }),
  run({ values, positionals, report }) {
    const { dirs, kustomize, charts: chartsLocation, target } = validateArgs(values, positionals);
    const charts: ChartSet | undefined = chartsLocation === undefined ? undefined : openChartSet(chartsLocation);
    const options = { kustomize, ...(charts ? { charts } : {}), flux: { name: target, versions: FLUX_TARGETS[target] } };
    const jobs = dirs.flatMap(jobsOf);
    if (jobs.length === 0) throw new Error('no stack found');
    const problems: string[] = [];
    let files = 0;
    const subclouds: StackReport[] = [];
    jobs.forEach((job, i) => {
      report.progress(i, jobs.length, 'dir' in job ? job.dir : `${job.fleetDir}/${job.site}`);
      const result = 'dir' in job ? validateStack(job.dir, options) : validateSubcloud(job.fleetDir, job.site, options);
      if (!('dir' in job)) subclouds.push(result);
      files += result.files;
      problems.push(...result.problems);
      if (!report.json && result.problems.length > 0) {
        report.progressDone();
        for (const line of result.problems) console.log(report.paint(line, 'red', 'stdout'));
      }
    });
    report.progressDone();
    const ok = problems.length === 0;
    if (report.json) {
      printJson({
        ok,
        stacks: jobs.length,
        files,
        problems,
        subclouds: subclouds.map((r) => ({ name: r.stack, ok: r.problems.length === 0, files: r.files, problems: r.problems.length })),
      });
    } else {
      const verdict = (good: boolean, text: string) => report.paint(text, good ? 'green' : 'red', 'stdout');
      if (!report.quiet)
        for (const r of subclouds)
          console.log(
            `subcloud ${r.stack}: ${verdict(r.problems.length === 0, r.problems.length === 0 ? 'ok' : `FAILED, ${r.problems.length} problems`)} (${r.files} files)`,
          );
      if (!report.quiet || !ok)
        console.log(`${verdict(ok, ok ? 'ok' : 'FAILED')}: ${jobs.length} stacks, ${files} files, ${problems.length} problems`);
    }
    return ok ? 0 : 1;
  },
};

/** The command line (without the bin and `validate`); throws UsageError or HelpRequested. */
export function parseValidateArgs(argv: readonly string[]): ValidateArgs {
  const { values, positionals } = parseSpec(validate, argv);
  return validateArgs(values, positionals);
}

export const USAGE = usageLine(validate);
