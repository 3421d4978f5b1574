import { useCallback, useEffect, useState } from 'react'
import {
  parseThemePreference,
  resolveTheme,
  THEME_STORAGE_KEY,
  toggledPreference,
  type Theme,
  type ThemePreference,
} from './theme'

const DARK_QUERY = '(prefers-color-scheme: dark)'

function readStoredPreference(): ThemePreference {
  try {
    return parseThemePreference(window.localStorage.getItem(THEME_STORAGE_KEY))
  } catch {
    // Storage can be unavailable (privacy settings); the system theme is a fine default.
    return 'system'
  }
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches
}

/** Sets the theme on `<html>` before React renders, so the first paint already has the right colours. */
export function applyStoredTheme(): void {
  document.documentElement.dataset.theme = resolveTheme(readStoredPreference(), systemPrefersDark())
}

/** The applied theme and a toggle; follows the system until the user picks, and remembers the pick. */
export function useTheme(): { readonly theme: Theme; readonly toggle: () => void } {
  const [preference, setPreference] = useState<ThemePreference>(readStoredPreference)
  const [systemDark, setSystemDark] = useState(systemPrefersDark)
  const theme = resolveTheme(preference, systemDark)

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined
    const query = window.matchMedia(DARK_QUERY)
    const onChange = (event: MediaQueryListEvent): void => setSystemDark(event.matches)
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [])

  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])

  const toggle = useCallback(() => {
    const next = toggledPreference(theme, systemDark)
    setPreference(next)
    try {
      if (next === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY)
      else window.localStorage.setItem(THEME_STORAGE_KEY, next)
    } catch {
      // Not persisted when storage is unavailable; the toggle still works for this session.
    }
  }, [theme, systemDark])

  return { theme, toggle }
}
