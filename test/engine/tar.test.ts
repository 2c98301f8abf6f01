import { gzipSync } from 'zlib';
import { readTarFiles } from '../../lib/engine/tar';

/** Archives are written here field by field from the ustar layout (POSIX.1-2001, pax), not by the reader under test. */
const BLOCK = 512;

interface Entry {
  name: string;
  data?: string | Buffer;
  /** The typeflag byte; '\0' is the old spelling of a regular file. */
  type?: string;
  prefix?: string;
  /** The size field as written (default: the data's length in octal, NUL-terminated). */
  size?: Buffer;
  magic?: string;
}

function field(block: Buffer, start: number, length: number, value: string | Buffer): void {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  if (bytes.length > length) throw new Error(`field of ${length} bytes: ${bytes.length} given`);
  bytes.copy(block, start);
}

function header(entry: Entry, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  field(block, 0, 100, entry.name);
  field(block, 100, 8, '0000644\0');
  field(block, 108, 8, '0000000\0');
  field(block, 116, 8, '0000000\0');
  field(block, 124, 12, entry.size ?? `${size.toString(8).padStart(11, '0')}\0`);
  field(block, 136, 12, '00000000000\0');
  field(block, 156, 1, entry.type ?? '0');
  field(block, 257, 8, entry.magic ?? 'ustar\u000000');
  if (entry.prefix) field(block, 345, 155, entry.prefix);
  // The checksum: the header's bytes summed with the checksum field read as spaces.
  block.fill(0x20, 148, 156);
  const sum = block.reduce((a, b) => a + b, 0);
  field(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

function tar(...entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? '');
    parts.push(header(entry, data.length), data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

/** A pax record: its length in decimal counts, in bytes, itself, the space, `key=value` and the newline. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  let length = bytes(body) + 1;
  while (bytes(`${length}${body}`) !== length) length++;
  return `${length}${body}`;
}

const read = (archive: Buffer, wanted?: (file: string) => boolean) => Object.fromEntries([...readTarFiles(archive, 'chart.tgz', wanted)].map(([k, v]) => [k, v.toString('utf8')]));

describe('readTarFiles', () => {
  test('reads the regular files of a plain and of a gzipped archive alike', () => {
    const archive = tar({ name: 'chart/Chart.yaml', data: 'name: x\n' }, { name: 'chart/values.yaml', data: 'a: 1\n' });
    const expected = { 'chart/Chart.yaml': 'name: x\n', 'chart/values.yaml': 'a: 1\n' };
    expect(read(archive)).toStrictEqual(expected);
    expect(read(gzipSync(archive))).toStrictEqual(expected);
  });

  test('data spanning several blocks, an exact block, and an empty file', () => {
    const big = 'x'.repeat(BLOCK * 2 + 7);
    const exact = 'y'.repeat(BLOCK);
    expect(read(tar({ name: 'big', data: big }, { name: 'exact', data: exact }, { name: 'empty' }, { name: 'after', data: 'z' }))).toStrictEqual({ big, exact, empty: '', after: 'z' });
  });

  test('the returned contents are copies, not views of the archive', () => {
    const archive = tar({ name: 'a', data: 'abc' });
    const content = readTarFiles(archive, 'chart.tgz').get('a')!;
    archive.fill(0);
    expect(content.toString()).toBe('abc');
  });

  test('a NUL typeflag is a regular file, and so is a contiguous file (7); links, folders and devices are skipped', () => {
    const archive = tar(
      { name: 'old', data: 'o', type: '\0' },
      { name: 'contiguous', data: 'c', type: '7' },
      { name: 'hard', type: '1' },
      { name: 'sym', type: '2' },
      { name: 'chr', type: '3' },
      { name: 'dir/', type: '5' },
      { name: 'fifo', type: '6' },
      { name: 'last', data: 'l' },
    );
    expect(read(archive)).toStrictEqual({ old: 'o', contiguous: 'c', last: 'l' });
  });

  test('a leading ./ is dropped, before the filter sees the path', () => {
    const seen: string[] = [];
    const files = read(tar({ name: './chart/a', data: '1' }, { name: 'chart/./b', data: '2' }), (f) => (seen.push(f), true));
    expect(files).toStrictEqual({ 'chart/a': '1', 'chart/./b': '2' });
    expect(seen).toEqual(['chart/a', 'chart/./b']);
  });

  test('the filter chooses the files kept', () => {
    expect(read(tar({ name: 'chart/Chart.yaml', data: 'c' }, { name: 'chart/templates/a.yaml', data: 't' }), (f) => f.endsWith('Chart.yaml'))).toStrictEqual({ 'chart/Chart.yaml': 'c' });
  });

  test('a name of exactly 100 bytes (no NUL) and the ustar prefix field', () => {
    const long = 'n'.repeat(100);
    expect(read(tar({ name: long, data: 'a' }, { name: 'file', prefix: 'p'.repeat(155), data: 'b' }))).toStrictEqual({ [long]: 'a', [`${'p'.repeat(155)}/file`]: 'b' });
  });

  test('a pax extended header names the next file only', () => {
    const long = `chart/${'d/'.repeat(120)}file.yaml`;
    const pax = paxRecord('mtime', '1700000000.5') + paxRecord('path', long) + paxRecord('comment', 'a=b');
    const archive = tar({ name: 'PaxHeader/x', type: 'x', data: pax }, { name: 'truncated-name', data: 'p' }, { name: 'next', data: 'n' });
    expect(read(archive)).toStrictEqual({ [long]: 'p', next: 'n' });
  });

  test('a pax header without a path record leaves the name from the header', () => {
    const archive = tar({ name: 'PaxHeader/x', type: 'x', data: paxRecord('mtime', '1') }, { name: 'plain', data: 'p' });
    expect(read(archive)).toStrictEqual({ plain: 'p' });
  });

  test('a pax path with = and multi-byte characters in it', () => {
    const archive = tar({ name: 'PaxHeader/x', type: 'x', data: paxRecord('path', 'a=b/é.yaml') }, { name: 'x', data: 'p' });
    expect(read(archive)).toStrictEqual({ 'a=b/é.yaml': 'p' });
  });

  test('a malformed pax record ends the reading of that header, not of the archive', () => {
    for (const data of ['x path=late\n', '0 path=zero\n', '-5 path=neg\n', 'nospace']) {
      expect(read(tar({ name: 'PaxHeader/x', type: 'x', data }, { name: 'plain', data: 'p' }))).toStrictEqual({ plain: 'p' });
    }
    // Records before the malformed one still count.
    expect(read(tar({ name: 'PaxHeader/x', type: 'x', data: `${paxRecord('path', 'good')}0 junk\n` }, { name: 'plain', data: 'p' }))).toStrictEqual({ good: 'p' });
  });

  test('a GNU long name (L) names the next file only', () => {
    const long = `chart/${'e'.repeat(200)}.yaml`;
    const archive = tar({ name: '././@LongLink', type: 'L', data: `${long}\0` }, { name: 'short', data: 'a' }, { name: 'next', data: 'b' });
    expect(read(archive)).toStrictEqual({ [long]: 'a', next: 'b' });
  });

  test('a long name applies to the next entry even when that entry is skipped', () => {
    const archive = tar({ name: '././@LongLink', type: 'L', data: 'link-name' }, { name: 'sym', type: '2' }, { name: 'plain', data: 'p' });
    expect(read(archive)).toStrictEqual({ plain: 'p' });
  });

  test('a pax global header (g) is skipped and names nothing', () => {
    const archive = tar({ name: 'pax_global_header', type: 'g', data: paxRecord('path', 'global') }, { name: 'plain', data: 'p' });
    expect(read(archive)).toStrictEqual({ plain: 'p' });
    // Nor does it take the long name meant for the next file.
    expect(read(tar({ name: '././@LongLink', type: 'L', data: 'long-name' }, { name: 'pax_global_header', type: 'g' }, { name: 'short', data: 's' }))).toStrictEqual({ 'long-name': 's' });
  });

  test('a size field padded with spaces, or empty, reads as written', () => {
    const archive = tar({ name: 'spaced', data: 'abc', size: Buffer.from('        3  \0') }, { name: 'empty', size: Buffer.from('\0') }, { name: 'blank', size: Buffer.from('           \0') }, { name: 'last', data: 'l' });
    expect(read(archive)).toStrictEqual({ spaced: 'abc', empty: '', blank: '', last: 'l' });
  });

  test('the archive ends at the first all-zero block, or at its last whole block', () => {
    const archive = tar({ name: 'a', data: '1' });
    const withJunk = Buffer.concat([archive, tar({ name: 'b', data: '2' })]);
    expect(read(withJunk)).toStrictEqual({ a: '1' });
    // No end-of-archive blocks at all, and a partial block after the last entry.
    const bare = archive.subarray(0, 2 * BLOCK);
    expect(read(bare)).toStrictEqual({ a: '1' });
    expect(read(Buffer.concat([bare, Buffer.from('trailing')]))).toStrictEqual({ a: '1' });
    expect(read(Buffer.alloc(0))).toStrictEqual({});
  });

  test('only the first header needs the ustar magic (old GNU tar writes "ustar  ")', () => {
    expect(read(tar({ name: 'a', data: '1', magic: 'ustar  \0' }))).toStrictEqual({ a: '1' });
    expect(read(tar({ name: 'a', data: '1' }, { name: 'b', data: '2', magic: '\0\0\0\0\0\0' }))).toStrictEqual({ a: '1', b: '2' });
  });

  test('errors name the archive and what is wrong', () => {
    expect(() => readTarFiles(Buffer.from('just text, not an archive'.padEnd(BLOCK, '.')), 'x.tgz')).toThrow(/^x\.tgz: not a tar archive$/);
    expect(() => readTarFiles(tar({ name: 'a', data: '1', magic: 'tar\0\0\0' }), 'x.tgz')).toThrow(/^x\.tgz: not a tar archive$/);
    expect(() => readTarFiles(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]), 'x.tgz')).toThrow(/^x\.tgz: not a gzip archive \(.+\)$/);
    let gzipError: unknown;
    try {
      readTarFiles(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]), 'x.tgz');
    } catch (error) {
      gzipError = error;
    }
    // The zlib error is kept as the cause (it comes from another realm than jest's Error).
    const cause = (gzipError as Error).cause as Error | undefined;
    expect(cause?.message).toBeTruthy();
    expect((gzipError as Error).message).toContain(`(${cause?.message})`);
    const big = Buffer.alloc(12);
    big[0] = 0x80;
    expect(() => readTarFiles(tar({ name: 'a', size: big }), 'x.tgz')).toThrow(/^x\.tgz: tar entry too large$/);
    expect(() => readTarFiles(tar({ name: 'a', size: Buffer.from('zzz\0') }), 'x.tgz')).toThrow(/^x\.tgz: corrupt tar header \(size "zzz"\)$/);
    const truncated = tar({ name: 'a', data: 'x'.repeat(600) }).subarray(0, BLOCK + 100);
    expect(() => readTarFiles(truncated, 'x.tgz')).toThrow(/^x\.tgz: truncated tar archive$/);
  });

  test('a buffer starting with only the first gzip magic byte is read as tar', () => {
    const archive = tar({ name: 'a', data: '1' });
    archive[0] = 0x1f;
    expect(() => readTarFiles(archive, 'x.tgz')).not.toThrow();
    const other = tar({ name: 'a', data: '1' });
    other[1] = 0x8b;
    expect(() => readTarFiles(other, 'x.tgz')).not.toThrow();
  });
});
