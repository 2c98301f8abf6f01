/** `synth`: what `npx cdk8s synth` does, run in this process (no cdk8s CLI, no update check, no foreign stack trace). */
import * as path from 'path';
import { CommandSpec, listFlag, printJson, PROFILE_FLAGS, schema, stringFlag } from '../command';
import { runSynth } from '../synth';

export const synth: CommandSpec = {
  name: 'synth',
  summary: 'build every stack (the app tree, one per profile, the fleets) and write them atomically',
  description:
    'Writes dist/ (or --output) only when every stack built: a failed synth leaves the folder as it was. The same as `npx cdk8s synth` with STX_OUTPUT, without the cdk8s CLI.',
  arguments: [],
  positionals: { min: 0, max: 0 },
  flags: {
    ...PROFILE_FLAGS,
    output: {
      type: 'string',
      short: 'o',
      value: 'DIR',
      default: 'STX_OUTPUT, else dist/',
      description: 'the folder to write (replaced atomically)',
      complete: 'folder',
    },
  },
  examples: ['synth', 'synth --profile deployments/aio-sx.yaml --output /tmp/out', 'synth --json'],
  json: schema.object({ ok: schema.boolean, output: schema.string, messages: schema.strings }),
  run({ values, report }) {
    const output = path.resolve(stringFlag(values, 'output') ?? process.env.STX_OUTPUT ?? 'dist');
    const profiles = listFlag(values, 'profile');
    const fleets = listFlag(values, 'fleet');
    const result = runSynth({
      outdir: output,
      output,
      ...(profiles ? { profiles } : {}),
      ...(fleets ? { fleets } : {}),
      progress: report.progress,
    });
    report.progressDone();
    if (report.json) printJson({ ok: result.code === 0, output: path.relative(process.cwd(), output) || '.', messages: result.messages });
    else if (result.code !== 0) result.messages.forEach((line, i) => console.error(i === 0 ? report.paint(line, 'red') : line));
    else result.messages.forEach((line) => report.note(line));
    return result.code;
  },
};
