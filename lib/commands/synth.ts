/**
 * What `npx cdk8s synth` does, as a function: build every stack, write them atomically, and say
 * what happened. main.ts prints the messages and exits with the code; tests call it directly.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildApp, BuildOptions, defaultProfileLocations } from '../deployment/app';
import { defaultFleetLocations, rememberFleets, renderFleets } from '../deployment/fleet';
import { renderApp, RenderedStack, summary, unwrittenEntries, writeStacks } from '../engine/synth';
import { scanCredentials } from '../validate/credential-scan';
import { withWrittenDocuments } from '../engine/yaml';
import { announceSites } from '../validate/credential-needs';

/** The marker at the root of the output folder: the generator and its version. */
function marker(): string {
  const { name, version } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return `${name} ${version}\n`;
}

/**
 * `flux bootstrap --path=dist/clusters/<site>` commits Flux's own manifests to
 * `clusters/<site>/flux-system/`: not ours, so every synth carries them over.
 */
function bootstrapFolders(target: string): string[] {
  const clusters = path.join(target, 'clusters');
  if (!fs.existsSync(clusters) || !fs.statSync(clusters).isDirectory()) return [];
  return fs
    .readdirSync(clusters)
    .map((site) => `clusters/${site}/flux-system`)
    .filter((rel) => fs.existsSync(path.join(target, rel)));
}

/**
 * Every file about to be written goes through the credential scan of validate: a password in user
 * values, or a URL with one, fails the synth instead of reaching git.
 */
function credentialProblems(stacks: readonly RenderedStack[]): string[] {
  return stacks.flatMap((stack) =>
    scanCredentials(stack.files).map((f) => {
      const user = /^([^/]+)\/[^/]+-user-overrides\.yaml$/.exec(f.file);
      const fix = user ? ` (from userOverrides.${user[1]}: route credentials through the credentials Secret, credentials.overrides)` : '';
      return `${stack.name}/${f.file}: ${f.path}: ${f.problem}${fix}`;
    }),
  );
}

/** A stack with the files it kept read back from the written tree (for what reads every file). */
function withKept(target: string, stack: RenderedStack): RenderedStack {
  if (!stack.kept || stack.kept.size === 0) return stack;
  const files = new Map(stack.files);
  for (const rel of stack.kept.keys()) files.set(rel, fs.readFileSync(path.join(target, stack.name, rel), 'utf8'));
  return { ...stack, files };
}

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
  /**
   * Profile files or folders. Given (or set in STX_PROFILES), the synth replaces only the stacks of
   * those profiles (and the platform stack) and keeps every other stack as it was.
   * @default STX_PROFILES, or every profile of deployments/ (then the output folder holds exactly the stacks written)
   */
  readonly profiles?: readonly string[];
  /**
   * Fleet inventory files or folders. @default STX_FLEETS, or deployments/fleets/ (none on a synth
   * of some profiles unless STX_FLEETS is set)
   */
  readonly fleets?: readonly string[];
  /** Extra build options (tests inject releases through these). */
  readonly build?: Omit<BuildOptions, 'profiles'>;
  /** Told as each step starts (`step` of `total`): the bin's progress line. @default - nothing told */
  readonly progress?: (step: number, total: number, label: string) => void;
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

/** The file the synth leaves in the scratch folder. */
const SUMMARY_FILE = 'synth-summary.yaml';

/**
 * The scratch folder must be a folder we may write our summary into, checked before anything is
 * written: a file, a foreign folder or a symlinked summary is refused, naming the path.
 */
