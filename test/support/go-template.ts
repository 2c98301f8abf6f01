/**
 * A small renderer for the part of Helm's template language that our own program texts use, so
 * that tests can render them the way the chart's `tpl` would and then check what they do.
 *
 * Supported: `{{- ... -}}` trimming; `if`/`else if`/`else`/`end`, `range [$k, $v :=] X`, `with X`;
 * `$var := X`; fields `.Values.a.b` and `$var.a.b`; pipelines with the functions below. Chart
 * helpers (`include "name" ...`) return what the caller's `includes` map gives for that name.
 */
import { createHash } from 'crypto';

export type TemplateValue = unknown;

export interface RenderOptions {
  /** The template's root context: `{ Values: ... }`. */
  readonly root: Record<string, unknown>;
  /** `include "<name>"` results; an include not listed fails the render. */
  readonly includes?: Readonly<Record<string, string>>;
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; expr: string }
  | { kind: 'if'; branches: Array<{ cond: string | null; body: Node[] }> }
  | { kind: 'range'; keyVar?: string; valueVar?: string; expr: string; body: Node[]; elseBody: Node[] }
  | { kind: 'with'; expr: string; body: Node[] };

interface Token {
  readonly kind: 'text' | 'action';
  readonly text: string;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let rest = source;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      tokens.push({ kind: 'text', text: rest });
      break;
    }
    let text = rest.slice(0, open);
    const close = rest.indexOf('}}', open);
    if (close < 0) throw new Error(`unclosed action at ${JSON.stringify(rest.slice(open, open + 40))}`);
    let inner = rest.slice(open + 2, close);
    rest = rest.slice(close + 2);
    if (inner.startsWith('-')) {
      text = text.replace(/\s+$/, '');
      inner = inner.slice(1);
    }
    if (inner.endsWith('-')) {
      inner = inner.slice(0, -1);
      rest = rest.replace(/^\s+/, '');
    }
    if (text) tokens.push({ kind: 'text', text });
    tokens.push({ kind: 'action', text: inner.trim() });
  }
  return tokens;
}

function parse(tokens: Token[]): Node[] {
  let i = 0;
  function block(stops: RegExp): { nodes: Node[]; stop: string } {
    const nodes: Node[] = [];
    while (i < tokens.length) {
      const token = tokens[i++];
      if (token.kind === 'text') {
        nodes.push({ kind: 'text', text: token.text });
        continue;
      }
      const action = token.text;
      if (action.startsWith('/*')) continue;
      if (stops.test(action)) return { nodes, stop: action };
      if (action.startsWith('if ')) {
        const branches: Array<{ cond: string | null; body: Node[] }> = [];
        let cond: string | null = action.slice(3);
        for (;;) {
          const { nodes: body, stop } = block(/^(else|end)\b/);
          branches.push({ cond, body });
          if (stop === 'end') break;
          if (stop.startsWith('else if ')) cond = stop.slice(8);
          else cond = null;
        }
        nodes.push({ kind: 'if', branches });
      } else if (action.startsWith('range ')) {
        const m = /^range\s+(?:(\$\w+)\s*(?:,\s*(\$\w+))?\s*:=\s*)?(.+)$/.exec(action);
        if (!m) throw new Error(`bad range: ${action}`);
        const { nodes: body, stop } = block(/^(else|end)$/);
        const elseBody = stop === 'else' ? block(/^end$/).nodes : [];
        const [keyVar, valueVar] = m[2] ? [m[1], m[2]] : [undefined, m[1]];
        nodes.push({ kind: 'range', keyVar, valueVar, expr: m[3], body, elseBody });
      } else if (action.startsWith('with ')) {
        const { nodes: body } = block(/^end$/);
        nodes.push({ kind: 'with', expr: action.slice(5), body });
      } else {
        nodes.push({ kind: 'action', expr: action });
      }
    }
    if (stops.source !== '^$') throw new Error(`missing {{ end }}`);
    return { nodes, stop: '' };
  }
  return block(/^$/).nodes;
}

function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value as object).length > 0;
  return true;
}

/** Go's `%v` of a value, as Helm prints it in a template. */
function print(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function splitTerms(command: string): string[] {
  const terms: string[] = [];
  const re = /"(?:[^"\\]|\\.)*"|\([^)]*\)|\S+/g;
  for (const m of command.matchAll(re)) terms.push(m[0]);
  return terms;
}

