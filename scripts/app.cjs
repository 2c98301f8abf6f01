/**
 * What `cdk8s synth` runs (cdk8s.yaml `app:`): main.ts, bundled once with esbuild and cached by a
 * hash of the sources, so a synth does not pay for compiling TypeScript on every run. The sources
 * stay TypeScript; an edit gives a new hash and a new bundle. TS deployment profiles, read at run
 * time, are transpiled by the same esbuild as they are required.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
/**
 * What the app is built from: every source folder the entry point can reach, and the packages
 * bundled with it (their versions: the lock file, and npm's record of what node_modules holds), and
 * this launcher itself (it holds the bundles' build options).
 */
const LAUNCHER = 'scripts/app.cjs';
const SOURCES = [
  LAUNCHER,
  'main.ts',
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json',
  'lib',
  'releases',
  'overrides',
  'policies',
  'imports',
];

/** Every source file under `root`, sorted, with its stats (bigint: nanosecond times). */
function sourceStats(root) {
  const out = [];
  const walk = (rel) => {
    const full = path.join(root, rel);
    const stat = fs.statSync(full, { throwIfNoEntry: false, bigint: true });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of fs.readdirSync(full).sort()) walk(path.join(rel, entry));
    else if (/\.(ts|json)$/.test(rel) || rel === LAUNCHER) out.push([rel, stat]);
  };
  SOURCES.forEach(walk);
  return out;
}

function sourceFiles(root = ROOT) {
  return sourceStats(root).map(([rel]) => rel);
}

/**
 * What changes whenever a file's bytes do: its change time, which no tool sets back (touch sets
 * the modification time only), its size, and its inode (a file replaced by another).
 */
