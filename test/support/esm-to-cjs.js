// Jest runs CommonJS; age-encryption and its @noble/@scure dependencies ship only ES modules.
// esbuild (already a dependency) turns each such file into CommonJS as Jest loads it.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { format: 'cjs', loader: 'js', sourcemap: true, sourcefile: filename, target: 'node20' });
    return { code, map };
  },
};
