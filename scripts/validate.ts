/**
 * `npm run validate [-- DIR ...] [--no-kustomize] [--charts CHARTS]`: validates every stack under DIR
 * (default dist/); with `--charts` (a chart folder, an app tarball, an index.yaml or a repository
 * URL) every HelmRelease's chart version must be one that the chart set holds.
 * Prints one line per problem (`stack/path: field: what is wrong`), then a total; exits 1 on any.
 */
import { ChartSet, openChartSet } from '../lib/validate/chart-source';
import { stackFolders, validateStack } from '../lib/validate/validate';
import { parseCommandLine, runCommand } from '../lib/commands/cli';

export const USAGE = 'usage: npm run validate [-- DIR ...] [--no-kustomize] [--charts <folder|app-tarball|index.yaml|url>]';

export interface ValidateArgs {
  /** Trees or stack folders to validate. */
  readonly dirs: string[];
  readonly kustomize: boolean;
  /** The chart set to check pins against. @default - pins are not checked */
  readonly charts?: string;
}

/** The command line (without node and the script); throws UsageError or HelpRequested. */
export function parseValidateArgs(argv: readonly string[]): ValidateArgs {
  const { values, positionals } = parseCommandLine(argv, { 'no-kustomize': { type: 'boolean' }, charts: { type: 'string' } }, { min: 0, max: Infinity, name: 'folder' });
  return { dirs: positionals.length > 0 ? positionals : ['dist'], kustomize: !values['no-kustomize'], ...(values.charts !== undefined ? { charts: values.charts } : {}) };
}

function main(argv: readonly string[]): number {
  const { dirs, kustomize, charts: chartsLocation } = parseValidateArgs(argv);
  const charts: ChartSet | undefined = chartsLocation === undefined ? undefined : openChartSet(chartsLocation);
  const stacks = dirs.flatMap(stackFolders);
  if (stacks.length === 0) {
    console.error('validate: no stack found');
    return 1;
  }
  let problems = 0;
  let files = 0;
  for (const dir of stacks) {
    const report = validateStack(dir, { kustomize, ...(charts ? { charts } : {}) });
    files += report.files;
    problems += report.problems.length;
    for (const line of report.problems) console.log(line);
  }
  console.log(`${problems === 0 ? 'ok' : 'FAILED'}: ${stacks.length} stacks, ${files} files, ${problems} problems`);
  return problems === 0 ? 0 : 1;
}

if (require.main === module) runCommand('validate', USAGE, () => main(process.argv.slice(2)));
