import { defineConfig } from 'vitest/config'

/** The benchmark's own unit tests (the root config does not include bench/): npx vitest run -c bench/vitest.config.ts */
export const benchTestConfig = defineConfig({
  test: { include: ['bench/**/*.test.ts'], environment: 'node', root: '.' },
})

// Vitest loads a config file through its default export.
// eslint-disable-next-line no-restricted-syntax
export default benchTestConfig
