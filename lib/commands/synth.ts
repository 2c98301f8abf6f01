/**
 * What `npx cdk8s synth` does, as a function: build every stack, write them atomically, and say
 * what happened. main.ts prints the messages and exits with the code; tests call it directly.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildApp, BuildOptions, defaultProfileLocations } from '../deployment/app';
import { renderApp, summary, writeStacks } from '../engine/synth';

export interface SynthRequest {
  /** The folder the cdk8s CLI asked for (CDK8S_OUTDIR). @default '.cdk8s-out' (the scratch folder) */
  readonly outdir?: string;
  /**
   * Where to write, whatever the CLI asked (STX_OUTPUT). The CLI empties an `--output` folder
   * before the app runs; `STX_OUTPUT=DIR npx cdk8s synth` updates DIR atomically instead.
   * @default - outdir, or dist/ when outdir is the scratch folder
   */
  readonly output?: string;
  /** The request comes from the cdk8s CLI (which has emptied an `--output` folder already). @default false */
  readonly fromCli?: boolean;
  /** Profile files or folders. @default STX_PROFILES or deployments/ */
  readonly profiles?: readonly string[];
  /** Extra build options (tests inject releases through these). */
  readonly build?: Omit<BuildOptions, 'profiles'>;
}

export interface SynthResult {
  readonly code: number;
  /** Lines for stderr: the summary, or the error. */
  readonly messages: string[];
  /** Where the stacks went (only when code is 0). */
  readonly target?: string;
}

/** The scratch folder cdk8s.yaml gives the CLI; when it is the output, the stacks go to dist/. */
export const SCRATCH = '.cdk8s-out';

export function runSynth(request: SynthRequest = {}): SynthResult {
  const scratch = path.resolve(SCRATCH);
  const requested = path.resolve(request.outdir ?? scratch);
  const target = request.output ? path.resolve(request.output) : requested === scratch ? path.resolve('dist') : requested;
  const emptiedByCli = request.fromCli === true && !request.output && requested !== scratch;
  try {
    const stacks = renderApp(buildApp({ ...request.build, profiles: request.profiles ?? defaultProfileLocations() }));
    writeStacks(target, stacks);
    const lines = summary(stacks);
    if (requested === scratch) {
      // The CLI expects its output folder to exist; leave it the synth summary.
      fs.mkdirSync(scratch, { recursive: true });
      fs.writeFileSync(path.join(scratch, 'synth-summary.yaml'), lines.map((l) => `# ${l}`).join('\n') + '\n');
    }
    return { code: 0, target, messages: [`wrote ${path.relative(process.cwd(), target) || '.'}/`, ...lines.map((l) => `  ${l}`)] };
  } catch (error) {
    const where = path.relative(process.cwd(), target) || target;
    return {
      code: 1,
      messages: [
        `synth failed: ${error instanceof Error ? error.message : String(error)}`,
        emptiedByCli
          ? `nothing was written; the cdk8s CLI had already emptied ${where} (it does so for --output): use STX_OUTPUT=${where} npx cdk8s synth to keep a folder as it was on failure`
          : `nothing was written; ${where} is unchanged`,
      ],
    };
  }
}
