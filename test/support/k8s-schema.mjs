// Validates Kubernetes objects with kubernetes-models (an ES module, so it runs in its own Node
// process rather than inside Jest). stdin: a JSON list of objects; stdout: a JSON list of
// { index, kind, name, problem } for every object that is invalid or of a kind the package lacks.
import { readFileSync } from 'fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const modules = new Map();
async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const spec = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  if (!modules.has(spec)) modules.set(spec, await import(spec).catch(() => undefined));
  return modules.get(spec)?.[kind];
}
// The API server defaults an empty imagePullPolicy (SetDefaults_Container) before it validates:
// helm-toolkit prints an empty one where a chart sets no images.pull_policy. Validate as it does.
function defaulted(value) {
  if (Array.isArray(value)) return value.map(defaulted);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) if (!(k === 'imagePullPolicy' && (v === '' || v === null))) out[k] = defaulted(v);
  return out;
}
const problems = [];
for (const [index, object] of objects.entries()) {
  const name = object?.metadata?.name ?? '?';
  const Model =
    typeof object?.apiVersion === 'string' && typeof object?.kind === 'string' ? await modelOf(object.apiVersion, object.kind) : undefined;
  if (!Model) {
    problems.push({ index, kind: `${object?.apiVersion}/${object?.kind}`, name, problem: 'no schema for this apiVersion and kind' });
    continue;
  }
  try {
    new Model(defaulted(object)).validate();
  } catch (error) {
    problems.push({ index, kind: `${object.apiVersion}/${object.kind}`, name, problem: String(error?.message ?? error).slice(0, 2000) });
  }
}
process.stdout.write(JSON.stringify(problems));
