/**
 * `npx tsx scripts/readme-reference.ts`: rewrites README.md's command reference from the registry
 * (test/cli-registry.test.ts checks it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { withReference } from '../lib/commands/registry';

const README = path.resolve(__dirname, '..', 'README.md');
fs.writeFileSync(README, withReference(fs.readFileSync(README, 'utf8')));
console.error(`wrote the command reference of ${path.relative(process.cwd(), README)}`);
