/** What the user chose: follow the system, or force a theme. */
export type ThemePreference = 'system' | 'light' | 'dark'

/** The theme actually applied. */
export type Theme = 'light' | 'dark'

/** The localStorage key that keeps the user's choice between sessions. */
export const THEME_STORAGE_KEY = 'synclens.theme'

/** Reads a stored preference; anything unknown (absent, edited by hand) means "follow the system". */
export function parseThemePreference(stored: string | null): ThemePreference {
  return stored === 'light' || stored === 'dark' ? stored : 'system'
}

/** The theme to apply for a preference, given whether the system prefers dark. */
export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light'
  return preference
}

/**
 * The theme the toggle switches to: the opposite of what is shown. Choosing the theme the system already
 * prefers goes back to "system", so the app follows later system changes again.
 */
export function toggledPreference(current: Theme, systemPrefersDark: boolean): ThemePreference {
  const next: Theme = current === 'dark' ? 'light' : 'dark'
  return resolveTheme('system', systemPrefersDark) === next ? 'system' : next
}
