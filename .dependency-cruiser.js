/**
 * The project's layering, checked by `npm run deps` (part of `npm test`).
 *
 *   lib/engine      Flux/kustomize/YAML engine: knows nothing of OpenStack.
 *   lib/validate    tree validator: reads any Flux tree from disk; builds on the engine only.
 *   lib/profile     profile schema, loader, derived facts: what release value functions read.
 *   releases, overrides, policies
 *                   release definitions and their values; know nothing of how they are composed.
 *   lib/deployment  composition; lib/commands, scripts/, main.ts: commands on top of it all.
 *   test/           reads everything; nothing reads it.
 *
 * Paths are relative to the repository root. Type-only imports count (tsPreCompilationDeps).
 */

/** Node built-ins and npm packages: allowed everywhere. */
const EXTERNAL = ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'];
/** Commands: lib/commands, scripts/, main.ts (an alternation, to put inside ^(...)). */
const COMMANDS = 'lib/commands/|scripts/|main\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-self-contained',
      comment: 'lib/engine may import only lib/engine, imports/ (cdk8s import output), node built-ins and npm packages.',
      severity: 'error',
      from: { path: '^lib/engine/' },
      to: { pathNot: '^(lib/engine/|imports/)', dependencyTypesNot: EXTERNAL },
    },
    {
      name: 'validate-builds-on-engine-only',
      comment: 'lib/validate reads any Flux tree: it may import only lib/validate, lib/engine, imports/, node built-ins and npm packages.',
      severity: 'error',
      from: { path: '^lib/validate/' },
      to: { pathNot: '^(lib/validate/|lib/engine/|imports/)', dependencyTypesNot: EXTERNAL },
    },
    {
      name: 'profile-below-releases',
      comment: 'lib/profile is what release value functions read: it may not reach up into releases (but releases/names.ts and the chart version table releases/chart-versions.ts), overrides (but overrides/images.ts), policies, composition or commands.',
      severity: 'error',
      from: { path: '^lib/profile/' },
      to: {
        path: `^(releases/|overrides/|policies/|lib/deployment/|lib/validate/|${COMMANDS})`,
        pathNot: '^(releases/names\\.ts|releases/chart-versions\\.ts|overrides/images\\.ts)$',
      },
    },
    {
      name: 'definitions-below-composition',
      comment: 'releases, overrides and policies may not import composition (lib/deployment), the validator, commands or tests.',
      severity: 'error',
      from: { path: '^(releases|overrides|policies)/' },
      to: { path: `^(lib/deployment/|lib/validate/|test/|${COMMANDS})` },
    },
    {
      name: 'release-folders-independent',
      comment: 'One release folder (releases/<a>/) does not reach into another (releases/<b>/); shared code lives in overrides/ or releases/*.ts.',
      severity: 'error',
      from: { path: '^releases/([^/]+)/' },
      to: { path: '^releases/[^/]+/', pathNot: '^releases/$1/' },
    },
    {
      name: 'overrides-below-releases',
      comment: 'overrides/ (static values and shared value builders) may import from releases/ only releases/names.ts.',
      severity: 'error',
      from: { path: '^overrides/' },
      to: { path: '^releases/', pathNot: '^releases/names\\.ts$' },
    },
    {
      name: 'deployment-below-commands',
      comment: 'lib/deployment (composition) may not import commands (lib/commands, scripts/, main.ts).',
      severity: 'error',
      from: { path: '^lib/deployment/' },
      to: { path: `^(${COMMANDS})` },
    },
    {
      name: 'nothing-imports-tests',
      comment: 'Only test/ imports test/.',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      comment: 'No module depends on itself through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (a typo in a relative path would otherwise slip through the rules above).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|node_modules|credentials|scratch|reports|\\.cdk8s-out|\\.stryker-tmp[^/]*)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};