function prepareScratch(scratch: string): void {
  const stat = fs.lstatSync(scratch, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory())
    throw new Error(
      `${scratch}: the cdk8s scratch folder is ${stat.isSymbolicLink() ? 'a symlink' : 'a file'}, not a folder (remove it; the synth creates it)`,
    );
  if (!stat) fs.mkdirSync(scratch, { recursive: true });
  const foreign = fs.readdirSync(scratch).filter((e) => e !== SUMMARY_FILE);
  if (foreign.length > 0)
    throw new Error(
      `${scratch}: the cdk8s scratch folder holds ${foreign.sort().slice(0, 5).join(', ')}, which the synth did not write (the cdk8s CLI empties it before a synth; remove them)`,
    );
  const summary = fs.lstatSync(path.join(scratch, SUMMARY_FILE), { throwIfNoEntry: false });
  if (summary && !summary.isFile()) throw new Error(`${path.join(scratch, SUMMARY_FILE)}: not a plain file (remove it)`);
  try {
    fs.accessSync(scratch, fs.constants.W_OK);
  } catch {
    throw new Error(`${scratch}: the cdk8s scratch folder is not writable`);
  }
}

export function runSynth(request: SynthRequest = {}): SynthResult {
  const scratch = path.resolve(SCRATCH);
  const requested = path.resolve(request.outdir ?? scratch);
  const target = request.output ? path.resolve(request.output) : requested === scratch ? path.resolve('dist') : requested;
  const emptiedByCli = request.fromCli === true && !request.output && requested !== scratch;
  try {
    if (requested === scratch) prepareScratch(scratch);
    const onlyThese = request.profiles !== undefined || !!process.env.STX_PROFILES;
    const step = (i: number, label: string) => request.progress?.(i, 4, label);
    // The credential scan reads the documents of what was just written instead of parsing it again.
    const { stacks, leaks } = withWrittenDocuments(() => {
      step(0, 'building the stacks of the profiles');
      const rendered = renderApp(buildApp({ ...request.build, profiles: request.profiles ?? defaultProfileLocations() }));
      // Fleets: every inventory of deployments/fleets/ on a synth of every profile, else those of STX_FLEETS.
      const fleets = request.fleets ?? (onlyThese && !process.env.STX_FLEETS ? [] : defaultFleetLocations());
      step(1, 'building the fleets');
      // A subcloud whose inputs and files are as the last synth into this folder left them is kept.
      rendered.push(
        ...renderFleets(fleets, [path.resolve(__dirname, '..', '..', 'deployments')], request.build?.releases, { previous: target }),
      );
      step(2, 'looking for plaintext credentials');
      return { stacks: rendered, leaks: credentialProblems(rendered) };
    });
    if (leaks.length > 0) throw new Error(`plaintext credentials would be written:\n${leaks.join('\n')}`);
    // What a partial synth leaves as it was: `clusters/aio-dx` is kept when only `clusters/aio-sx` is written.
    const kept =
      onlyThese && fs.existsSync(target)
        ? unwrittenEntries(
            target,
            stacks.map((s) => s.name),
          ).filter((e) => !path.basename(e).startsWith('.'))
        : [];
    step(3, `writing ${path.relative(process.cwd(), target) || '.'}/`);
    const warnings = writeStacks(target, stacks, { marker: marker(), onlyThese, keep: bootstrapFolders(target) });
    rememberFleets(target, stacks);
    const lines = [
      ...summary(stacks),
      ...(kept.length > 0
        ? [`kept as they were: ${kept.sort().join(', ')} (a synth of every profile removes a stack whose profile is gone)`]
        : []),
      ...warnings,
      // Releases enabled without their credentials: Flux would fail on the missing Secret keys.
      // Without a credentials folder nothing is announced: the kept files are read back only when it exists.
      ...announceSites(
        path.dirname(target),
        fs.existsSync(path.join(path.dirname(target), 'credentials')) ? stacks.map((s) => withKept(target, s)) : stacks,
      ),
    ];
    if (requested === scratch) {
      // The CLI expects its output folder to exist; leave it the synth summary. The tree is in place
      // by now: a failure here is told as what it is, not as a failed synth.
      try {
        fs.writeFileSync(path.join(scratch, SUMMARY_FILE), lines.map((l) => `# ${l}`).join('\n') + '\n');
      } catch (error) {
        lines.push(`the tree is written, but the summary ${path.join(SCRATCH, SUMMARY_FILE)} could not be (${(error as Error).message})`);
      }
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
