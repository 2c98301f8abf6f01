/**
 * Which credentials a site needs, read from its written tree, and which of them its credentials
 * folder (credentials/<site>/, the path of its `<site>-credentials` Flux Kustomization) lacks.
 *
 * A site needs every key its HelmReleases read, through `spec.valuesFrom`, from a Secret that the
 * tree does not generate (the ones named by the `external-secrets` annotation). The folder holds
 * Secret manifests: plain ones (`<secret>.yaml`, written by `npm run credentials`, ignored by git)
 * and SOPS-encrypted ones (`<secret>.sops.yaml`, whose keys SOPS leaves readable: only the values
 * are encrypted). Synth, diff and validate announce what is missing; the credentials command can
 * use the same reading.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { EXTERNAL_SECRETS_ANNOTATION } from '../engine/release';
import { parseYaml12 } from '../engine/yaml';
import { isMapping } from '../engine/json';
import { isHelmRelease } from './tree-check';
import { fleetSites, materializeSite } from '../engine/fleet';

/** One key of an out-of-tree Secret that releases read. */
export interface CredentialNeed {
  readonly secret: string;
  readonly key: string;
  /** The HelmReleases that read it, sorted. */
  readonly releases: readonly string[];
}

/** The out-of-tree Secret keys the HelmReleases of a stack's files read (files that do not parse are validate's to report). */
export function credentialNeeds(files: ReadonlyMap<string, string>): CredentialNeed[] {
  const needs = new Map<string, { secret: string; key: string; releases: Set<string> }>();
  for (const [file, text] of files) {
    if (!/\.ya?ml$/.test(file)) continue;
    let docs: unknown[];
    try {
      docs = parseYaml12(text, file);
    } catch {
      continue;
    }
    for (const doc of docs) {
      if (!isHelmRelease(doc) || !isMapping(doc.metadata) || !isMapping(doc.spec)) continue;
      const annotations = isMapping(doc.metadata.annotations) ? doc.metadata.annotations : {};
      const external = String(annotations[EXTERNAL_SECRETS_ANNOTATION] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const ref of Array.isArray(doc.spec.valuesFrom) ? doc.spec.valuesFrom : []) {
        if (!isMapping(ref) || (ref.kind ?? 'Secret') !== 'Secret' || !external.includes(String(ref.name)) || ref.optional === true)
          continue;
        const secret = String(ref.name);
        const key = typeof ref.valuesKey === 'string' ? ref.valuesKey : 'values.yaml';
        const id = `${secret}/${key}`;
        if (!needs.has(id)) needs.set(id, { secret, key, releases: new Set() });
        needs.get(id)!.releases.add(String(doc.metadata.name));
      }
    }
  }
  return [...needs.values()]
    .map((n) => ({ secret: n.secret, key: n.key, releases: [...n.releases].sort() }))
    .sort((a, b) => `${a.secret}/${a.key}`.localeCompare(`${b.secret}/${b.key}`));
}

/** One Secret of a credentials folder. */
export interface HeldSecret {
  readonly file: string;
  readonly keys: ReadonlySet<string>;
  /** True when the document has a `sops:` block (its values are encrypted, its keys readable). */
  readonly encrypted: boolean;
}

/** What a credentials folder holds and says. */
export interface CredentialFolder {
  readonly dir: string;
  readonly exists: boolean;
  /** Secrets by name; a name held both plain and encrypted keeps both entries. */
  readonly secrets: ReadonlyMap<string, readonly HeldSecret[]>;
  /** The resources of its kustomization.yaml (relative paths), when it has one. */
  readonly listed: readonly string[];
  /** What could not be read, one line each (`<file>: what is wrong`). */
  readonly problems: readonly string[];
}