const statKey = (stat) => `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;

/**
 * A file changed less than this before the hashing started may change again within the same
 * tick of the file system's clock without its stats showing it: its stats are not remembered.
 */
const RACY_NS = 1_000_000_000n;

/**
 * Writes a cache file whole (a temporary file renamed into place, so a reader never sees half of
 * it). False when it cannot be written (a read-only node_modules): the caller computes again next time.
 */
function writeCacheFile(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
    return true;
  } catch {
    fs.rmSync(tmp, { force: true });
    return false;
  }
}

/**
 * The sha256 of `prefix` and every source's path and bytes. The hash is remembered with the
 * sources' stats (node_modules/.cache/stx-openstack-gitops-sources/<name>.json): while no file
 * is added, removed or changed (its stats say so), it is not read and hashed again.
 */
function sourceHash(prefix, root, name) {
  const started = BigInt(Date.now()) * 1_000_000n;
  const memoFile = path.join(root, 'node_modules', '.cache', 'stx-openstack-gitops-sources', `${name}.json`);
  const stats = sourceStats(root);
  const keys = stats.map(([rel, stat]) => `${rel}\0${statKey(stat)}`).join('\n');
  let memo;
  try {
    memo = JSON.parse(fs.readFileSync(memoFile, 'utf8'));
  } catch {
    memo = undefined;
  }
  if (memo && memo.prefix === prefix && memo.keys === keys && typeof memo.hash === 'string') return memo.hash;
  const hash = crypto.createHash('sha256');
  hash.update(prefix);
  for (const [rel] of stats)
    hash
      .update(`${rel}\0`)
      .update(fs.readFileSync(path.join(root, rel)))
      .update('\0');
  const digest = hash.digest('hex');
  if (stats.every(([, stat]) => stat.ctimeNs < started - RACY_NS)) writeCacheFile(memoFile, JSON.stringify({ prefix, keys, hash: digest }));
  return digest;
}

/**
 * `name`: the bundle's prefix (`app` for main.ts); another name gets a cache folder of its own, so
 * each keeps only its newest bundle. `root`: the project (tests give another).
 */
function bundlePath(esbuild, name = 'app', root = ROOT) {
  const digest = sourceHash(`${process.version}\0${esbuild.version}\0${root}\0`, root, name);
  return path.join(
    root,
    'node_modules',
    '.cache',
    name === 'app' ? 'stx-openstack-gitops' : `stx-openstack-gitops-${name}`,
    `${name}-${digest.slice(0, 16)}.cjs`,
  );
}

/** The V8 code cache kept beside a bundle: named after it, so a new bundle never reads an old cache. */
const codeCachePath = (outfile) => `${outfile}.v8cache`;

/**
 * Runs the bundle as node's require would, but compiled with V8's code cache beside it: the cache
 * is written after the first run of a bundle (at exit, so it holds the functions that run
 * compiled, not only the top level), and later runs skip parsing and compiling what it holds.
 * V8 checks the cache against its own version, its flags and the source, and refuses one that
 * does not fit (another node, `--cpu-prof`): the bundle is then compiled from its text, as
 * without a cache, and the cache written again. Tells the bundle the hash of the sources it was
 * built from: a fleet synth keeps a subcloud's files only while it is unchanged.
 */
function requireBundle(outfile) {
  globalThis.__STX_SOURCE_HASH = /-([0-9a-f]+)\.cjs$/.exec(outfile)[1];
  const Module = require('module');
  const vm = require('vm');
  const cacheFile = codeCachePath(outfile);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(outfile, 'utf8')), { filename: outfile, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => writeCacheFile(cacheFile, script.createCachedData()));
  }
  const bundle = new Module(outfile, module);
  bundle.filename = outfile;
  bundle.paths = Module._nodeModulePaths(path.dirname(outfile));
  require.cache[outfile] = bundle;
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(outfile), bundle, outfile, path.dirname(outfile));
  bundle.loaded = true;
}

/** Each module keeps its own __dirname (paths to deployments/, package.json, the CRDs). */
const keepDirname = {
  name: 'keep-dirname',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = fs.readFileSync(args.path, 'utf8').replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)));
      return { contents: text, loader: 'ts' };
    });
  },
};

/**
 * `withPackages`: the npm packages the entry reaches (cdk8s, constructs, yaml, zod) go into the
 * bundle too, but esbuild: node then loads one file instead of resolving and reading some hundred
 * (about 0.1 s of every synth). Their versions are pinned by package-lock.json, which the bundle's
 * hash covers.
 */
function build(esbuild, outfile, entry = 'main.ts', name = 'app', withPackages = false) {
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  return esbuild
    .build({
      entryPoints: [path.join(ROOT, entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: `node${process.versions.node.split('.')[0]}`,
      ...(withPackages ? { external: ['esbuild'] } : { packages: 'external' }),
      outfile: tmp,
      plugins: [keepDirname],
      logLevel: 'error',
    })
    .then(() => {
      fs.renameSync(tmp, outfile);
      // Older bundles of this checkout and their code caches are stale (a cache of this bundle's name too: the bundle is new).
      for (const old of fs.readdirSync(path.dirname(outfile))) {
        const full = path.join(path.dirname(outfile), old);
        if (new RegExp(`^${name}-[0-9a-f]+\\.cjs(\\.v8cache)?$`).test(old) && full !== outfile) fs.rmSync(full, { force: true });
      }
    });
}

/**
 * Deployment profiles written in TypeScript are required at run time: transpile them as they load.
 * The transpiled text is cached by a hash of the file's path, text and options (and esbuild's version): a
 * synth of unchanged profiles does not start esbuild's service at all; an edit transpiles again.
 */
function registerTypeScript(esbuild, cache = path.join(ROOT, 'node_modules', '.cache', 'stx-openstack-gitops-ts')) {
  require.extensions['.ts'] = (module, filename) => {
    const text = fs.readFileSync(filename, 'utf8');
    const key = (s) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16);
    const prefix = `${key(`${esbuild.version}\0${filename}`)}-`;
    const options = { loader: 'ts', format: 'cjs', sourcefile: filename, target: 'node20' };
    const cached = path.join(cache, `${prefix}${key(`${JSON.stringify(options)}\0${text}`)}.cjs`);
    let code;
    try {
      code = fs.readFileSync(cached, 'utf8');
    } catch {
      code = esbuild.transformSync(text, options).code;
      // The older transpilations of this file are stale; a cache that cannot be written stays as it is.
      if (writeCacheFile(cached, code)) {
        try {
          for (const old of fs.readdirSync(cache))
            if (old.startsWith(prefix) && path.join(cache, old) !== cached) fs.rmSync(path.join(cache, old), { force: true });
        } catch {
          // another process removes them meanwhile, or a file we may not remove: the next run tries again
        }
      }
    }
    module._compile(code, filename);
  };
}

/**
 * esbuild's version (from its package.json) and, loaded on first use, its API: a synth whose bundle
 * and TypeScript profiles are cached does not load esbuild at all.
 */
function lazyEsbuild() {
  let api;
  const load = () => (api ??= require('esbuild'));
  return {
    version: JSON.parse(fs.readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version,
    build: (options) => load().build(options),
    transformSync: (text, options) => load().transformSync(text, options),
  };
}

async function main() {
  const esbuild = lazyEsbuild();
  const outfile = bundlePath(esbuild);
  if (!fs.existsSync(outfile)) await build(esbuild, outfile, 'main.ts', 'app', true);
  registerTypeScript(esbuild);
  requireBundle(outfile);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`synth failed: ${error && error.message ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}

module.exports = { bundlePath, build, codeCachePath, lazyEsbuild, registerTypeScript, requireBundle, sourceFiles };
