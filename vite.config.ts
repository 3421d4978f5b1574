import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { recordBundledPackages } from './scripts/third-party-notices.mjs'
import {
  CONTENT_SECURITY_POLICY,
  devServerPolicy,
  META_CONTENT_SECURITY_POLICY,
  securityHeaders,
} from './shared/app/content-security-policy'

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
      html.replace(META_CONTENT_SECURITY_POLICY, devServerPolicy(META_CONTENT_SECURITY_POLICY)),
  }
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), relaxCspForDevServer(), { ...recordBundledPackages('renderer'), apply: 'build' }],
  worker: { format: 'es', plugins: () => [recordBundledPackages('renderer-worker')] },
  // The policy as a header too, which alone can forbid framing (frame-ancestors): `vite preview` serves the
  // browser build (`npm run web`, the e2e tests), `vite` the dev build.
  preview: { headers: securityHeaders(CONTENT_SECURITY_POLICY) },
  server: { headers: securityHeaders(devServerPolicy(CONTENT_SECURITY_POLICY)) },
  build: {
    outDir: `${projectRoot}dist/renderer`,
    emptyOutDir: true,
    // Electron loads the build from a custom protocol with a strict CSP: no inlined data: scripts or workers.
    assetsInlineLimit: 0,
  },
})
