// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

// Lint catches mistakes; Prettier (`.prettierrc.json`) owns the layout, so every stylistic
// rule is off (eslint-config-prettier, last). Rules run without type information: `tsc -b`
// (strict) already checks the types, and type-aware linting would cost minutes on 2 cores.
export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.types/**',
      '**/.data/**',
      '**/.tmp/**',
      'web/src/graphql/generated/**',
      'web/test-results/**',
      'web/playwright-report/**',
      'wip/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter or binding that is there for its position, not its value.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `any` here marks deliberately untyped boundaries: GraphQL results read as JSON in tests and
      // the benchmark, Apollo's per-server context generic. An accidental `any` is caught by tsc's
      // noImplicitAny (strict); forbidding the written ones would mean typing every test payload.
      '@typescript-eslint/no-explicit-any': 'off',
      // Reach another folder of the same package through its alias (`@server/…`, `@server/test/…`,
      // `@web/…`, see tsconfig.json), not through a ladder of `../`. scripts/codemod-aliases.mjs
      // rewrites them.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./){3,}', message: 'Use the @server/, @server/test/ or @web/ alias (node scripts/codemod-aliases.mjs).' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // `use…` in a test file names a vitest set-up helper (useChartEnvironment registers hooks
    // with beforeEach/afterEach, as useTestDatabase does on the server), not a React hook.
    files: ['web/src/**/*.test.{ts,tsx}', 'web/src/test/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['web/e2e/**/*.ts'],
    // Functions passed to page.evaluate() run in the browser.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
