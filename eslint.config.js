// Lint: typescript-eslint's recommended rules, plus the boundaries the architecture relies on.
// Formatting is prettier's job (npm run format); lint only finds mistakes.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // The domain core is pure: no platform modules.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', '../cli/*', '../apps-script/*', '../notion-sync/*', '@notionhq/*', 'exceljs'] },
      ],
    },
  },
  {
    // The mirror runs in Apps Script too: no Node modules.
    files: ['notion-sync/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*', '../cli/*', '../apps-script/*'] }] },
  },
  {
    // Tests read JSON the command prints (typing each such object would only restate the docs) and
    // match ANSI colour codes.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-control-regex': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
);
