/**
 * `npm run validate [-- DIR ...] [--no-kustomize]`: validates every stack under DIR (default dist/).
 * Prints one line per problem (`stack/path: field: what is wrong`), then a total; exits 1 on any.
 */
import { stackFolders, validateStack } from '../lib/validate/validate';

function main(argv: string[]): number {
  const kustomize = !argv.includes('--no-kustomize');
  const dirs = argv.filter((a) => !a.startsWith('--'));
  const stacks = (dirs.length > 0 ? dirs : ['dist']).flatMap(stackFolders);
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

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`validate: ${(error as Error).message}`);
  process.exitCode = 1;
}
