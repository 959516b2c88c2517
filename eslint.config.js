// Lint: typescript-eslint's recommended rules, plus the boundaries the folders promise:
// the backend, devhost and CLI never import 'electron' at run time (type imports are fine), so they
// run under plain Node (CLI, tests, devhost) where Electron's binary may not exist.
import tseslint from 'typescript-eslint';

const noElectron = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: 'electron/backend, devhost and cli run without Electron; use `import type` only.', allowTypeImports: true }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**', '.bench/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['electron/backend/**', 'electron/devhost/**', 'electron/cli/**'], rules: noElectron },
  {
    files: ['shared/**', 'renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'electron'], message: 'shared/ and renderer/ run without Node.' }] }],
    },
  },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
);
