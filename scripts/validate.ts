/**
 * `npm run validate [-- DIR ...] [--no-kustomize]`: validates every stack under DIR (default dist/).
 * Prints one line per problem (`stack/path: field: what is wrong`), then a total; exits 1 on any.
 */
import { stackFolders, validateStack } from '../lib/validate/validate';
import { parseCommandLine, runCommand } from '../lib/commands/cli';

export const USAGE = 'usage: npm run validate [-- DIR ...] [--no-kustomize]';

export interface ValidateArgs {
  /** Trees or stack folders to validate. */
  readonly dirs: string[];
  readonly kustomize: boolean;
}

/** The command line (without node and the script); throws UsageError or HelpRequested. */
export function parseValidateArgs(argv: readonly string[]): ValidateArgs {
  const { values, positionals } = parseCommandLine(argv, { 'no-kustomize': { type: 'boolean' } }, { min: 0, max: Infinity, name: 'folder' });
  return { dirs: positionals.length > 0 ? positionals : ['dist'], kustomize: !values['no-kustomize'] };
}

function main(argv: readonly string[]): number {
  const { dirs, kustomize } = parseValidateArgs(argv);
  const stacks = dirs.flatMap(stackFolders);
  if (stacks.length === 0) {
    console.error('validate: no stack found');
    return 1;
  }
  let problems = 0;
  let files = 0;
  for (const dir of stacks) {
    const report = validateStack(dir, { kustomize });
    files += report.files;
    problems += report.problems.length;
    for (const line of report.problems) console.log(line);
  }
  console.log(`${problems === 0 ? 'ok' : 'FAILED'}: ${stacks.length} stacks, ${files} files, ${problems} problems`);
  return problems === 0 ? 0 : 1;
}

if (require.main === module) runCommand('validate', USAGE, () => main(process.argv.slice(2)));
