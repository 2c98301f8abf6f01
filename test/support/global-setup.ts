/**
 * Jest globalSetup: a folder for this run, where suites leave what every suite would otherwise
 * compute again (test/support/synth.ts); workers inherit its path, globalTeardown removes it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RUN_DIR_ENV } from './run-dir';

export default function globalSetup(): void {
  process.env[RUN_DIR_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-jest-run-'));
}
