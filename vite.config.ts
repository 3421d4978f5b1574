import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { recordBundledPackages } from './scripts/third-party-notices.mjs'

const projectRoot = fileURLToPath(new URL('.', import.meta.url))

/**
 * The dev server injects inline scripts (React Refresh), inline <style> elements (CSS hot reload) and talks over
 * a websocket, all of which the production CSP in index.html forbids. Only `vite` (serve) relaxes it, so the
 * built app is always tested under the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'synclens-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*"),
  }
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), relaxCspForDevServer(), { ...recordBundledPackages('renderer'), apply: 'build' }],
  worker: { format: 'es', plugins: () => [recordBundledPackages('renderer-worker')] },
  build: {
    outDir: `${projectRoot}dist/renderer`,
    emptyOutDir: true,
    // Electron loads the build from a custom protocol with a strict CSP: no inlined data: scripts or workers.
    assetsInlineLimit: 0,
  },
})
