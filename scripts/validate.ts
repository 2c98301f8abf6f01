/**
 * `npm run validate [-- DIR|STACK|SUBCLOUD ...] [--no-kustomize] [--charts CHARTS] [--target T]`: validates every
 * stack under DIR (default dist/), or the named stacks and subclouds (`aio-sx`, `sample/subcloud1`,
 * `subcloud1` where unique, `sample` for every subcloud of that fleet). With `--charts` (a chart
 * folder, an app tarball, an index.yaml or a repository URL) every HelmRelease's chart version must
 * be one that the chart set holds. Prints one line per problem (`stack/path: field: what is
 * wrong`), then, for subclouds named, one result line each, then a total; exits 1 on any problem.
 */
import * as fs from 'fs';
import { ChartSet, openChartSet } from '../lib/validate/chart-source';
import { StackReport, stackFolders, validateStack, validateSubcloud } from '../lib/validate/validate';
import { resolveTargets, subcloudOfFolder } from '../lib/commands/targets';
import { parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';
import { DEFAULT_FLUX_TARGET, FLUX_TARGET_NAMES, FLUX_TARGETS, FluxTargetName } from '../lib/profile/targets';

export const USAGE = `usage: npm run validate [-- DIR|STACK|SUBCLOUD ...] [--no-kustomize] [--charts <folder|app-tarball|index.yaml|url>] [--target ${FLUX_TARGET_NAMES.join('|')}]`;

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

/** The command line (without node and the script); throws UsageError or HelpRequested. */
export function parseValidateArgs(argv: readonly string[]): ValidateArgs {
  const { values, positionals } = parseCommandLine(argv, { 'no-kustomize': { type: 'boolean' }, charts: { type: 'string' }, target: { type: 'string' } }, { min: 0, max: Infinity, name: 'folder' });
  const target = (values.target as string | undefined) ?? DEFAULT_FLUX_TARGET;
  if (!(FLUX_TARGET_NAMES as string[]).includes(target)) throw new UsageError(`--target: expected one of ${FLUX_TARGET_NAMES.join(', ')}, got "${target}"`);
  return {
    dirs: positionals.length > 0 ? positionals : ['dist'],
    kustomize: !values['no-kustomize'],
    ...(values.charts !== undefined ? { charts: values.charts as string } : {}),
    target: target as FluxTargetName,
  };
}

function main(argv: readonly string[]): number {
  const { dirs, kustomize, charts: chartsLocation, target } = parseValidateArgs(argv);
  const charts: ChartSet | undefined = chartsLocation === undefined ? undefined : openChartSet(chartsLocation);
  const options = { kustomize, ...(charts ? { charts } : {}), flux: { name: target, versions: FLUX_TARGETS[target] } };
  const jobs = dirs.flatMap(jobsOf);
  if (jobs.length === 0) {
    console.error('validate: no stack found');
    return 1;
  }
  let problems = 0;
  let files = 0;
  const subclouds: StackReport[] = [];
  for (const job of jobs) {
    const report = 'dir' in job ? validateStack(job.dir, options) : validateSubcloud(job.fleetDir, job.site, options);
    if (!('dir' in job)) subclouds.push(report);
    files += report.files;
    problems += report.problems.length;
    for (const line of report.problems) console.log(line);
  }
  for (const r of subclouds) console.log(`subcloud ${r.stack}: ${r.problems.length === 0 ? 'ok' : `FAILED, ${r.problems.length} problems`} (${r.files} files)`);
  console.log(`${problems === 0 ? 'ok' : 'FAILED'}: ${jobs.length} stacks, ${files} files, ${problems} problems`);
  return problems === 0 ? 0 : 1;
}

if (require.main === module) runCommand('validate', USAGE, () => main(process.argv.slice(2)));
