/**
 * `npm run validate [-- DIR ...] [--no-kustomize] [--target T]`: validates every stack under DIR
 * (default dist/). Prints one line per problem (`stack/path: field: what is wrong`), then a total;
 * exits 1 on any. `--target` (default the newest StarlingX release of the target table) names the
 * Flux the tree is for: any field or label its controllers would prune or ignore is a problem.
 */
import { stackFolders, validateStack } from '../lib/validate/validate';
import { parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';
import { DEFAULT_FLUX_TARGET, FLUX_TARGET_NAMES, FLUX_TARGETS, FluxTargetName } from '../lib/profile/targets';

export const USAGE = `usage: npm run validate [-- DIR ...] [--no-kustomize] [--target ${FLUX_TARGET_NAMES.join('|')}]`;

export interface ValidateArgs {
  /** Trees or stack folders to validate. */
  readonly dirs: string[];
  readonly kustomize: boolean;
  readonly target: FluxTargetName;
}

/** The command line (without node and the script); throws UsageError or HelpRequested. */
export function parseValidateArgs(argv: readonly string[]): ValidateArgs {
  const { values, positionals } = parseCommandLine(argv, { 'no-kustomize': { type: 'boolean' }, target: { type: 'string' } }, { min: 0, max: Infinity, name: 'folder' });
  const target = (values.target as string | undefined) ?? DEFAULT_FLUX_TARGET;
  if (!(FLUX_TARGET_NAMES as string[]).includes(target)) throw new UsageError(`--target: expected one of ${FLUX_TARGET_NAMES.join(', ')}, got "${target}"`);
  return { dirs: positionals.length > 0 ? positionals : ['dist'], kustomize: !values['no-kustomize'], target: target as FluxTargetName };
}

function main(argv: readonly string[]): number {
  const { dirs, kustomize, target } = parseValidateArgs(argv);
  const stacks = dirs.flatMap(stackFolders);
  if (stacks.length === 0) {
    console.error('validate: no stack found');
    return 1;
  }
  let problems = 0;
  let files = 0;
  for (const dir of stacks) {
    const report = validateStack(dir, { kustomize, flux: { name: target, versions: FLUX_TARGETS[target] } });
    files += report.files;
    problems += report.problems.length;
    for (const line of report.problems) console.log(line);
  }
  console.log(`${problems === 0 ? 'ok' : 'FAILED'}: ${stacks.length} stacks, ${files} files, ${problems} problems`);
  return problems === 0 ? 0 : 1;
}

if (require.main === module) runCommand('validate', USAGE, () => main(process.argv.slice(2)));