class Scope {
  constructor(
    readonly dot: unknown,
    readonly vars: Map<string, unknown>,
  ) {}
  child(dot: unknown): Scope {
    return new Scope(dot, new Map(this.vars));
  }
}

export function renderTemplate(source: string, options: RenderOptions): string {
  const nodes = parse(tokenize(source));
  const root = options.root;
  const includes = options.includes ?? {};

  function field(base: unknown, path: string): unknown {
    let value = base;
    for (const part of path.split('.').filter(Boolean)) {
      if (value === null || value === undefined || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  }

  function term(text: string, scope: Scope): unknown {
    if (text.startsWith('"')) return JSON.parse(text);
    if (text.startsWith('(')) return pipeline(text.slice(1, -1), scope);
    if (/^-?\d+$/.test(text)) return Number(text);
    if (text === 'true' || text === 'false') return text === 'true';
    if (text === '.') return scope.dot;
    if (text.startsWith('$')) {
      const [name, ...rest] = text.split('.');
      const base = name === '$' ? root : scope.vars.get(name);
      if (name !== '$' && !scope.vars.has(name)) throw new Error(`undefined variable ${name}`);
      return field(base, rest.join('.'));
    }
    if (text.startsWith('.')) return field(scope.dot, text);
    throw new Error(`unsupported term ${text}`);
  }

  const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
    quote: (v) => JSON.stringify(print(v)),
    squote: (v) => `'${print(v)}'`,
    toJson: (v) => JSON.stringify(v ?? null),
    sha256sum: (v) => createHash('sha256').update(print(v)).digest('hex'),
    tuple: (...args) => args,
    printf: (format, ...args) => {
      let i = 0;
      return String(format).replace(/%[sdv]/g, () => print(args[i++]));
    },
    eq: (a, b) => a === b,
    ne: (a, b) => a !== b,
    not: (a) => !truthy(a),
    and: (...args) => args.every(truthy),
    or: (...args) => args.find(truthy) ?? args[args.length - 1],
    default: (fallback, v) => (truthy(v) ? v : fallback),
    keys: (m) => Object.keys((m as object) ?? {}),
    sortAlpha: (l) => [...(l as string[])].sort(),
    include: (name) => {
      if (!(String(name) in includes)) throw new Error(`include ${String(name)} not stubbed`);
      return includes[String(name)];
    },
  };

  function command(text: string, scope: Scope, piped: unknown[]): unknown {
    const [head, ...rest] = splitTerms(text);
    if (head in FUNCTIONS) return FUNCTIONS[head](...rest.map((t) => term(t, scope)), ...piped);
    if (rest.length > 0) throw new Error(`unsupported command ${text}`);
    return term(head, scope);
  }

  function pipeline(text: string, scope: Scope): unknown {
    const assign = /^(\$\w+)\s*:?=\s*(.+)$/.exec(text);
    if (assign) {
      scope.vars.set(assign[1], pipeline(assign[2], scope));
      return '';
    }
    const commands = text.split(/\s\|\s/);
    let value = command(commands[0], scope, []);
    for (const next of commands.slice(1)) value = command(next, scope, [value]);
    return value;
  }

  function run(list: Node[], scope: Scope): string {
    let out = '';
    for (const node of list) {
      if (node.kind === 'text') out += node.text;
      else if (node.kind === 'action') {
        const isAssign = /^\$\w+\s*:?=/.test(node.expr);
        const value = pipeline(node.expr, scope);
        if (!isAssign) out += print(value);
      } else if (node.kind === 'if') {
        const branch = node.branches.find((b) => b.cond === null || truthy(pipeline(b.cond, scope)));
        if (branch) out += run(branch.body, scope);
      } else if (node.kind === 'with') {
        const value = pipeline(node.expr, scope);
        if (truthy(value)) out += run(node.body, scope.child(value));
      } else {
        const value = pipeline(node.expr, scope);
        const entries: Array<[unknown, unknown]> = Array.isArray(value)
          ? value.map((v, i) => [i, v])
          : value && typeof value === 'object'
            ? Object.keys(value)
                .sort()
                .map((k) => [k, (value as Record<string, unknown>)[k]])
            : [];
        if (entries.length === 0) out += run(node.elseBody, scope);
        for (const [k, v] of entries) {
          const inner = scope.child(v);
          if (node.keyVar) inner.vars.set(node.keyVar, k);
          if (node.valueVar) inner.vars.set(node.valueVar, v);
          out += run(node.body, inner);
        }
      }
    }
    return out;
  }

  return run(nodes, new Scope(root, new Map()));
}
