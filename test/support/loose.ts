/**
 * Plain data as tests handle it: a parsed YAML document walked down deep paths (values files have
 * no type), or a document or profile broken on purpose (the real types forbid the broken shapes).
 * Untyped on purpose, named in one place.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: tests read and break arbitrary documents
export type Loose = any;
