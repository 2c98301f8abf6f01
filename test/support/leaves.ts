import { isValues } from '../../lib/engine/values';

/** A leaf of a parsed YAML tree: its path (`conf.nova.DEFAULT.debug`, `tags[0]`) and value. */
export type Leaves = Map<string, unknown>;

function key(segment: string): string {
  return /^[A-Za-z0-9_-]+$/.test(segment) ? segment : JSON.stringify(segment);
}

/** Flattens a value into its leaves; empty mappings and lists are leaves too. */
export function leaves(value: unknown, prefix = '', out: Leaves = new Map()): Leaves {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, []);
    value.forEach((item, i) => leaves(item, `${prefix}[${i}]`, out));
  } else if (isValues(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) out.set(prefix, {});
    for (const [k, v] of entries) leaves(v, prefix ? `${prefix}.${key(k)}` : key(k), out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** The lines of a text that are not blank and not `#` comments, right-trimmed. */
export function meaningfulLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}
