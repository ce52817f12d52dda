import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noNodeOrElectron = {
  patterns: [
    {
      group: ['node:*', 'fs', 'path', 'child_process', 'crypto', 'os'],
      message: 'This layer may not import Node.',
    },
    {
      group: ['electron', 'electron/*', 'electron-store'],
      message: 'This layer may not import Electron.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      'test-results',
      'playwright-report',
      'bench/.data',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-exports': [
        'error',
        { restrictDefaultExports: { direct: true, named: true, defaultFrom: true } },
      ],
    },
  },
  {
    // Config files and module declarations for bundler imports are where a default export is the
    // tool's own convention.
    files: ['*.config.ts', '*.config.js', '**/*.d.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...noNodeOrElectron,
          patterns: [
            ...noNodeOrElectron.patterns,
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the host only through the API.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeOrElectron.patterns,
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ imports neither side.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'electron-store'],
              message: 'Core services never import Electron.',
            },
            {
              group: ['**/renderer/**', '**/main/**', '**/preload/**'],
              message: 'The core does not know its shells.',
            },
          ],
        },
      ],
    },
  },
  {
    // The shell's decisions live beside main.ts in modules that unit tests can load without
    // Electron; only main.ts itself touches it.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'electron-store'],
              message:
                'Only electron/main/main.ts imports Electron; decide things in plain modules.',
            },
          ],
        },
      ],
    },
  },
);
