import * as fs from 'fs';
import { RUN_DIR_ENV } from './run-dir';

/** Jest globalTeardown: removes the folder of this run (test/support/global-setup.ts). */
export default function globalTeardown(): void {
  const dir = process.env[RUN_DIR_ENV];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
