/**
 * A writer for the kill test: replaces argv[2] by a tree of argv[3] files whose text is argv[4],
 * through the same atomic replace as synth, printing "swapping" just before the swap starts.
 */
import { replaceFolder } from '../../lib/engine/output-folder';
import * as fs from 'fs';
import * as path from 'path';

const [target, count, text] = process.argv.slice(2);
replaceFolder(
  target,
  (staging) => {
    for (let i = 0; i < Number(count); i++) {
      fs.mkdirSync(path.join(staging, `d${i % 20}`), { recursive: true });
      fs.writeFileSync(path.join(staging, `d${i % 20}`, `f${i}.yaml`), `${text}\n`);
    }
    process.stdout.write('swapping\n');
  },
  { marker: 'kill-test\n' },
);
