import { useCallback, useState } from 'react'

/** Prefix of every size SyncLens remembers in local storage. */
const PREFIX = 'synclens.size.'

/** A remembered size, or null when none (or an unreadable one) is stored. */
export function readRememberedSize(
  name: string,
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
): number | null {
  try {
    const raw = storage?.getItem(PREFIX + name) ?? null
    if (raw === null) return null
    const value = Number(raw)
    return Number.isFinite(value) && value > 0 && value < 100_000 ? value : null
  } catch {
    return null
  }
}

/** Stores a size; storage that refuses (privacy settings, quota) only loses the memory, never the resize. */
export function writeRememberedSize(
  name: string,
  value: number,
  storage: Pick<Storage, 'setItem'> | null = safeStorage(),
): void {
  try {
    storage?.setItem(PREFIX + name, String(Math.round(value)))
  } catch {
    // Nothing to do: the size still applies for this window.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

/**
 * A panel size the user set (a splitter drag, a column resize), remembered across windows and restarts: null
 * until the user first changes it, so the layout's default applies.
 */
export function useRememberedSize(name: string): readonly [number | null, (value: number) => void] {
  const [size, setSize] = useState<number | null>(() => readRememberedSize(name))
  const update = useCallback(
    (value: number) => {
      setSize(value)
      writeRememberedSize(name, value)
    },
    [name],
  )
  return [size, update]
}
