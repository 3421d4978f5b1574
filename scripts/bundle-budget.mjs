#!/usr/bin/env node
// Holds the window's first bundle (the entry chunk of dist/renderer) to its budget: the shell loads from it
// before anything shows, so it must stay small; views load as chunks of their own and the engine runs in the
// snapshot worker's bundle. Run after `npm run build`; `npm test` does.
import fs from 'node:fs'
import path from 'node:path'

/** The entry chunk's budget, in bytes (what Vite reports as kB is 1000 bytes). */
export const MAIN_CHUNK_BUDGET = 350_000

/** The entry chunk's file and size, and every other chunk's, from a renderer build folder. */
export function measureBundle(distDir) {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8')
  const entry = /<script[^>]+type="module"[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1]
  if (entry === undefined) throw new Error(`${distDir}/index.html names no module script.`)
  const sizeOf = (relative) => fs.statSync(path.join(distDir, relative)).size
  const assets = fs.readdirSync(path.join(distDir, 'assets')).filter((name) => name.endsWith('.js'))
  return {
    entry: { file: entry, bytes: sizeOf(entry) },
    chunks: assets.map((name) => ({ file: `assets/${name}`, bytes: sizeOf(`assets/${name}`) })),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
  const { entry, chunks } = measureBundle(path.join(root, 'dist', 'renderer'))
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
  for (const chunk of chunks.sort((a, b) => b.bytes - a.bytes)) {
    process.stdout.write(
      `${kB(chunk.bytes).padStart(10)}  ${chunk.file}${chunk.file === entry.file ? '  (entry)' : ''}\n`,
    )
  }
  if (entry.bytes > MAIN_CHUNK_BUDGET) {
    process.stdout.write(
      `The window's entry chunk is ${kB(entry.bytes)}, over its budget of ${kB(MAIN_CHUNK_BUDGET)}. ` +
        'Load the new code lazily (a view is a lazy chunk in renderer/app/workspace.tsx), or keep engine code ' +
        'in the snapshot worker.\n',
    )
    process.exitCode = 1
  } else {
    process.stdout.write(`Entry chunk ${kB(entry.bytes)} of ${kB(MAIN_CHUNK_BUDGET)}: within budget.\n`)
  }
}
