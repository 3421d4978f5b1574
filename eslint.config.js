// @ts-check
import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/** Import patterns that cross a runtime boundary, per folder (see docs/ARCHITECTURE.md). */
const NODE_BUILTINS = {
  group: ['node:*'],
  message: 'shared/ and renderer/ run without Node: no node:* imports.',
}
const ELECTRON = { name: 'electron', message: 'Only electron/ (main and preload) may import electron.' }
const REACT = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
  message: 'React belongs to renderer/.',
}
const TO_RENDERER = {
  group: ['**/renderer/**', '**/renderer'],
  message: 'Nothing outside renderer/ imports it.',
}
const TO_ELECTRON = { group: ['**/electron/**', '**/electron'], message: 'Only electron/ imports electron/.' }

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', '.cache/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'e2e/**', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [ELECTRON], patterns: [NODE_BUILTINS, REACT, TO_RENDERER, TO_ELECTRON] },
      ],
    },
  },
  {
    files: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [REACT, TO_RENDERER, TO_ELECTRON] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [NODE_BUILTINS, TO_ELECTRON] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'node/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use the typed wrappers in electron/main/ipc.ts and electron/preload.',
            },
          ],
          patterns: [REACT, TO_RENDERER],
        },
      ],
    },
  },
  {
    files: ['node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'node/ runs in plain Node (CLI, snapshot worker): no electron.',
            },
          ],
          patterns: [REACT, TO_RENDERER, TO_ELECTRON],
        },
      ],
    },
  },
  {
    files: ['electron/main/ipc.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [REACT, TO_RENDERER] }] },
  },
)