/** Reads every Secret manifest of a credentials folder (plain and SOPS-encrypted) and its kustomization. */
export function readCredentialFolder(dir: string): CredentialFolder {
  const secrets = new Map<string, HeldSecret[]>();
  const problems: string[] = [];
  let listed: string[] = [];
  if (!fs.existsSync(dir)) return { dir, exists: false, secrets, listed, problems };
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const file = path.join(dir, name);
    let docs: unknown[];
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) throw new Error('not a regular file');
      if (stat.size > 1024 * 1024) throw new Error(`${stat.size} bytes, over the 1 MiB a Secret holds`);
      docs = parseYaml12(fs.readFileSync(file, 'utf8'), file);
    } catch (error) {
      problems.push(`${file}: cannot be read: ${(error as Error).message.replace(`${file}: `, '')}`);
      continue;
    }
    if (name === 'kustomization.yaml') {
      const k = docs.find(isMapping);
      listed = Array.isArray(k?.resources) ? k.resources.map(String) : [];
      continue;
    }
    for (const doc of docs) {
      if (!isMapping(doc) || doc.kind !== 'Secret' || !isMapping(doc.metadata) || typeof doc.metadata.name !== 'string') continue;
      const keys = new Set([
        ...Object.keys(isMapping(doc.data) ? doc.data : {}),
        ...Object.keys(isMapping(doc.stringData) ? doc.stringData : {}),
      ]);
      const held = { file, keys, encrypted: isMapping(doc.sops) };
      secrets.set(doc.metadata.name, [...(secrets.get(doc.metadata.name) ?? []), held]);
    }
  }
  return { dir, exists: true, secrets, listed, problems };
}

/** The needs that the folder holds no key for (in any file, plain or encrypted). */
export function missingCredentials(needs: readonly CredentialNeed[], folder: CredentialFolder): CredentialNeed[] {
  return needs.filter((n) => !(folder.secrets.get(n.secret) ?? []).some((s) => s.keys.has(n.key)));
}

/**
 * The announcement of missing credentials, one line per release that needs some
 * (`enabling barbican needs its credentials values document that credentials/aio-sx/ lacks
 * (stx-openstack-credentials: helm-values.barbican.yaml): run ...`).
 * `site` is the name `npm run credentials` takes.
 */
export function announceMissing(site: string, missing: readonly CredentialNeed[], folderLabel: string, folderExists = true): string[] {
  // A site without any credentials yet: one line, not one per release.
  if (!folderExists && missing.length > 0) {
    return [
      `${site}: its releases need ${missing.length} credentials and ${folderLabel} does not exist: run \`npm run credentials -- ${site}\``,
    ];
  }
  const byRelease = new Map<string, CredentialNeed[]>();
  for (const need of missing) for (const r of need.releases) byRelease.set(r, [...(byRelease.get(r) ?? []), need]);
  // A credential read by several releases is announced with the first (in name order) that reads it.
  const announced = new Set<string>();
  const lines: string[] = [];
  for (const release of [...byRelease.keys()].sort()) {
    const own = byRelease.get(release)!.filter((n) => !announced.has(`${n.secret}/${n.key}`));
    if (own.length === 0) continue;
    own.forEach((n) => announced.add(`${n.secret}/${n.key}`));
    const secrets = [...new Set(own.map((n) => n.secret))]
      .map(
        (s) =>
          `${s}: ${own
            .filter((n) => n.secret === s)
            .map((n) => n.key)
            .join(', ')}`,
      )
      .join('; ');
    // A release reads its credentials as one values document (helm-values.<release>.yaml): the
    // tree names the document, the credentials command knows what goes in it.
    const documents = own.filter((n) => /^helm-values\..+\.yaml$/.test(n.key)).length;
    const keys = own.length - documents;
    const what = [
      ...(documents > 0 ? [`its credentials values document${documents === 1 ? '' : 's'}`] : []),
      ...(keys > 0 ? [`${keys} new credential${keys === 1 ? '' : 's'}`] : []),
    ].join(' and ');
    lines.push(`${site}: enabling ${release} needs ${what} that ${folderLabel} lacks (${secrets}): run \`npm run credentials -- ${site}\``);
  }
  return lines;
}

/** The files of a folder that git tracks, relative to the folder (undefined outside a git work tree). */
function gitTracked(dir: string): Set<string> | undefined {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--', '.'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return new Set(out.split('\0').filter(Boolean));
  } catch {
    return undefined;
  }
}

/**
 * The checks validate runs on a site's credentials folder: every file its kustomization lists
 * exists (or is named as still to be encrypted, when its plain form is there); no plaintext
 * Secret is tracked by git; every key the HelmReleases read is held, encrypted or not.
 */
