// @ts-check
// Lint for the whole project: typescript-eslint's recommended rules, the Astro plugin for components,
// Prettier's formatting left to Prettier, and the boundaries the layout promises (README, "Project
// layout"): browser code never reaches Node-only code, and Node-only modules say so by importing node:.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Folders whose modules run in the browser, or may be imported by code that does. */
const BROWSER = ['src/client/**', 'src/domain/**', 'src/text/**', 'src/search/**', 'src/catalog/**'];
/** Folders of Node-only code (files, processes, WebAssembly loaded from node_modules). */
const NODE_ONLY = [
  'build',
  'fs',
  'commands',
  'shell',
  'validator',
  'kubectl',
  'checks',
  'bench',
  'chromium',
  'offline',
  'markdown',
  'schemas',
  'cli',
  'runner',
  'companion',
  'alerts',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist.*/',
      'node_modules/',
      '.astro/',
      '.tools/',
      'bundles/',
      'bench/starlight/',
      'scratch/',
      'test/fixtures/',
      'src/env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Comments say why; a `catch {}` with a comment is a decision, not an oversight.
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: BROWSER,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'browser code cannot use Node modules' },
            {
              group: NODE_ONLY.map((folder) => `**/${folder}/*`),
              allowTypeImports: true,
              message:
                'browser code imports only src/client, src/domain, src/text, src/search and src/catalog (types from anywhere)',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
