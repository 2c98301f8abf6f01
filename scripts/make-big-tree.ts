/**
 * `npx tsx scripts/make-big-tree.ts DIR [MB]`: writes a large stack for timing `npm run validate`:
 * a copy of dist/aio-sx whose keystone static overrides carry one mapping with enough keys to
 * reach MB megabytes (default 50; about 100 bytes a key). Valid: validate reports no problem.
 *
 *   npx tsx scripts/make-big-tree.ts /tmp/big 50 && time npm run validate -- /tmp/big --no-kustomize
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const STACK = 'aio-sx';
const VALUES = 'keystone/keystone-static-overrides.yaml';

/** Writes the stack to `dir` (created) with about `bytes` bytes in total; returns the number of added keys. */
export function makeBigTree(dir: string, bytes: number, source = path.join(ROOT, 'dist', STACK)): number {
  fs.cpSync(source, dir, { recursive: true });
  const file = path.join(dir, VALUES);
  const base = fs.readFileSync(file, 'utf8');
  const fill = 'x'.repeat(64);
  const line = (i: number) => `  key_${String(i).padStart(7, '0')}: value-${fill}-${i}\n`;
  const keys = Math.max(1, Math.ceil((bytes - base.length) / line(0).length));
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `${base}bulk:\n`);
    const chunk = 10_000;
    for (let i = 0; i < keys; i += chunk) {
      let text = '';
      for (let j = i; j < Math.min(keys, i + chunk); j++) text += line(j);
      fs.writeSync(fd, text);
    }
  } finally {
    fs.closeSync(fd);
  }
  return keys;
}

if (require.main === module) {
  const [dir, mb = '50'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: tsx scripts/make-big-tree.ts DIR [MB]');
    process.exitCode = 1;
  } else if (fs.existsSync(dir)) {
    console.error(`${dir}: exists (give a new folder)`);
    process.exitCode = 1;
  } else {
    const keys = makeBigTree(dir, Number(mb) * 1024 * 1024);
    console.log(`wrote ${dir}: ${keys} keys in ${VALUES}`);
  }
}
