// @ts-check
import js from '@eslint/js'
import globals from 'globals'
import jsxA11y from 'eslint-plugin-jsx-a11y'
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

const NAMED_EXPORTS = [{ selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }]

/**
 * Spreading an array into call arguments puts every element on the stack: past about 125,000 elements (a file
 * with that many issues, an attribute with that many values) it throws "Maximum call stack size exceeded".
 * Production code loops instead (or concatenates). Forwarding a typed argument tuple named `args` (a query's or an
 * IPC channel's parameters, validated and a few elements long) is allowed; any other safe spread is marked.
 */
const NO_ARGUMENT_SPREAD = [
  {
    selector:
      "CallExpression > SpreadElement:not([argument.name='args']):not([argument.property.name='args'])",
    message:
      'No spread into call arguments (push(...x), Math.max(...x)): it overflows the stack on large arrays. Loop.',
  },
  {
    selector: "NewExpression > SpreadElement:not([argument.name='args'])",
    message: 'No spread into constructor arguments: it overflows the stack on large arrays. Loop.',
  },
  {
    selector: "CallExpression[callee.property.name='apply'][arguments.length=2]",
    message: 'No fn.apply(this, array): it overflows the stack on large arrays. Loop.',
  },
]

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
      'no-restricted-syntax': ['error', ...NAMED_EXPORTS],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}', 'node/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: { 'no-restricted-syntax': ['error', ...NAMED_EXPORTS, ...NO_ARGUMENT_SPREAD] },
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
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: { ...globals.browser }, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Accessibility of the markup (the e2e suite runs axe over every view, light and dark).
      ...jsxA11y.flatConfigs.recommended.rules,
      // A focusable separator is the WAI-ARIA window splitter; a focusable tab panel is the tabs pattern.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'separator'] }],
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
