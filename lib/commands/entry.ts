/** The `stx-openstack-gitops` bin (scripts/stx-openstack-gitops.cjs bundles this file): runs one command line. */
import { runCli } from './registry';

// A reader that closes the pipe early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
void runCli(process.argv.slice(2)).then((code) => (process.exitCode = code));
