/** Writes imports/flux-crd-schemas.json from ../shared/crds (run by `npm run import`). */
import * as fs from 'fs';
import { BUNDLED_SCHEMAS, bundleSchemas } from '../lib/validate/flux-schema';
import { parseCommandLine, runCommand } from '../lib/commands/cli';

export const USAGE = 'usage: tsx scripts/bundle-schemas.ts   (writes imports/flux-crd-schemas.json; takes no arguments)';

if (require.main === module) {
  runCommand('bundle-schemas', USAGE, () => {
    parseCommandLine(process.argv.slice(2), {});
    fs.writeFileSync(BUNDLED_SCHEMAS, bundleSchemas());
    console.error(`wrote ${BUNDLED_SCHEMAS}`);
  });
}
