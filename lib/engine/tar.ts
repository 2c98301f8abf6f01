/**
 * Reading gzipped tar archives in memory (Helm chart packages, application tarballs): the ustar
 * format with the POSIX (pax) and GNU long-name extensions that `helm package` and GNU tar write.
 * Regular files only; links and devices are skipped.
 */
import { gunzipSync } from 'zlib';

const BLOCK = 512;

function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const nul = field.indexOf(0);
  return field.subarray(0, nul < 0 ? field.length : nul).toString('utf8');
}

function octal(block: Buffer, start: number, length: number, where: string): number {
  const field = block.subarray(start, start + length);
  // GNU base-256 for sizes of 8 GiB and more: not a chart.
  if (field[0] & 0x80) throw new Error(`${where}: tar entry too large`);
  const digits = text(block, start, length).trim();
  const value = digits === '' ? 0 : parseInt(digits, 8);
  if (!Number.isFinite(value)) throw new Error(`${where}: corrupt tar header (size ${JSON.stringify(digits)})`);
  return value;
}

/** The `path` record of a pax extended header, if any. */
function paxPath(data: Buffer): string | undefined {
  let offset = 0;
  let found: string | undefined;
  // Stryker disable next-line EqualityOperator: equivalent, at the end indexOf finds no space and the loop breaks
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, without a space the length is read from the text before the end, and a record that starts at 0 with digits never has the key path
    if (space < 0) break;
    const length = parseInt(data.subarray(offset, space).toString('ascii'), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') found = record.slice(eq + 1);
    offset += length;
  }
  return found;
}

/**
 * The regular files of a tar archive (gzipped or not) whose path `wanted` accepts, path to
 * content. `where` names the archive in errors.
 */
export function readTarFiles(archive: Buffer, where: string, wanted: (file: string) => boolean = () => true): Map<string, Buffer> {
  let tar: Buffer;
  try {
    tar = archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive) : archive;
  } catch (error) {
    throw new Error(`${where}: not a gzip archive (${(error as Error).message})`, { cause: error });
  }
  const out = new Map<string, Buffer>();
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (header.toString('latin1', 257, 262) !== 'ustar' && offset === 0) throw new Error(`${where}: not a tar archive`);
    const size = octal(header, 124, 12, where);
    const type = String.fromCharCode(header[156] || 0x30);
    const dataStart = offset + BLOCK;
    const data = tar.subarray(dataStart, dataStart + size);
    if (data.length < size) throw new Error(`${where}: truncated tar archive`);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      longName = paxPath(data) ?? longName;
      continue;
    }
    if (type === 'L') {
      longName = text(data, 0, data.length);
      continue;
    }
    if (type === 'g') continue;
    const prefix = text(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    longName = undefined;
    if ((type === '0' || type === '7') && wanted(name.replace(/^\.\//, ''))) out.set(name.replace(/^\.\//, ''), Buffer.from(data));
  }
  return out;
}
