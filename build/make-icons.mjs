#!/usr/bin/env node
// Draws the shapes of build/icon.svg into the PNG sizes, the .ico and the .icns electron-builder needs.
// Offline and dependency-free: a small coverage rasterizer, node:zlib for PNG, and the two containers.
// Run `node build/make-icons.mjs` after changing icon.svg (and the SHAPES below with it).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const here = path.dirname(new URL(import.meta.url).pathname)
const VIEW = 1024
const SAMPLES = 4

const hex = (value) => [1, 3, 5].map((at) => parseInt(value.slice(at, at + 2), 16))

/** Signed distances (negative inside) of the icon.svg shapes, in view-box units, painted in order. */
const SHAPES = [
  { color: hex('#17406b'), distance: roundedRect(64, 64, 896, 896, 192) },
  { color: hex('#7fd0ff'), distance: roundedRect(300, 330, 280, 56, 28) },
  { color: hex('#ffffff'), distance: roundedRect(300, 442, 200, 56, 28) },
  { color: hex('#7fd0ff'), distance: roundedRect(300, 554, 250, 56, 28) },
  { color: hex('#ffffff'), distance: (x, y) => Math.abs(Math.hypot(x - 440, y - 470) - 250) - 32 },
  { color: hex('#ffffff'), distance: capsule(630, 660, 810, 840, 52) },
]

function roundedRect(x, y, width, height, radius) {
  const cx = x + width / 2
  const cy = y + height / 2
  return (px, py) => {
    const qx = Math.abs(px - cx) - width / 2 + radius
    const qy = Math.abs(py - cy) - height / 2 + radius
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius
  }
}

function capsule(x1, y1, x2, y2, radius) {
  return (px, py) => {
    const dx = x2 - x1
    const dy = y2 - y1
    const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)))
    return Math.hypot(px - x1 - t * dx, py - y1 - t * dy) - radius
  }
}

/** RGBA pixels of the icon at `size`, supersampled SAMPLES x SAMPLES per pixel. */
export function render(size) {
  const pixels = Buffer.alloc(size * size * 4)
  const scale = VIEW / size
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (column + (sx + 0.5) / SAMPLES) * scale
          const y = (row + (sy + 0.5) / SAMPLES) * scale
          let color = null
          for (const shape of SHAPES) if (shape.distance(x, y) <= 0) color = shape.color
          if (color) {
            r += color[0]
            g += color[1]
            b += color[2]
            a += 1
          }
        }
      }
      const at = (row * size + column) * 4
      if (a > 0) {
        pixels[at] = Math.round(r / a)
        pixels[at + 1] = Math.round(g / a)
        pixels[at + 2] = Math.round(b / a)
        pixels[at + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES))
      }
    }
  }
  return pixels
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** A PNG file (8-bit RGBA, no filtering) of square RGBA pixels. */
export function encodePng(size, pixels) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let row = 0; row < size; row++) {
    pixels.copy(rows, row * (size * 4 + 1) + 1, row * size * 4, (row + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
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
  const images = SIZES.map((size) => ({ size, png: encodePng(size, render(size)) }))
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

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname))
  main()
