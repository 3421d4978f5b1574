/** The icon as a PNG file `size` pixels square, rendered from icon.svg. */
export function renderPng(size: number): Uint8Array
/** A Windows .ico holding PNG images. */
export function encodeIco(images: readonly { readonly size: number; readonly png: Uint8Array }[]): Uint8Array
/** A macOS .icns holding PNG images of the sizes it names. */
export function encodeIcns(images: readonly { readonly size: number; readonly png: Uint8Array }[]): Uint8Array
/** Every size written to build/icons. */
export const SIZES: readonly number[]
