import { describe, expect, it } from 'vitest'
import { parseThemePreference, resolveTheme, toggledPreference } from './theme'

describe('parseThemePreference', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', 'system'],
    [null, 'system'],
    ['DARK', 'system'],
    ['__proto__', 'system'],
  ] as const)('reads %s as %s', (stored, expected) => {
    expect(parseThemePreference(stored)).toBe(expected)
  })
})

describe('resolveTheme', () => {
  it.each([
    ['system', true, 'dark'],
    ['system', false, 'light'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
  ] as const)('%s with system dark=%s gives %s', (preference, systemDark, expected) => {
    expect(resolveTheme(preference, systemDark)).toBe(expected)
  })
})

describe('toggledPreference', () => {
  it.each([
    ['light', false, 'dark'],
    ['dark', false, 'system'],
    ['dark', true, 'light'],
    ['light', true, 'system'],
  ] as const)('from %s with system dark=%s switches to %s', (current, systemDark, expected) => {
    expect(toggledPreference(current, systemDark)).toBe(expected)
  })
})
