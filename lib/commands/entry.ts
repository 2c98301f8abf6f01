/** The `stx-openstack-gitops` bin (scripts/stx-openstack-gitops.cjs bundles this file): runs one command line. */
import { exitQuietlyOnClosedPipe } from './cli';
import { runCli } from './registry';

exitQuietlyOnClosedPipe();
void runCli(process.argv.slice(2)).then((code) => (process.exitCode = code));
