import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { preview } from 'vite'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './content-security-policy'

const ROOT = path.resolve(__dirname, '..', '..')

function sources(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(folder, file))
}

describe('the Content-Security-Policy', () => {
  it('is the one in index.html, less frame-ancestors', () => {
    const html = fs.readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8')

    expect(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1]).toBe(
      META_CONTENT_SECURITY_POLICY,
    )
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
  })

  it("allows workers from 'self' only, which is how the renderer starts its worker", () => {
    const starts = sources(path.join(ROOT, 'renderer')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/new (?:Shared)?Worker\(([^)]*\))/g)].map(
        (match) => match[1],
      ),
    )

    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )worker-src 'self'(;|$)/)
    expect(starts.length).toBeGreaterThan(0)
    for (const start of starts) expect(start).toMatch(/^new URL\('\.\/[\w.-]+', import\.meta\.url\)/)
  })

  it("is sent as a header by vite preview (npm run web), with frame-ancestors 'none'", async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-preview-'))
    fs.writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><title>x</title>')
    const server = await preview({
      configFile: path.join(ROOT, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', open: false },
    })
    try {
      const address = server.httpServer.address() as AddressInfo
      const response = await fetch(`http://127.0.0.1:${address.port}/`)

      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(response.headers.get('x-frame-options')).toBe('DENY')
    } finally {
      await server.close()
      fs.rmSync(outDir, { recursive: true, force: true })
    }
  })
})
