/**
 * Every values path a chart passes through Helm's `tpl`, read from the chart templates (the real
 * charts of ../shared/charts): helm-toolkit's values_template_renderer, `tpl .Values.x`, and
 * `tpl` of the dot or a range value inside `range`/`with` over `.Values.x`. Test-only: it
 * re-derives lib/deployment/tpl-values.ts so that the list cannot go stale.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const VALUES_PATH = String.raw`\$?(?:envAll)?\.Values\.([A-Za-z_][\w.]*)`;

export interface TplDerivation {
  /** Chart name to sorted values paths. */
  readonly paths: Record<string, string[]>;
  /** Lines that run tpl over something this derivation cannot place (none expected). */
  readonly unresolved: string[];
}

/** The templates of one unpacked chart folder (its own, not helm-toolkit's definitions). */
function templates(chartDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'charts') walk(full);
      } else if (/\.(ya?ml|tpl|txt)$/.test(e.name)) out.push(full);
    }
  };
  walk(path.join(chartDir, 'templates'));
  return out.sort();
}

/** The paths of one chart folder (holding Chart.yaml). */
export function chartTplPaths(chartDir: string, unresolved: string[] = []): string[] {
  const found = new Set<string>();
  for (const file of templates(chartDir)) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const renderer = line.includes('values_template_renderer') && !line.includes('define ');
      const tpl = /\btpl\s/.test(line);
      if (!renderer && !tpl) return;
      if (renderer) {
        const indexed = new RegExp(String.raw`"template"\s*\(\s*index\s+${VALUES_PATH}\s+"([^"]+)"\s*\)`).exec(line);
        const direct = new RegExp(String.raw`"template"\s+${VALUES_PATH}`).exec(line);
        if (indexed) found.add(`${indexed[1]}.${indexed[2]}`);
        else if (direct) found.add(direct[1]);
        else unresolved.push(`${file}:${i + 1}: ${line.trim()}`);
        return;
      }
      const direct = new RegExp(String.raw`\btpl\s+\(?\s*(?:toYaml\s+|toString\s+)?${VALUES_PATH}`).exec(line);
      if (direct) {
        found.add(direct[1]);
        return;
      }
      // tpl of the dot or of a range variable: the enclosing range/with over a values path.
      const scope = lines
        .slice(Math.max(0, i - 6), i)
        .reverse()
        .map((l) => new RegExp(String.raw`\{\{-?\s*(?:range|with)\s+(?:\$\w+\s*,\s*\$\w+\s*:=\s*)?${VALUES_PATH}`).exec(l))
        .find(Boolean);
      if (scope && /\btpl\s+\(?\s*(?:toYaml\s+|toString\s+)?(?:\.|\$\w+)(?:\s*\|\s*toString)?\s*\)?\s+[$.]/.test(line)) found.add(scope[1]);
      else unresolved.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return [...found].sort();
}

/** Every chart of a folder of chart archives (`*.tgz`), unpacked into `scratch`. */
export function deriveTplPaths(chartsDir: string, scratch: string): TplDerivation {
  const paths: Record<string, string[]> = {};
  const unresolved: string[] = [];
  for (const archive of fs
    .readdirSync(chartsDir)
    .filter((f) => f.endsWith('.tgz'))
    .sort()) {
    const into = path.join(scratch, archive.replace(/\.tgz$/, ''));
    fs.mkdirSync(into, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(chartsDir, archive), '-C', into]);
    for (const top of fs.readdirSync(into)) {
      const chartFile = path.join(into, top, 'Chart.yaml');
      if (!fs.existsSync(chartFile)) continue;
      const name = /^name:\s*(\S+)/m.exec(fs.readFileSync(chartFile, 'utf8'))?.[1] ?? top;
      const found = chartTplPaths(path.join(into, top), unresolved);
      if (found.length > 0) paths[name] = found;
    }
  }
  return { paths, unresolved };
}
