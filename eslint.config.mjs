// ESLint (flat config): typescript-eslint's recommended rules on every TypeScript and JavaScript file
// of the project; run by `npm run lint` and `npm test`.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'imports/', 'node_modules/', 'coverage/', '.cdk8s-out/', 'credentials/', 'scratch/', '.stryker-tmp/', '.stryker-tmp-*/', 'reports/'] },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  // The project's own root: copies of the project (Stryker's sandboxes) must not confuse the parser.
  { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } },
  {
    // CommonJS files: configuration (jest, dependency-cruiser) and the app launcher (scripts/app.cjs).
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // ES module configuration files (stryker) run on Node.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly' } },
  },
);
