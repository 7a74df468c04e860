// ESLint (flat config): typed TypeScript rules and the React hooks rules. `npm run lint` runs it with
// Prettier and stylelint; `npm test` fails when any of them does.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.cache/**',
      '.local-data/**',
      '.swc/**',
      'cloudfunctions/*/index.js',
      'cloudfunctions/*/node_modules/**',
      'bench/hello-world/**',
      'test-results/**',
      'build/**',
      'deploy/**',
      'src/components/**/native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser, ...globals.jest, wx: 'readonly', getCurrentPages: 'readonly' },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc already reports unused names (noUnusedLocals/Parameters); one report is enough.
      '@typescript-eslint/no-unused-vars': 'off',
      // Values from JSON, the wire and the SDK are validated by zod at the boundary; the unsafe-* family
      // would flag every such hand-off without finding bugs.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // `async` marks an API that answers a promise (SDK seams, action tables) even where this body needs no await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // Props and scope helpers are plain functions (no `this`), which this rule cannot tell from methods.
      '@typescript-eslint/unbound-method': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.tsx', 'src/hooks/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Tests read wire results and drive mocks: loose types and async stubs are the point there.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-implied-eval': 'off',
      '@typescript-eslint/await-thenable': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The local runtime loads the SDK and the built bundles at run time (require), like the cloud does.
    files: ['local/runtime/**', 'config/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A port of exceljs's untyped sheet parser, held to exceljs by a differential test (xlsx-reader.test.ts).
    files: ['cloudfunctions/admin/src/imports/xlsx-reader.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Benches build hostile and random inputs of any shape.
    files: ['bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
