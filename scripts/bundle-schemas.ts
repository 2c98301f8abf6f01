/** Writes imports/flux-crd-schemas.json from ../shared/crds (run by `npm run import`). */
import * as fs from 'fs';
import { BUNDLED_SCHEMAS, bundleSchemas } from '../lib/validate/flux-schema';

fs.writeFileSync(BUNDLED_SCHEMAS, bundleSchemas());
console.error(`wrote ${BUNDLED_SCHEMAS}`);
