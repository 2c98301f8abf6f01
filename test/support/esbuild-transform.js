// Jest transform: esbuild turns each TypeScript file (type stripping only: tsconfig has
// isolatedModules and `npm test` type checks with tsc first) and each ES-module-only package file
// (age-encryption, @noble, @scure) into CommonJS as Jest loads it. ts-jest did the TypeScript part
// at about 5 s of CPU per cold run; esbuild is already a dependency (the app bundle).
// A file that calls jest.mock goes through ts-jest, which hoists the call above the imports.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { transformSync, version } = require('esbuild');

// The compiler options esbuild honours (e.g. useDefineForClassFields follows the target).
const tsconfig = fs.readFileSync(path.join(__dirname, '..', '..', 'tsconfig.json'), 'utf8');
const self = fs.readFileSync(path.join(__dirname, 'esbuild-transform.js'), 'utf8');

let tsJest;

module.exports = {
  process(source, filename, options) {
    const ts = /\.ts$/.test(filename);
    if (ts && /\bjest\.mock\(/.test(source)) {
      tsJest ??= require('ts-jest').default.createTransformer({});
      return tsJest.process(source, filename, options);
    }
    const { code, map } = transformSync(source, {
      format: 'cjs',
      loader: ts ? 'ts' : 'js',
      sourcemap: true,
      sourcefile: filename,
      target: 'node20',
      tsconfigRaw: ts ? tsconfig : undefined,
    });
    return { code, map };
  },
  getCacheKey(source, filename, options) {
    return crypto
      .createHash('sha256')
      .update(version)
      .update(self)
      .update(tsconfig)
      .update(options.configString)
      .update(filename)
      .update(source)
      .digest('hex');
  },
};
