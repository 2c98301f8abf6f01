import { RenderedStack } from '../../lib/engine/synth';
import { parseYaml11 } from '../../lib/engine/yaml';
import type { Loose } from './loose';

/**
 * The first document of a file of a rendered stack, read as YAML 1.1 (as Helm and kubectl read
 * it); `{}` for an empty file. Throws when the stack has no such file.
 */
export function doc(stack: RenderedStack, file: string): Loose {
  const text = stack.files.get(file);
  if (text === undefined) throw new Error(`${stack.name} has no ${file}`);
  return parseYaml11(text, file)[0] ?? {};
}
