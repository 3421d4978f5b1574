/** A window's remembered position and size. */
export interface WindowState {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly maximized: boolean
}

/** A rectangle of the screen (a display's work area). */
export interface Area {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** The size of a first window, and the smallest the layout still works at. */
export const DEFAULT_SIZE = { width: 1280, height: 800 } as const
/** The smallest window the layout works at. */
export const MIN_SIZE = { width: 800, height: 500 } as const

/** The remembered state from the JSON stored in user data; null when missing or not ours. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  const numbers = [record.x, record.y, record.width, record.height]
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null
  const [x, y, width, height] = numbers as number[]
  if (x === undefined || y === undefined || width === undefined || height === undefined) return null
  return { x, y, width, height, maximized: record.maximized === true }
}

/**
 * Where the window opens: where it was, when that still overlaps a display enough to grab its
 * title bar; otherwise the default size, centred by the OS. Sizes are clamped to the minimum.
 */
export function placeWindow(
  saved: WindowState | null,
  displays: readonly Area[],
): Partial<WindowState> & {
  readonly width: number
  readonly height: number
} {
  if (saved === null) return { ...DEFAULT_SIZE }
  const width = Math.max(MIN_SIZE.width, Math.round(saved.width))
  const height = Math.max(MIN_SIZE.height, Math.round(saved.height))
  const titleBar: Area = { x: saved.x, y: saved.y, width, height: 40 }
  const visible = displays.some((display) => overlap(titleBar, display) >= 100 * 20)
  return visible
    ? { x: Math.round(saved.x), y: Math.round(saved.y), width, height, maximized: saved.maximized }
    : { width, height, maximized: saved.maximized }
}

function overlap(a: Area, b: Area): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}
