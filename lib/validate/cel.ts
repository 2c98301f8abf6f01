/**
 * The small subset of CEL used by the `x-kubernetes-validations` rules of the Flux CRDs:
 * `has(self.a.b)`, `self.a.b`, string/number/boolean literals, `==`, `!=`, `!`, `&&`, `||` and
 * parentheses. `compileCel` returns undefined for anything else, so a caller can tell the rules
 * it checks from the ones it cannot.
 */
import { isMapping } from '../engine/json';

type Evaluator = (self: unknown) => unknown;

const TOKEN = /\s*(?:(\|\||&&|==|!=|[!().])|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*))/y;

class Unsupported extends Error {}

function tokenize(rule: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < rule.length) {
    if (/^\s*$/.test(rule.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(rule);
    if (!m) throw new Unsupported(`unexpected text at ${start}: ${rule.slice(start)}`);
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  }
  return tokens;
}

const ABSENT = Symbol('absent');

function select(value: unknown, fields: readonly string[]): unknown {
  let current: unknown = value;
  for (const field of fields) {
    if (!isMapping(current) || !(field in current)) return ABSENT;
    current = current[field];
  }
  return current;
}

/** Compiles a rule of the supported subset; undefined when the rule uses anything else. */
export function compileCel(rule: string): ((self: unknown) => boolean) | undefined {
  let tokens: string[];
  try {
    tokens = tokenize(rule);
  } catch {
    return undefined;
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (expected?: string): string => {
    const token = tokens[pos++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new Unsupported(`expected ${expected ?? 'a token'} at token ${pos - 1}`);
    }
    return token;
  };
  const path = (): string[] => {
    take('self');
    const fields: string[] = [];
    while (peek() === '.') {
      take('.');
      const field = take();
      if (!/^[A-Za-z_]\w*$/.test(field)) throw new Unsupported(`bad field ${field}`);
      fields.push(field);
    }
    return fields;
  };
  const primary = (): Evaluator => {
    const token = peek();
    if (token === '(') {
      take('(');
      const inner = or();
      take(')');
      return inner;
    }
    if (token === 'has') {
      take('has');
      take('(');
      const fields = path();
      take(')');
      if (fields.length === 0) throw new Unsupported('has(self)');
      return (self) => {
        const parent = select(self, fields.slice(0, -1));
        return isMapping(parent) && fields[fields.length - 1] in parent;
      };
    }
    if (token === 'self') {
      const fields = path();
      return (self) => {
        const value = select(self, fields);
        if (value === ABSENT) throw new Error(`no such key: ${fields.join('.')}`);
        return value;
      };
    }
    if (token === 'true' || token === 'false') {
      take();
      return () => token === 'true';
    }
    if (token !== undefined && /^['"]/.test(token)) {
      take();
      const literal = JSON.parse(token[0] === '"' ? token : `"${token.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;
      return () => literal;
    }
    if (token !== undefined && /^-?\d/.test(token)) {
      take();
      const literal = Number(token);
      return () => literal;
    }
    throw new Unsupported(`unsupported token ${String(token)}`);
  };
  const comparison = (): Evaluator => {
    const left = primary();
    const op = peek();
    if (op !== '==' && op !== '!=') return left;
    take();
    const right = primary();
    return op === '==' ? (self) => left(self) === right(self) : (self) => left(self) !== right(self);
  };
  const unary = (): Evaluator => {
    if (peek() === '!') {
      take('!');
      const inner = unary();
      return (self) => !inner(self);
    }
    return comparison();
  };
  const and = (): Evaluator => {
    let left = unary();
    while (peek() === '&&') {
      take('&&');
      const l = left;
      const r = unary();
      left = (self) => Boolean(l(self)) && Boolean(r(self));
    }
    return left;
  };
  const or = (): Evaluator => {
    let left = and();
    while (peek() === '||') {
      take('||');
      const l = left;
      const r = and();
      left = (self) => Boolean(l(self)) || Boolean(r(self));
    }
    return left;
  };
  try {
    const evaluate = or();
    if (pos !== tokens.length) return undefined;
    return (self) => evaluate(self) === true;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