export function checkCredentialFolder(
  site: string,
  folder: CredentialFolder,
  needs: readonly CredentialNeed[],
  folderLabel: string,
): string[] {
  if (!folder.exists) {
    if (needs.length === 0) return [];
    return [
      `${folderLabel}: (credentials): missing: its releases read ${needs.length} credentials: run \`npm run credentials -- ${site}\`, then encrypt them`,
    ];
  }
  const problems = folder.problems.map((p) => `${folderLabel}: (credentials): ${p}`);
  if (!fs.existsSync(path.join(folder.dir, 'kustomization.yaml')))
    problems.push(`${folderLabel}kustomization.yaml: (credentials): missing: Flux builds this folder with kustomize`);
  for (const entry of folder.listed) {
    if (fs.existsSync(path.join(folder.dir, entry))) continue;
    const plain = entry.replace(/\.sops\.(ya?ml)$/, '.$1');
    problems.push(
      plain !== entry && fs.existsSync(path.join(folder.dir, plain))
        ? `${folderLabel}${entry}: (credentials): not encrypted yet: ${plain} holds the values; encrypt it into ${entry} (sops --encrypt ${plain} > ${entry})`
        : `${folderLabel}${entry}: (credentials): listed by kustomization.yaml but not created yet: run \`npm run credentials -- ${site}\`, then encrypt`,
    );
  }
  const tracked = gitTracked(folder.dir);
  for (const held of [...folder.secrets.values()].flat()) {
    if (!held.encrypted && tracked?.has(path.basename(held.file)))
      problems.push(
        `${folderLabel}${path.basename(held.file)}: (credentials): a plaintext Secret tracked by git: remove it from git (git rm --cached) and commit only its encrypted form`,
      );
  }
  problems.push(
    ...announceMissing(site, missingCredentials(needs, folder), folderLabel).map(
      (l) => `${folderLabel}: (credentials): ${l.slice(site.length + 2)}`,
    ),
  );
  return problems;
}

/**
 * The credentials folder of a site: the `spec.path` of its `<site>-credentials` Flux Kustomization
 * when the entry points hold one, else `credentials/<site>`; relative to the repository root.
 */
export function credentialFolderOf(site: string, entrypoints: ReadonlyMap<string, string>): string {
  // A fleet's subcloud has its Kustomizations in one file; a stack, one file each.
  for (const [file, text] of entrypoints) {
    let docs: unknown[];
    try {
      docs = parseYaml12(text, file);
    } catch {
      continue;
    }
    const doc = docs.find((d) => isMapping(d) && isMapping(d.metadata) && d.metadata.name === `${site}-credentials`);
    const p = isMapping(doc) && isMapping(doc.spec) ? doc.spec.path : undefined;
    if (typeof p === 'string' && p !== '') return path.posix.normalize(p.replace(/^\.\//, ''));
  }
  return `credentials/${site}`;
}

/**
 * The sites of written stacks with the credentials each needs and its folder lacks, announced
 * (synth and diff print these lines). `stacks`: the output's top-level stacks by name (`aio-sx`,
 * `clusters/<site>`, `fleet/<inventory>`), files relative to each. Nothing before the repository has a
 * `credentials/` folder: the first `npm run credentials` starts it.
 */
export function announceSites(
  repoRoot: string,
  stacks: ReadonlyArray<{ readonly name: string; readonly files: ReadonlyMap<string, string> }>,
): string[] {
  if (!fs.existsSync(path.join(repoRoot, 'credentials'))) return [];
  // Entry points are written as `clusters/<site>` stacks (or one `clusters` stack of site folders).
  const clusters = new Map<string, string>();
  for (const s of stacks) {
    if (s.name === 'clusters') for (const [f, t] of s.files) clusters.set(f, t);
    else if (s.name.startsWith('clusters/')) for (const [f, t] of s.files) clusters.set(`${s.name.slice('clusters/'.length)}/${f}`, t);
  }
  const lines: string[] = [];
  const announce = (site: string, files: ReadonlyMap<string, string>, entrypoints: ReadonlyMap<string, string>) => {
    const rel = credentialFolderOf(site, entrypoints);
    const needs = credentialNeeds(files);
    const folder = readCredentialFolder(path.join(repoRoot, rel));
    lines.push(...announceMissing(site, missingCredentials(needs, folder), `${rel}/`, folder.exists));
  };
  for (const stack of stacks) {
    if (stack.name === 'clusters' || stack.name.startsWith('clusters/')) continue;
    if (stack.name.startsWith('fleet/')) {
      for (const site of fleetSites(stack.files)) {
        const entry = new Map([...stack.files].filter(([f]) => f.startsWith(`clusters/${site}/`)));
        announce(site, materializeSite(stack.files, site), entry);
      }
    } else {
      announce(stack.name, stack.files, new Map([...clusters].filter(([f]) => f.startsWith(`${stack.name}/`))));
    }
  }
  return lines;
}
