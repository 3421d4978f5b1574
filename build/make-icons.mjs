#!/usr/bin/env node
// Renders build/icon.svg with resvg into the PNG sizes, the .ico and the .icns electron-builder needs.
// Run `node build/make-icons.mjs` after changing icon.svg; scripts/dist.test.ts checks the committed icons
// are what this renders.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The icon as a PNG file `size` pixels square, rendered from icon.svg (text-free, so no fonts are loaded). */
export function renderPng(size) {
  const svg = fs.readFileSync(path.join(here, 'icon.svg'))
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  })
  return resvg.render().asPng()
}

/** A Windows .ico holding PNG images (Vista and later read PNG entries). */
export function encodeIco(images) {
  const header = Buffer.alloc(6 + images.length * 16)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, index) => {
    const at = 6 + index * 16
    header[at] = size >= 256 ? 0 : size
    header[at + 1] = size >= 256 ? 0 : size
    header.writeUInt16LE(1, at + 4)
    header.writeUInt16LE(32, at + 6)
    header.writeUInt32LE(png.length, at + 8)
    header.writeUInt32LE(offset, at + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map((image) => image.png)])
}

const ICNS_TYPES = new Map([
  [16, 'icp4'],
  [32, 'icp5'],
  [64, 'icp6'],
  [128, 'ic07'],
  [256, 'ic08'],
  [512, 'ic09'],
  [1024, 'ic10'],
])

/** A macOS .icns holding PNG images of the sizes it names. */
export function encodeIcns(images) {
  const entries = images
    .filter(({ size }) => ICNS_TYPES.has(size))
    .map(({ size, png }) => {
      const head = Buffer.alloc(8)
      head.write(ICNS_TYPES.get(size), 0, 'ascii')
      head.writeUInt32BE(png.length + 8, 4)
      return Buffer.concat([head, png])
    })
  const body = Buffer.concat(entries)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

/** Every size electron-builder and the desktop environments ask for. */
export const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

function main() {
  const images = SIZES.map((size) => ({ size, png: renderPng(size) }))
  const iconsDir = path.join(here, 'icons')
  fs.mkdirSync(iconsDir, { recursive: true })
  for (const { size, png } of images) fs.writeFileSync(path.join(iconsDir, `${size}x${size}.png`), png)
  const bySize = new Map(images.map((image) => [image.size, image]))
  fs.writeFileSync(path.join(here, 'icon.png'), bySize.get(1024).png)
  fs.writeFileSync(
    path.join(here, 'icon.ico'),
    encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => bySize.get(size))),
  )
  fs.writeFileSync(path.join(here, 'icon.icns'), encodeIcns(images))
  process.stdout.write(`Wrote ${images.length} PNG sizes, icon.png, icon.ico and icon.icns to ${here}\n`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
