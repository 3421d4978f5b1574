/** RGBA pixels of the icon at `size`. */
export function render(size: number): Uint8Array
/** A PNG file (8-bit RGBA) of square RGBA pixels. */
export function encodePng(size: number, pixels: Uint8Array): Uint8Array
/** Every size written to build/icons. */
export const SIZES: readonly number[]
