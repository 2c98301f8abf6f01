/**
 * Entry point of `npx cdk8s synth`: builds every stack, then writes them atomically.
 *
 * The cdk8s CLI empties its output folder before it runs this program, so cdk8s.yaml points it at a
 * scratch folder (`.cdk8s-out`); when the CLI passes that folder, the stacks go to `dist/`, and
 * `--output DIR` writes them to DIR. Either way a failed synth leaves the target as it was.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildApp } from './lib/app';
import { renderApp, summary, writeStacks } from './lib/synth';

const SCRATCH = path.resolve('.cdk8s-out');

function main(): void {
  const requested = path.resolve(process.env.CDK8S_OUTDIR ?? SCRATCH);
  const target = requested === SCRATCH ? path.resolve('dist') : requested;
  const stacks = renderApp(buildApp());
  writeStacks(target, stacks);
  const lines = summary(stacks);
  if (requested === SCRATCH) {
    // The CLI expects its output folder to exist; leave it the synth summary.
    fs.mkdirSync(SCRATCH, { recursive: true });
    fs.writeFileSync(path.join(SCRATCH, 'synth-summary.yaml'), lines.map((l) => `# ${l}`).join('\n') + '\n');
  }
  // The cdk8s CLI swallows the app's stdout; stderr reaches the operator.
  console.error(`wrote ${path.relative(process.cwd(), target) || '.'}/`);
  for (const line of lines) console.error(`  ${line}`);
}

try {
  main();
} catch (error) {
  console.error(`synth failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error('nothing was written; the output folder is unchanged');
  process.exit(1);
}
