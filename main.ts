/**
 * Entry point of `npx cdk8s synth`: builds every stack (the StarlingX app tree and one per
 * deployment profile) and writes them atomically.
 *
 * The cdk8s CLI empties its output folder before it runs this program, so cdk8s.yaml points it at a
 * scratch folder (`.cdk8s-out`); when the CLI passes that folder, the stacks go to `dist/`, and
 * `--output DIR` writes them to DIR (which the CLI empties first), `STX_OUTPUT=DIR` writes them to
 * DIR atomically. A failed synth exits 1 and leaves dist/ (or STX_OUTPUT) as it was. It takes no
 * arguments of its own (`--help` prints the usage line).
 */
import * as fs from 'fs';
import { parseCommandLine, runCommand } from './lib/commands/cli';
import { reporter } from './lib/commands/report';
import { runSynth } from './lib/commands/synth';

const USAGE = 'usage: npx cdk8s synth [--output DIR]   (npx tsx main.ts takes no arguments; STX_OUTPUT=DIR writes DIR atomically)';

runCommand('synth', USAGE, () => {
  parseCommandLine(process.argv.slice(2), {});
  // The cdk8s CLI swallows the app's stdout; stderr reaches the operator (progress when it is a terminal).
  const report = reporter();
  const result = runSynth({ outdir: process.env.CDK8S_OUTDIR, output: process.env.STX_OUTPUT, fromCli: true, progress: report.progress });
  report.progressDone();
  result.messages.forEach((line, i) => console.error(i === 0 && result.code !== 0 ? report.paint(line, 'red') : line));
  const outdir = process.env.CDK8S_OUTDIR;
  // A non-zero exit makes the cdk8s CLI print its own stack trace after our message. Without its
  // output folder it says one line ("synthesis failed") and exits 1: the folder, absent or empty
  // (the CLI removed it before the app ran; the scratch check may have recreated it), is removed
  // and the app exits 0.
  if (result.code !== 0 && outdir && (!fs.existsSync(outdir) || fs.readdirSync(outdir).length === 0)) {
    fs.rmSync(outdir, { recursive: true, force: true });
    return 0;
  }
  return result.code;
});
